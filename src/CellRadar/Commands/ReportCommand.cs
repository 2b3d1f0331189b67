using System.CommandLine;
using CellRadar.Output;
using CellRadar.Storage;

namespace CellRadar.Commands;

/// <summary><c>cellradar report PRODUCT</c>: a one-page Markdown or HTML report on one product.</summary>
internal static class ReportCommand
{
    public static Command Create(CliContext context)
    {
        var product = new Argument<string>("PRODUCT")
        {
            Description = "The product: its canonical name or any alias the catalog knows, any case.",
        };
        var db = CommonOptions.Database();
        var format = new Option<string>("--format")
        {
            Description = "md (Markdown) or html (a standalone page; all article text is HTML-encoded).",
            DefaultValueFactory = _ => "md",
            HelpName = "FORMAT",
        };
        format.AcceptOnlyFromAmong("md", "html");
        var output = new Option<string?>("--out")
        {
            Description = "Write to this file instead of standard output.",
            HelpName = "FILE",
        };
        var command = new Command("report",
            "Write a one-page report on a product: its stage in each market, its timeline, conflicts, how long the news " +
            "took to report its decisions (per agency), and its sources.")
        {
            product, db, format, output,
        };
        command.SetAction(parse =>
        {
            var names = EventsCommand.ProductNames(parse.GetValue(product)!);
            using var store = CommonOptions.OpenStore(parse.GetValue(db), context);
            var statuses = store.MarketStatuses(names);
            var facts = store.QueryFacts(new FactQuery { Products = names }).ToList();
            var canonical = facts.Count > 0 ? facts[0].Key.Product : names[^1].ToLowerInvariant();
            var report = new ProductReport(canonical, statuses, facts);
            var html = parse.GetValue(format) == "html";
            if (parse.GetValue(output) is { } path)
            {
                using var writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false));
                report.Write(writer, html);
            }
            else
            {
                report.Write(context.Out, html);
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
