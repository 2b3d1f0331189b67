using System.CommandLine;
using CellRadar.Output;
using CellRadar.Storage;

namespace CellRadar.Commands;

/// <summary><c>cellradar timeline PRODUCT</c>: the product's facts in date order, partial dates as precise as known.</summary>
internal static class TimelineCommand
{
    private static readonly string[] Header = ["date", "market", "fact", "status", "agency", "sources", "notes"];

    public static Command Create(CliContext context)
    {
        var product = new Argument<string>("PRODUCT")
        {
            Description = "The product: its canonical name or any alias the catalog knows, any case.",
        };
        var db = CommonOptions.Database();
        var command = new Command("timeline",
            "List a product's facts in date order. A partial date stays partial (\"2023-06\" is June 2023, placed before " +
            "any day of June, never shown as the 1st); undated facts come last.")
        {
            product, db,
        };
        command.SetAction(parse =>
        {
            var names = EventsCommand.ProductNames(parse.GetValue(product)!);
            using var store = CommonOptions.OpenStore(parse.GetValue(db), context);
            var rows = store.QueryFacts(new FactQuery { Products = names }).Select(f => new[]
            {
                FactText.Date(f.Date),
                f.Key.Jurisdiction.Code,
                TerminalText.Cell(FactText.What(f), 40),
                f.Status.ToString().ToLowerInvariant(),
                TerminalText.Cell(f.Agency, 20),
                TerminalText.Cell(FactText.Sources(f), 80),
                TerminalText.Cell(FactText.Notes(f), 120),
            }).ToList();
            if (rows.Count == 0)
            {
                context.Out.WriteLine($"no facts stored for {TerminalText.Cell(names[0], 80)}");
                return ExitCodes.Ok;
            }
            TableOutput.Write(context, Header, rows);
            return ExitCodes.Ok;
        });
        return command;
    }
}
