using System.CommandLine;
using System.Text;
using CellRadar.Storage;

namespace CellRadar.Commands;

/// <summary><c>cellradar export</c>: the whole store as JSON lines, for <c>cellradar import</c> into another store.</summary>
internal static class ExportCommand
{
    public static Command Create(CliContext context)
    {
        var db = CommonOptions.Database();
        var output = new Option<string?>("--out")
        {
            Description = "Write the export to this file instead of standard output.",
            HelpName = "FILE",
        };
        var command = new Command("export",
            "Write every table of the database (runs, items and their text, events, failures, feeds) as JSON lines: " +
            "a header with the schema version, then one record per row, in a fixed order. The same data gives the " +
            "same bytes from SQLite and PostgreSQL; 'cellradar import' loads it into an empty database.")
        {
            db, output,
        };
        command.SetAction(parse =>
        {
            var option = parse.GetValue(db);
            using var store = CommonOptions.OpenStore(option, context);
            var description = CommonOptions.DescribeStore(option, context);
            if (parse.GetValue(output) is { Length: > 0 } path)
            {
                // Written beside the target and moved into place, so a failed export never leaves a truncated file.
                var full = Path.GetFullPath(path);
                var partial = full + ".partial";
                long rows;
                using (var writer = new StreamWriter(partial, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
                    rows = StoreDump.Export(store, writer, description);
                File.Move(partial, full, overwrite: true);
                context.Error.WriteLine($"exported {rows} rows to {full}");
            }
            else
            {
                StoreDump.Export(store, context.Out, description);
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
