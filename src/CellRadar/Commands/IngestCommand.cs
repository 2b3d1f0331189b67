using System.CommandLine;
using CellRadar.Core.Errors;
using CellRadar.Core.Reading;
using CellRadar.Output;
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
        var command = new Command("ingest",
            "Read news items, find their regulatory events and store both in the database. The same article " +
            "ingested again is recognised by its content and stored once. Unreadable items are skipped and listed " +
            "at the end; the exit code is 1 when any item failed.")
        {
            paths, feeds, db, batchSize, showEvents,
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
            parse.GetValue(db), parse.GetValue(batchSize) ?? 256, parse.GetValue(showEvents), context));
        return command;
    }

    private static int Run(IEnumerable<ReadResult> inputs, string? db, int batchSize, bool showEvents, CliContext context)
    {
        using var store = CommonOptions.OpenStore(db, context);
        var run = store.StartRun("ingest");
        var ingest = new Ingestion(store, run, batchSize, context);
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
        var counts = new RunCounts(ingest.Read, ingest.Inserted, ingest.Duplicates, ingest.Failed, ingest.Events);
        store.FinishRun(run, counts);

        context.Out.WriteLine($"ingested {counts.Inserted} (events {counts.Events}), duplicates {counts.Duplicates}, failed {counts.Failed}");
        // Read back from the store rather than kept in memory through the run: what is listed is what was recorded.
        foreach (var failure in store.Failures(run)) context.Out.WriteLine(failure.ToString());
        if (showEvents)
        {
            context.Out.WriteLine();
            EventOutput.Write(store.QueryEvents(new EventQuery { RunId = run }), "table", context);
        }
        return counts.Failed > 0 ? ExitCodes.Failed : ExitCodes.Ok;
    }

    /// <summary>One ingest run's state: the batch being filled and the counts so far.</summary>
    private sealed class Ingestion(IEventStore store, long run, int batchSize, CliContext context)
    {
        private readonly List<ItemRecord> _batch = new(batchSize);
        private readonly List<CellRadarError> _unsavedFailures = [];

        public int Read { get; private set; }
        public int Inserted { get; private set; }
        public int Duplicates { get; private set; }
        public int Events { get; private set; }
        public int Failed { get; private set; }

        public void Run(IEnumerable<ReadResult> results, Action progress)
        {
            var pipeline = context.Pipeline();
            foreach (var result in results)
            {
                if (result.Error is { } error)
                {
                    Failed++;
                    _unsavedFailures.Add(error);
                    continue;
                }
                Read++;
                _batch.Add(ItemRecord.From(pipeline.Process(result.Item!)));
                if (_batch.Count >= batchSize)
                {
                    Flush();
                    progress();
                }
            }
            Flush();
        }

        private void Flush()
        {
            if (_batch.Count > 0)
            {
                var outcomes = store.SaveBatch(run, _batch);
                for (var i = 0; i < outcomes.Count; i++)
                {
                    if (outcomes[i] == SaveOutcome.Duplicate) { Duplicates++; continue; }
                    Inserted++;
                    Events += _batch[i].Events.Count;
                }
                _batch.Clear();
            }
            store.RecordFailures(run, _unsavedFailures);
            _unsavedFailures.Clear();
        }
    }
}
