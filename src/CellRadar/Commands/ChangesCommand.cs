using System.CommandLine;
using System.Globalization;
using CellRadar.Core.Model;
using CellRadar.Output;
using CellRadar.Storage;

namespace CellRadar.Commands;

/// <summary><c>cellradar changes --since DATE</c>: new facts, status changes and new conflicts, as text or an Atom feed.</summary>
internal static class ChangesCommand
{
    public static Command Create(CliContext context)
    {
        var db = CommonOptions.Database();
        var since = new Option<PartialDate?>("--since")
        {
            Description = "Changes logged on or after this day (YYYY, YYYY-MM or YYYY-MM-DD, from its first day, UTC).",
            HelpName = "DATE",
            Required = true,
            CustomParser = r =>
            {
                if (PartialDate.TryParse(r.Tokens[0].Value, out var d)) return d;
                r.AddError($"--since wants YYYY, YYYY-MM or YYYY-MM-DD, not '{r.Tokens[0].Value}'.");
                return null;
            },
        };
        var format = new Option<string>("--format")
        {
            Description = "text (one change per line) or atom (an Atom 1.0 feed a feed reader can subscribe to).",
            DefaultValueFactory = _ => "text",
            HelpName = "FORMAT",
        };
        format.AcceptOnlyFromAmong("text", "atom");
        var output = new Option<string?>("--out")
        {
            Description = "Write to this file (replaced whole, so a feed reader never sees half a feed) instead of standard output.",
            HelpName = "FILE",
        };
        var command = new Command("changes",
            "List what changed since a date: new facts, changes of a market's status and new conflicts between sources, " +
            "in the order they were logged.")
        {
            db, since, format, output,
        };
        command.SetAction(parse =>
        {
            var from = parse.GetValue(since)!.Value.Start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            using var store = CommonOptions.OpenStore(parse.GetValue(db), context);
            var changes = store.Changes(new DateTimeOffset(from, TimeSpan.Zero));
            var path = parse.GetValue(output);
            if (path is null)
            {
                Write(context.Out, changes, parse.GetValue(format)!, context);
                return ExitCodes.Ok;
            }
            var full = Path.GetFullPath(path);
            var temp = full + ".tmp";
            using (var writer = new StreamWriter(temp, append: false, new System.Text.UTF8Encoding(false)))
                Write(writer, changes, parse.GetValue(format)!, context);
            File.Move(temp, full, overwrite: true);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Write(TextWriter writer, IEnumerable<FactChange> changes, string format, CliContext context)
    {
        if (format == "atom")
        {
            AtomFeed.Write(writer, changes, context.Time.GetUtcNow(), "urn:cellradar:changes");
            return;
        }
        var n = 0;
        foreach (var c in changes)
        {
            writer.WriteLine(TerminalText.Cell($"{c.At.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}  {ChangeText.Title(c)}"));
            n++;
        }
        writer.WriteLine($"{n} change(s)");
    }
}
