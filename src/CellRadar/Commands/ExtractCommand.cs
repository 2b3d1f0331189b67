using System.CommandLine;
using CellRadar.Output;

namespace CellRadar.Commands;

/// <summary><c>cellradar extract</c>: events as JSON lines, straight from the items, no database.</summary>
internal static class ExtractCommand
{
    public static Command Create(CliContext context)
    {
        var paths = CommonOptions.Paths(CommonOptions.PathsDescription);
        var command = new Command("extract",
            "Print the regulatory events found in news items, one JSON object per line (fields: item, product, kind, " +
            "subtype, jurisdiction, agency, date, status, sponsor, indication, evidence, confidence), without touching " +
            "any database. Unreadable items are reported on standard error; the exit code is 1 when any failed.")
        {
            paths,
        };
        command.SetAction(parse =>
        {
            var pipeline = context.Pipeline();
            using var json = new EventJson();
            var failed = 0;
            foreach (var result in CommonOptions.ReadItems(parse.GetRequiredValue(paths), context))
            {
                if (result.Error is { } error)
                {
                    context.Error.WriteLine(error.ToString());
                    failed++;
                    continue;
                }
                var document = pipeline.Process(result.Item!);
                foreach (var e in document.Events) context.Out.WriteLine(json.Extracted(document.Id, e));
            }
            return failed > 0 ? ExitCodes.Failed : ExitCodes.Ok;
        });
        return command;
    }
}
