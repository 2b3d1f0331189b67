using CellRadar.Core.Errors;
using CellRadar.Core.Fetching;
using CellRadar.Core.Pipeline;
using CellRadar.Storage;
using CellRadar.Watching;

namespace CellRadar.Tests.Web;

/// <summary><c>watch</c> and <c>ingest URL</c> against a real news site on 127.0.0.1, with a real SQLite file.</summary>
public sealed class WatchCommandTests : IAsyncLifetime, IDisposable
{
    private readonly TempFolder _temp = new();
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _temp.Dispose();

    private string FeedList(params Uri[] feeds) =>
        _temp.File("feeds.txt", "# feeds for this test\n\n" + string.Join("\n", feeds.Select(f => f.AbsoluteUri + "   # loopback")) + "\n");

    /// <summary>Runs the command tree on a worker thread, as the console would, with loopback allowed and no politeness delay.</summary>
    private Task<CliResult> Cli(params string[] args) => Task.Run(() => CliRun.Run([.. args, "--db", _temp.Database]));

    private Task<CliResult> WatchOnce(string feeds) => Cli("watch", "--feeds", feeds, "--once", "--allow-private", "--host-delay", "0s");

    private StoreCounts Counts()
    {
        using var store = SqliteEventStore.Open(_temp.Database);
        return store.Counts();
    }

