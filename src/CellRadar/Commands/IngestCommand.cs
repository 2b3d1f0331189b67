using System.CommandLine;
using CellRadar.Core.Reading;
using CellRadar.Output;
using CellRadar.Processing;
using CellRadar.Storage;
using Spectre.Console;

namespace CellRadar.Commands;

/// <summary><c>cellradar ingest</c>: read items, find their events, store both, report what failed.</summary>
internal static class IngestCommand
{
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Files or folders (read recursively) of news items: .txt, .md, .html, .json, .jsonl, feeds (.rss, .atom, .xml), " +
                "any of them .gz; - reads standard input; http(s) URLs are fetched (a page, or a feed's entries).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var feeds = new Option<string[]>("--feed")
        {
            Description = "An RSS or Atom feed, by URL or file (any name); each entry becomes an item with its link, date and content or summary. Repeatable.",
            HelpName = "URL|FILE",
            AllowMultipleArgumentsPerToken = false,
        };
        var fetching = new FetchOptionsFactory();
        var db = CommonOptions.Database();
        var batchSize = new Option<int?>("--batch-size")
        {
            Description = "Items stored per database transaction.",
            DefaultValueFactory = _ => 256,
            CustomParser = r => CommonOptions.PositiveInt(r, "--batch-size"),
            HelpName = "N",
        };
        var showEvents = new Option<bool>("--show-events")
        {
            Description = "After the summary, print the events of the items this run stored, as a table.",
        };
        var threads = CommonOptions.Threads();
        var trust = CommonOptions.Trust();
        var workerId = new Option<string?>("--worker-id")
        {
            Description = "With a PostgreSQL database, where several ingest workers may share overlapping inputs: this " +
                "worker's name in its claims. Default: host name and process id.",
            HelpName = "NAME",
        };
        var lease = new Option<TimeSpan?>("--lease")
        {
            Description = "With a PostgreSQL database: how long this worker's claim on an item lasts; a worker that dies " +
                "leaves its items to others when its leases run out. Longer than a batch takes. Default: 60s.",
            CustomParser = r => Durations.Parse(r, "--lease", allowZero: false),
            HelpName = "DURATION",
        };
        var command = new Command("ingest",
            "Read news items, find their regulatory events and store both in the database. The same article " +
            "ingested again is recognised by its content and stored once. Unreadable items are skipped and listed " +
            "at the end; the exit code is 1 when any item failed.")
        {
            paths, feeds, db, batchSize, showEvents, threads, trust, workerId, lease,
        };
        foreach (var option in fetching.All) command.Options.Add(option);
        command.Validators.Add(r =>
        {
            // Tokens, not values: reading the value of an option that failed to parse throws.
            if ((r.GetResult(paths)?.Tokens.Count ?? 0) == 0 && (r.GetResult(feeds)?.Tokens.Count ?? 0) == 0)
                r.AddError("give at least one PATH, URL or --feed.");
        });
        command.SetAction(parse => Run(
            WebInputs.Read(parse.GetValue(paths) ?? [], parse.GetValue(feeds) ?? [], fetching.From(parse), context),
            parse.GetValue(db), parse.GetValue(batchSize) ?? 256, parse.GetValue(showEvents),
            parse.GetValue(threads) ?? Environment.ProcessorCount, parse.GetValue(trust),
            new Workers(parse.GetValue(workerId), parse.GetValue(lease) ?? TimeSpan.FromSeconds(60)), context));
        return command;
    }

    private sealed record Workers(string? Id, TimeSpan Lease);

    private static int Run(IEnumerable<ReadResult> inputs, string? db, int batchSize, bool showEvents, int threads, string? trust, Workers workers, CliContext context)
    {
        using var store = CommonOptions.OpenStore(db, context, trust);
        // A shared (PostgreSQL) database may have other workers on the same inputs: items are claimed before they
        // are processed, through a second connection (the claims are made on the thread feeding the pipeline).
        using var claimStore = StoreFactory.IsPostgres(StoreLocation.Resolve(db, context.Environment)) ? CommonOptions.OpenStore(db, context, trust) : null;
        var claims = claimStore is null ? null
            : new WorkClaimer(claimStore, workers.Id ?? $"{Environment.MachineName}:{Environment.ProcessId}", workers.Lease, batchSize);
        var run = store.StartRun("ingest");
        var ingest = new Ingestion(store, run, batchSize, new ParallelPipeline(context.Pipeline, threads, readAhead: batchSize), claims);
        if (context.IsTerminal)
        {
            AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(context.Out) })
                .Status()
                .Start("Reading items…", status => ingest.Run(inputs,
                    () => status.Status($"Stored {ingest.Inserted}, duplicates {ingest.Duplicates}, failed {ingest.Failed}…")));
        }
        else
        {
            ingest.Run(inputs, static () => { });
        }
        ingest.MergeFacts();
        var counts = new RunCounts(ingest.Read, ingest.Inserted, ingest.Duplicates, ingest.Failed, ingest.Events);
        store.FinishRun(run, counts);

        context.Out.WriteLine($"ingested {counts.Inserted} (events {counts.Events}), duplicates {counts.Duplicates}, failed {counts.Failed}"
            + (claims is null ? "" : $"; worker {claims.Worker}: stored by other workers {claims.StoredElsewhere}, taken over {claims.TakenOver}"));
        // Read back from the store rather than kept in memory through the run: what is listed is what was recorded.
        foreach (var failure in store.Failures(run)) context.Out.WriteLine(failure.ToString());
        if (showEvents)
        {
            context.Out.WriteLine();
            EventOutput.Write(store.QueryEvents(new EventQuery { RunId = run }), "table", context);
        }
        return counts.Failed > 0 ? ExitCodes.Failed : ExitCodes.Ok;
    }
}
