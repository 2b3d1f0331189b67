using System.CommandLine;
using CellRadar.Output;
using CellRadar.Storage;

namespace CellRadar.Commands;

/// <summary><c>cellradar export</c>: every stored fact or event with its sources, as CSV, JSON or JSON lines.</summary>
internal static class ExportCommand
{
    public static Command Create(CliContext context)
    {
        var db = CommonOptions.Database();
        var what = new Option<string>("--what")
        {
            Description = "facts (reconciled, with every supporting item and its evidence) or events (as extracted, one per item).",
            DefaultValueFactory = _ => "facts",
            HelpName = "WHAT",
        };
        what.AcceptOnlyFromAmong("facts", "events");
        var format = new Option<string>("--format")
        {
            Description = "csv, json or jsonl.",
            DefaultValueFactory = _ => "jsonl",
            HelpName = "FORMAT",
        };
        format.AcceptOnlyFromAmong("csv", "json", "jsonl");
        var product = new Option<string?>("--product")
        {
            Description = "Only this product (canonical name or any alias the catalog knows).",
            HelpName = "NAME",
        };
        var command = new Command("export",
            "Write stored facts or events with their sources to standard output. Facts come per product in date order, " +
            "each with its dates and their roles, sponsors per source, conflicts, confidence and supporting items.")
        {
            db, what, format, product,
        };
        command.SetAction(parse =>
        {
            var names = parse.GetValue(product) is { Length: > 0 } p ? EventsCommand.ProductNames(p) : null;
            using var store = CommonOptions.OpenStore(parse.GetValue(db), context);
            var fmt = parse.GetValue(format)!;
            if (parse.GetValue(what) == "events")
                EventOutput.Write(store.QueryEvents(new EventQuery { Products = names }), fmt, context);
            else
                FactOutput.Write(store.QueryFacts(new FactQuery { Products = names }), fmt, context.Out);
            return ExitCodes.Ok;
        });
        return command;
    }
}
