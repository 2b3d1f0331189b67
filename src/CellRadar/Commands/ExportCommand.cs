using System.CommandLine;
using System.Text;
using CellRadar.Output;
using CellRadar.Storage;

namespace CellRadar.Commands;

/// <summary>
/// <c>cellradar export</c>: the whole store as JSON lines for <c>cellradar import</c> (the default), or the stored
/// facts or events with their sources as CSV, JSON or JSON lines for people and spreadsheets.
/// </summary>
internal static class ExportCommand
{
    public static Command Create(CliContext context)
    {
        var db = CommonOptions.Database();
        var what = new Option<string>("--what")
        {
            Description = "store: every table, for 'cellradar import' (the default); facts: reconciled facts with every " +
                "supporting item and its evidence; events: events as extracted, one per item.",
            DefaultValueFactory = _ => "store",
            HelpName = "WHAT",
        };
        what.AcceptOnlyFromAmong("store", "facts", "events");
        var format = new Option<string>("--format")
        {
            Description = "For facts and events: csv, json or jsonl. A store export is always JSON lines.",
            DefaultValueFactory = _ => "jsonl",
            HelpName = "FORMAT",
        };
        format.AcceptOnlyFromAmong("csv", "json", "jsonl");
        var product = new Option<string?>("--product")
        {
            Description = "For facts and events: only this product (canonical name or any alias the catalog knows).",
            HelpName = "NAME",
        };
        var output = new Option<string?>("--out")
        {
            Description = "Write the export to this file instead of standard output.",
            HelpName = "FILE",
        };
        var command = new Command("export",
            "Write the database out. By default every table (runs, items and their text, events, facts, failures, " +
            "feeds) as JSON lines: a header with the schema version, then one record per row, in a fixed order; the " +
            "same data gives the same bytes from SQLite and PostgreSQL, and 'cellradar import' loads it into an empty " +
            "database. With --what facts or events: those records with their sources, as CSV, JSON or JSON lines.")
        {
            db, what, format, product, output,
        };
        command.SetAction(parse =>
        {
            var option = parse.GetValue(db);
            if (parse.GetValue(product) is { Length: > 0 } && parse.GetValue(what) == "store")
                throw new Core.Errors.CellRadarException(new Core.Errors.CellRadarError(Core.Errors.ErrorCode.BadUsage,
                    "cellradar export", "--product needs --what facts or --what events"));
            using var store = CommonOptions.OpenStore(option, context);
            if (parse.GetValue(output) is not { Length: > 0 } path)
            {
                Write(parse, store, option, context.Out, context);
                return ExitCodes.Ok;
            }
            // Written beside the target and moved into place, so a failed export never leaves a truncated file.
            var full = Path.GetFullPath(path);
            var partial = full + ".partial";
            using (var writer = new StreamWriter(partial, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
                Write(parse, store, option, writer, context);
            File.Move(partial, full, overwrite: true);
            context.Error.WriteLine($"exported to {full}");
            return ExitCodes.Ok;
        });
        return command;

        void Write(ParseResult parse, IEventStore store, string? option, TextWriter target, CliContext context)
        {
            var kind = parse.GetValue(what);
            if (kind == "store")
            {
                StoreDump.Export(store, target, CommonOptions.DescribeStore(option, context));
                return;
            }
            var names = parse.GetValue(product) is { Length: > 0 } p ? EventsCommand.ProductNames(p) : null;
            var fmt = parse.GetValue(format)!;
            if (kind == "events")
                EventOutput.Write(store.QueryEvents(new EventQuery { Products = names }), fmt,
                    new CliContext { Out = target, Error = context.Error, Width = context.Width, Time = context.Time });
            else
                FactOutput.Write(store.QueryFacts(new FactQuery { Products = names }), fmt, target);
        }
    }
}
