using System.CommandLine;
using CellRadar.Core.Reconciliation;
using CellRadar.Output;
using CellRadar.Storage;

namespace CellRadar.Commands;

/// <summary><c>cellradar status PRODUCT</c>: the product's stage in each market, with dates, path and sources.</summary>
internal static class StatusCommand
{
    private static readonly string[] Header = ["market", "stage", "date", "path", "holder", "agency", "sources", "notes"];

    public static Command Create(CliContext context)
    {
        var product = new Argument<string>("PRODUCT")
        {
            Description = "The product: its canonical name or any alias the catalog knows (brand, code, short name), any case.",
        };
        var db = CommonOptions.Database();
        var command = new Command("status",
            "Show where a product stands in each market (designated, in trials, filed, under review, approved, rejected, " +
            "withdrawn), from the facts reconciled from every stored item: the date, the path that led there, the holder, " +
            "the items it rests on and any flag (unconfirmed, conflicting dates or subtypes, reliance route).")
        {
            product, db,
        };
        command.SetAction(parse =>
        {
            var names = EventsCommand.ProductNames(parse.GetValue(product)!);
            using var store = CommonOptions.OpenStore(parse.GetValue(db), context);
            var statuses = store.MarketStatuses(names);
            var facts = store.QueryFacts(new FactQuery { Products = names }).ToDictionary(f => f.Key);
            if (statuses.Count == 0 && facts.Count == 0)
            {
                context.Out.WriteLine($"no facts stored for {TerminalText.Cell(names[0], 80)}");
                return ExitCodes.Ok;
            }
            var rows = new List<string[]>();
            foreach (var s in statuses)
            {
                var fact = facts.GetValueOrDefault(s.Fact);
                rows.Add(
                [
                    s.Jurisdiction.Code,
                    s.Stage.ToWire(),
                    FactText.Date(s.Date),
                    FactText.Path(s),
                    TerminalText.Cell(FactText.Holder(s.Product, s.Jurisdiction.Code, fact), 40),
                    TerminalText.Cell(s.Agency, 20),
                    TerminalText.Cell(fact is null ? string.Join(", ", s.Sources) : FactText.Sources(fact), 80),
                    TerminalText.Cell(fact is null ? "" : FactText.Notes(fact), 120),
                ]);
            }
            var product0 = statuses.Count > 0 ? statuses[0].Product : facts.Keys.First().Product;
            context.Out.WriteLine(product0);
            TableOutput.Write(context, Header, rows);
            // Facts that move no stage (GMP outcomes, access programmes) are still part of where the product stands.
            var other = facts.Values.Where(f => StatusMachine.Signal(f) is null).ToList();
            if (other.Count > 0)
            {
                context.Out.WriteLine();
                context.Out.WriteLine("other facts:");
                foreach (var f in other)
                {
                    var notes = FactText.Notes(f);
                    context.Out.WriteLine(TerminalText.Cell(
                        $"{f.Key.Jurisdiction.Code}  {FactText.What(f)}  {FactText.Date(f.Date)}  {f.Agency}  sources: {FactText.Sources(f)}{(notes.Length > 0 ? "  " + notes : "")}"));
                }
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
