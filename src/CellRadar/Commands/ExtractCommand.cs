using System.CommandLine;
using CellRadar.Output;
using CellRadar.Processing;

namespace CellRadar.Commands;

/// <summary><c>cellradar extract</c>: events as JSON lines, straight from the items, no database.</summary>
internal static class ExtractCommand
{
    public static Command Create(CliContext context)
    {
        var paths = CommonOptions.Paths(CommonOptions.PathsDescription);
        var threads = CommonOptions.Threads();
        var command = new Command("extract",
            "Print the regulatory events found in news items, one JSON object per line (fields: item, product, kind, " +
            "subtype, jurisdiction, agency, date, status, sponsor, indication, evidence, confidence), without touching " +
            "any database. Unreadable items are reported on standard error; the exit code is 1 when any failed.")
        {
            paths, threads,
        };
        command.SetAction(parse =>
        {
            var pipelines = new ParallelPipeline(context.Pipeline, parse.GetValue(threads) ?? Environment.ProcessorCount);
            using var json = new EventJson();
            var failed = 0;
            var results = CommonOptions.ReadItems(parse.GetRequiredValue(paths), context);
            foreach (var (result, document) in pipelines.Process(results, static (r, p) => (r, r.Item is { } item ? p.Process(item) : null)))
            {
                if (result.Error is { } error)
                {
                    context.Error.WriteLine(error.ToString());
                    failed++;
                    continue;
                }
                foreach (var e in document!.Events) context.Out.WriteLine(json.Extracted(document.Id, e));
            }
            return failed > 0 ? ExitCodes.Failed : ExitCodes.Ok;
        });
        return command;
    }
}
