using System.CommandLine;
using CellRadar.Core.Pipeline;
using CellRadar.Output;

namespace CellRadar.Commands;

/// <summary><c>cellradar clean</c>: what reading and cleaning made of each item, as JSON lines.</summary>
internal static class CleanCommand
{
    public static Command Create(CliContext context)
    {
        var paths = CommonOptions.Paths(CommonOptions.PathsDescription);
        var command = new Command("clean",
            "Print each news item as the reader and cleaner see it, before extraction: one JSON object per line with " +
            "item, title, url, published and the cleaned text. Use it to check that ads and page furniture are gone.")
        {
            paths,
        };
        command.SetAction(parse =>
        {
            var pipeline = Pipelines.CleanOnly();
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
                var d = pipeline.Process(result.Item!);
                context.Out.WriteLine(json.Strings(
                    ("item", d.Id), ("title", d.Title), ("url", d.Item.Url), ("published", d.Published?.ToString()), ("text", d.Text)));
            }
            return failed > 0 ? ExitCodes.Failed : ExitCodes.Ok;
        });
        return command;
    }
}