    [Fact]
    public async Task Watch_once_stores_every_entry_and_a_second_run_fetches_nothing_again()
    {
        var site = new NewsSite(_server, entries: 3);
        var feeds = FeedList(site.FeedUrl);

        var first = await WatchOnce(feeds);
        Assert.True(first.ExitCode == 0, first.Out + first.Error);
        var added = first.OutLines.Where(l => l.StartsWith("+ ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(3, added.Length);
        Assert.All(added, l => Assert.Matches(@"^\+ [1-9]\d* events? from http://127\.0\.0\.1:\d+/news/story-\d\.html$", l));
        Assert.Contains(first.OutLines, l => l.StartsWith("poll 1 at ", StringComparison.Ordinal) && l.Contains("3 new items", StringComparison.Ordinal));
        Assert.Equal(3, Counts().Items);
        Assert.True(Counts().Events >= 3);

        var second = await WatchOnce(feeds);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("(1 not modified)", second.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(second.OutLines, l => l.StartsWith("+ ", StringComparison.Ordinal));
        for (var n = 1; n <= 3; n++) Assert.Equal(1, _server.Hits(NewsSite.PagePath(n)));
        // The second request carried the ETag of the first answer.
        Assert.Equal("\"v3\"", _server.Requests.Last(r => r.Path == "/feed.xml").IfNoneMatch);
        Assert.Equal(3, Counts().Items);
    }

    [Fact]
    public async Task A_feed_that_gains_an_entry_gets_only_the_new_page_fetched()
    {
        var site = new NewsSite(_server, entries: 2);
        var feeds = FeedList(site.FeedUrl);
        Assert.Equal(0, (await WatchOnce(feeds)).ExitCode);

        site.Publish(3);
        var next = await WatchOnce(feeds);
        Assert.Equal(0, next.ExitCode);
        var added = Assert.Single(next.OutLines, l => l.StartsWith("+ ", StringComparison.Ordinal));
        Assert.EndsWith(site.PageUrl(3), added, StringComparison.Ordinal);
        Assert.Contains("2 seen before", next.Out, StringComparison.Ordinal);
        Assert.Equal([1, 1, 1], Enumerable.Range(1, 3).Select(n => _server.Hits(NewsSite.PagePath(n))));
        Assert.Equal(3, Counts().Items);

        using var store = SqliteEventStore.Open(_temp.Database);
        var story3 = store.QueryEvents(new EventQuery()).Where(e => e.ItemUrl == site.PageUrl(3)).ToList();
        Assert.NotEmpty(story3);
        Assert.Equal("story-3", story3[0].ItemKey);
    }

    [Fact]
    public async Task Watch_without_allow_private_refuses_a_loopback_feed()
    {
        var site = new NewsSite(_server, entries: 1);
        var result = await Cli("watch", "--feeds", FeedList(site.FeedUrl), "--once");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(result.OutLines, l => l.StartsWith("! E120 fetch refused: private address: " + site.FeedUrl.AbsoluteUri, StringComparison.Ordinal));
        Assert.Equal(0, _server.Hits("/feed.xml"));
    }

    [Fact]
    public async Task A_page_that_fails_for_now_stays_pending_and_is_fetched_at_the_next_poll()
    {
        var site = new NewsSite(_server, entries: 3);
        site.Override(2, context => { context.Response.StatusCode = 503; return Task.CompletedTask; });
        var options = FetchOptions.Default with { AllowPrivate = true, PerHostDelay = TimeSpan.Zero, RetryBaseDelay = TimeSpan.FromMilliseconds(10), MaxRetries = 1 };
        using var store = SqliteEventStore.Open(_temp.Database);
        using var fetcher = new SafeFetcher(options);
        var output = new StringWriter();
        var watcher = new FeedWatcher(store, fetcher, () => Pipelines.Default(), output);

        var first = await watcher.PollAsync([site.FeedUrl], CancellationToken.None);
        Assert.Equal((2, 1), (first.Inserted, first.Failed));
        Assert.Contains("(tried again next poll)", output.ToString(), StringComparison.Ordinal);
        Assert.False(store.IsEntrySeen(site.FeedUrl.AbsoluteUri, "story-2"));
        // The feed's validators were held back, so the next poll reads the feed instead of getting a 304.
        Assert.True(store.Feed(site.FeedUrl.AbsoluteUri)!.Validators.IsEmpty);

        site.Restore(2);
        var second = await watcher.PollAsync([site.FeedUrl], CancellationToken.None);
        Assert.Equal((1, 0, 2), (second.Inserted, second.Failed, second.AlreadySeen));
        Assert.Equal(1, _server.Hits(NewsSite.PagePath(1)));
        Assert.Equal(1, _server.Hits(NewsSite.PagePath(3)));
        Assert.Equal("\"v3\"", store.Feed(site.FeedUrl.AbsoluteUri)!.Validators.ETag);
        Assert.Equal(3, store.Counts().Items);
    }

    [Fact]
    public async Task A_page_that_is_gone_falls_back_to_the_feeds_own_text()
    {
        var site = new NewsSite(_server, entries: 1);
        site.Override(1, context => { context.Response.StatusCode = 404; return Task.CompletedTask; });
        var result = await WatchOnce(FeedList(site.FeedUrl));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains(result.OutLines, l => l.Contains("HTTP 404", StringComparison.Ordinal) && l.EndsWith("(the feed's own text was used)", StringComparison.Ordinal));
        using var store = SqliteEventStore.Open(_temp.Database);
        Assert.Equal(1, store.Counts().Items);
        Assert.True(store.IsEntrySeen(site.FeedUrl.AbsoluteUri, "story-1"));
    }

    [Fact]
    public async Task A_bad_line_in_the_feed_list_is_E304_and_the_good_feeds_are_still_watched()
    {
        var site = new NewsSite(_server, entries: 1);
        var feeds = _temp.File("feeds.txt", $"ftp://files.example.com/feed\n{site.FeedUrl.AbsoluteUri}\n");
        var result = await WatchOnce(feeds);
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"E304 bad feed list: {feeds}:1: 'ftp://files.example.com/feed'", result.Error, StringComparison.Ordinal);
        Assert.Equal(1, Counts().Items);
    }

    [Fact]
    public async Task Ingest_fetches_a_page_url_and_a_feed_url()
    {
        var site = new NewsSite(_server, entries: 2);
        var page = await Cli("ingest", site.PageUrl(1), "--allow-private", "--host-delay", "0s");
        Assert.True(page.ExitCode == 0, page.Out + page.Error);
        Assert.StartsWith("ingested 1 ", page.Out, StringComparison.Ordinal);

        // The feed's entries carry only teasers, which are items of their own (another content than the page).
        var feed = await Cli("ingest", "--feed", site.FeedUrl.AbsoluteUri, "--allow-private", "--host-delay", "0s");
        Assert.True(feed.ExitCode == 0, feed.Out + feed.Error);
        Assert.StartsWith("ingested 2 ", feed.Out, StringComparison.Ordinal);
        Assert.Equal(3, Counts().Items);
    }

    [Fact]
    public async Task Ingest_of_a_loopback_url_without_allow_private_is_E120_and_exit_1()
    {
        var site = new NewsSite(_server, entries: 1);
        var result = await Cli("ingest", site.PageUrl(1));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(result.OutLines, l => l.StartsWith("E120 fetch refused: private address: " + site.PageUrl(1), StringComparison.Ordinal));
        Assert.Equal(0, _server.Hits(NewsSite.PagePath(1)));
    }

    [Fact]
    public async Task Ingest_feed_reads_a_feed_file_of_any_name()
    {
        var site = new NewsSite(_server, entries: 2);
        using var client = new HttpClient();
        var xml = await client.GetStringAsync(site.FeedUrl);
        var file = _temp.File("saved/feed-snapshot", xml);
        var result = await Cli("ingest", "--feed", file);
        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        Assert.StartsWith("ingested 2 ", result.Out, StringComparison.Ordinal);
    }
}
