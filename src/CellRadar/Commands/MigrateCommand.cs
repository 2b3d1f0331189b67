using System.CommandLine;

namespace CellRadar.Commands;

/// <summary>
/// <c>cellradar migrate</c>: brings the database's schema up to this program's version and says which it is at.
/// Every command migrates when it opens the store; this one lets a team do it once, before starting the workers.
/// </summary>
internal static class MigrateCommand
{
    public static Command Create(CliContext context)
    {
        var db = CommonOptions.Database();
        var command = new Command("migrate",
            "Apply the schema migrations the database lacks and print the schema version it is at. Safe to run " +
            "while other processes use the database: they wait for each other.")
        {
            db,
        };
        command.SetAction(parse =>
        {
            using var store = CommonOptions.OpenStore(parse.GetValue(db), context);
            context.Out.WriteLine($"{CommonOptions.DescribeStore(parse.GetValue(db), context)}: schema version {store.SchemaVersion}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
