using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace CellRadar.Tests.Web;

/// <summary>
/// The built <c>cellradar watch</c> as a real child process against a news site on 127.0.0.1: killed
/// mid-batch and restarted, and left running while the feed gains an entry.
/// </summary>
public sealed class WatchProcessTests : IAsyncLifetime, IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _childOutput = new();
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _temp.Dispose();

    private Process Start(string feeds, params string[] extra)
    {
        var start = BuiltApp.StartInfo(["watch", "--feeds", feeds, "--db", _temp.Database, "--allow-private", "--host-delay", "0s", .. extra]);
        var process = Process.Start(start)!;
        process.StandardInput.Close();
        // Drained as it comes, so the child never blocks on a full pipe; kept for failure messages.
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) _childOutput.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _childOutput.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>
    /// Stored items' URLs, read from the database file while (or after) the watcher writes to it: read-only and
    /// without the store's migrations, so the test never writes to the file the child process is creating.
    /// </summary>
    private List<string> StoredUrls()
    {
        var urls = new List<string>();
        Query("SELECT url FROM items ORDER BY id", r => urls.Add(r.GetString(0)));
        return urls;
    }

    private long StoredItems()
    {
        long n = 0;
        Query("SELECT COUNT(*) FROM items", r => n = r.GetInt64(0));
        return n;
    }

    private void Query(string sql, Action<SqliteDataReader> row)
    {
        if (!File.Exists(_temp.Database)) return;
        var builder = new SqliteConnectionStringBuilder { DataSource = _temp.Database, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        using var connection = new SqliteConnection(builder.ConnectionString);
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE name = 'items'";
        if ((long)cmd.ExecuteScalar()! == 0) return;
        cmd.CommandText = sql;
        using var reader = cmd.ExecuteReader();
        while (reader.Read()) row(reader);
    }

    private async Task WaitFor(Func<bool> condition, TimeSpan limit, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < limit, $"gave up waiting for {what} after {limit}; the watcher said:\n{string.Join('\n', _childOutput)}");
            await Task.Delay(100);
        }
    }

    private int PageHits(int entries) => Enumerable.Range(1, entries).Sum(n => _server.Hits(NewsSite.PagePath(n)));

    [Fact]
    public async Task A_watch_killed_mid_batch_and_restarted_loses_nothing_duplicates_nothing_and_refetches_nothing_stored()
    {
        const int entries = 24;
        var site = new NewsSite(_server, entries, pageDelay: TimeSpan.FromMilliseconds(150));
        var feeds = _temp.File("feeds.txt", site.FeedUrl.AbsoluteUri + "\n");

        using (var first = Start(feeds, "--every", "1h"))
        {
            try
            {
                await WaitFor(() => StoredItems() >= 6, TimeSpan.FromSeconds(90), "six stored items");
            }
            finally
            {
                first.Kill(entireProcessTree: true);
                await first.WaitForExitAsync();
            }
        }
        var storedByFirst = StoredUrls();
        var hitsAfterKill = Enumerable.Range(1, entries).ToDictionary(n => n, n => _server.Hits(NewsSite.PagePath(n)));
        Assert.InRange(storedByFirst.Count, 6, entries - 1);

        _childOutput.Clear();
        using (var second = Start(feeds, "--once"))
        {
            Assert.True(second.WaitForExit(TimeSpan.FromMinutes(2)), "the restarted watch did not finish");
            second.WaitForExit();
            Assert.True(second.ExitCode == 0, string.Join('\n', _childOutput));
        }

        var all = StoredUrls();
        Assert.Equal(entries, StoredItems());
        Assert.Equal(entries, all.Count);
        Assert.Equal(Enumerable.Range(1, entries).Select(site.PageUrl).Order(), all.Order());
        for (var n = 1; n <= entries; n++)
        {
            // Stored before the kill: not asked for again. The rest: asked for by the second run (once, or twice
            // for the page the kill interrupted between fetch and store).
            if (storedByFirst.Contains(site.PageUrl(n))) Assert.Equal(hitsAfterKill[n], _server.Hits(NewsSite.PagePath(n)));
            else Assert.Equal(hitsAfterKill[n] + 1, _server.Hits(NewsSite.PagePath(n)));
        }
        Assert.All(storedByFirst, url => Assert.Equal(1, _server.Hits(new Uri(url).AbsolutePath)));
    }

    [Fact]
    public async Task A_running_watch_stores_a_new_entry_within_one_polling_interval()
    {
        var site = new NewsSite(_server, entries: 2);
        var feeds = _temp.File("feeds.txt", site.FeedUrl.AbsoluteUri + "\n");
        using var watch = Start(feeds, "--every", "2s");
        try
        {
            await WaitFor(() => StoredItems() == 2, TimeSpan.FromSeconds(60), "the first two entries");
            site.Publish(3);
            var published = Stopwatch.StartNew();
            await WaitFor(() => StoredItems() == 3, TimeSpan.FromSeconds(30), "the new entry");
            // One interval (2 s) plus the time to fetch and process one page; generous for a loaded machine.
            Assert.True(published.Elapsed < TimeSpan.FromSeconds(15), published.Elapsed.ToString());
            Assert.Contains(site.PageUrl(3), StoredUrls());
            Assert.Equal([1, 1, 1], Enumerable.Range(1, 3).Select(n => _server.Hits(NewsSite.PagePath(n))));
            Assert.Equal(3, PageHits(3));
        }
        finally
        {
            watch.Kill(entireProcessTree: true);
            await watch.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task Ctrl_c_stops_a_waiting_watch_cleanly_with_exit_0()
    {
        var site = new NewsSite(_server, entries: 1);
        var feeds = _temp.File("feeds.txt", site.FeedUrl.AbsoluteUri + "\n");
        using var watch = Start(feeds, "--every", "1h");
        try
        {
            await WaitFor(() => _childOutput.Any(l => l.StartsWith("poll 1 ", StringComparison.Ordinal)), TimeSpan.FromSeconds(60), "the first poll");
            // SIGINT is what Ctrl+C sends to the foreground process.
            using (var interrupt = Process.Start("kill", ["-INT", watch.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await interrupt.WaitForExitAsync();
            Assert.True(watch.WaitForExit(TimeSpan.FromSeconds(15)), "the watch did not stop on SIGINT");
            watch.WaitForExit();
            Assert.Equal(0, watch.ExitCode);
            Assert.Contains("stopped", _childOutput);
            Assert.Equal(1, StoredItems());
        }
        finally
        {
            if (!watch.HasExited) watch.Kill(entireProcessTree: true);
        }
    }
}
