using System.CommandLine;
using System.Text;
using CellRadar.Core.Errors;
using CellRadar.Storage;

namespace CellRadar.Commands;

/// <summary><c>cellradar import</c>: loads what <c>cellradar export</c> wrote into an empty store.</summary>
internal static class ImportCommand
{
    public static Command Create(CliContext context)
    {
        var db = CommonOptions.Database();
        var input = new Argument<string>("FILE")
        {
            Description = "The export to load; - (the default) reads standard input.",
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => "-",
        };
        var command = new Command("import",
            "Load an export made by 'cellradar export' into an empty database, keeping ids, times and text as they " +
            "were: SQLite to PostgreSQL or back. All rows go in one transaction; a database that is not empty is refused.")
        {
            input, db,
        };
        command.SetAction(parse =>
        {
            var option = parse.GetValue(db);
            var file = parse.GetValue(input) ?? "-";
            using var reader = Open(file, context);
            using var store = CommonOptions.OpenStore(option, context);
            var description = CommonOptions.DescribeStore(option, context);
            var rows = StoreDump.Import(store, reader, file == "-" ? "(standard input)" : file, description);
            context.Out.WriteLine($"imported {rows} rows into {description}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static StreamReader Open(string file, CliContext context)
    {
        if (file == "-") return new StreamReader(context.OpenStandardInput(), new UTF8Encoding(false));
        try
        {
            return new StreamReader(file, new UTF8Encoding(false));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var code = ex is FileNotFoundException or DirectoryNotFoundException ? ErrorCode.PathNotFound : ErrorCode.UnreadableFile;
            throw new CellRadarException(new CellRadarError(code, file, ex.Message), ex);
        }
    }
}
