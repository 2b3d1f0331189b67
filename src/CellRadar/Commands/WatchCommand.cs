using System.CommandLine;
using System.Globalization;
using CellRadar.Core.Fetching;
using CellRadar.Watching;

namespace CellRadar.Commands;

/// <summary><c>cellradar watch</c>: poll a list of feeds, fetch and store their new entries, say what changed.</summary>
internal static class WatchCommand
{
    public static Command Create(CliContext context)
    {
        var feeds = new Option<string>("--feeds")
        {
            Description = "The feed list: one RSS or Atom feed URL per line; blank lines and # comments are ignored.",
            HelpName = "FILE",
            Required = true,
        };
        var every = new Option<TimeSpan?>("--every")
        {
            Description = "Time between polls: 30s, 15m, 1h... Default: 15m.",
            CustomParser = r => Durations.Parse(r, "--every", allowZero: false),
            HelpName = "DURATION",
        };
        var once = new Option<bool>("--once") { Description = "Poll once and exit (exit code 1 when anything failed)." };
        var db = CommonOptions.Database();
        var fetching = new FetchOptionsFactory();
        var command = new Command("watch",
            "Poll feeds and store what is new: each entry not seen before has its page fetched (the feed's own text " +
            "stands in when the page gives none), its events found, and both stored, one line per item. Feeds are asked " +
            "with ETag / Last-Modified (nothing new costs a 304), entries already stored are never fetched again, also " +
            "after a restart. Ctrl+C stops after the item in hand.")
        {
            feeds, every, once, db,
        };
        foreach (var option in fetching.All) command.Options.Add(option);
        command.SetAction((parse, cancel) => RunAsync(
            parse.GetRequiredValue(feeds), parse.GetValue(every) ?? TimeSpan.FromMinutes(15), parse.GetValue(once), parse.GetValue(db),
            fetching.From(parse), context, cancel));
        return command;
    }

    private static async Task<int> RunAsync(string feedsFile, TimeSpan every, bool once, string? db, FetchOptions options, CliContext context, CancellationToken cancel)
    {
        var list = FeedList.Load(feedsFile);
        foreach (var error in list.Errors) context.Error.WriteLine(error.ToString());
        if (list.Feeds.Count == 0)
        {
            context.Error.WriteLine($"{feedsFile} lists no feed to watch.");
            return ExitCodes.Failed;
        }

        using var store = CommonOptions.OpenStore(db, context);
        using var fetcher = new SafeFetcher(options, context.Time);
        var watcher = new FeedWatcher(store, fetcher, context.Pipeline, context.Out);
        var failed = list.Errors.Count > 0;
        try
        {
            for (var poll = 1; ; poll++)
            {
                var report = await watcher.PollAsync(list.Feeds, cancel).ConfigureAwait(false);
                failed |= report.Failed > 0;
                var at = context.Time.GetUtcNow().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
                context.Out.WriteLine($"poll {poll} at {at}: {report}");
                context.Out.Flush();
                if (once) break;
                await Task.Delay(every, context.Time, cancel).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            // Ctrl+C: what was stored is whole; the entry in hand is fetched again next time.
            context.Out.WriteLine("stopped");
            return ExitCodes.Ok;
        }
        return once && failed ? ExitCodes.Failed : ExitCodes.Ok;
    }
}
