using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using CellRadar.Commands;
using CellRadar.Core.Errors;

namespace CellRadar;

/// <summary>The <c>cellradar</c> command tree and how it is run.</summary>
public static class Cli
{
    public static Command Build(CliContext context)
    {
        // A plain command named "cellradar" rather than RootCommand, whose name is the host executable's
        // ("testhost" under a test runner), which would leak into usage lines and golden help files.
        var root = new Command("cellradar",
            "CellRadar finds regulatory events (designations, trial authorisations, filings, approvals, opinions, " +
            "rejections, withdrawals, access programmes, GMP outcomes) in news about cell and gene therapies, " +
            "ties each to the sentence that states it, stores them in SQLite or PostgreSQL and scores them against gold.")
        {
            IngestCommand.Create(context),
            EventsCommand.Create(context),
            ExtractCommand.Create(context),
            CleanCommand.Create(context),
            EvalCommand.Create(context),
            ArticleBodyCommand.Create(context),
            GenerateCommand.Create(context),
            BenchCommand.Create(context),
            WatchCommand.Create(context),
            ServeCommand.Create(context),
            MigrateCommand.Create(context),
            ExportCommand.Create(context),
            ImportCommand.Create(context),
            ReconcileCommand.Create(context),
            StatusCommand.Create(context),
            TimelineCommand.Create(context),
            LandscapeCommand.Create(context),
            ChangesCommand.Create(context),
            ReportCommand.Create(context),
            new HelpOption(),
            new VersionOption(),
        };
        foreach (var option in root.Options)
        {
            if (option is HelpOption { Action: HelpAction help }) help.MaxWidth = context.Width;
        }
        return root;
    }

    public static int Run(string[] args, CliContext context)
    {
        var root = Build(context);
        var result = root.Parse(args);
        if (result.Errors.Count > 0 && result.Action is ParseErrorAction)
        {
            // System.CommandLine would exit 1 here; bad usage is 2 so scripts can tell it from failed input.
            var command = CommandPath(result.CommandResult.Command);
            foreach (var error in result.Errors)
                context.Error.WriteLine(new CellRadarError(ErrorCode.BadUsage, command, error.Message).ToString());
            context.Error.WriteLine($"Run '{command} --help' for usage.");
            return ExitCodes.BadUsage;
        }
        var config = new InvocationConfiguration { Output = context.Out, Error = context.Error, EnableDefaultExceptionHandler = false };
        try
        {
            return result.Invoke(config);
        }
        catch (CellRadarException ex)
        {
            // Failures that stop a whole command (database unusable); per-item failures never get here.
            context.Error.WriteLine(ex.Error.ToString());
            return ExitCodes.Failed;
        }
    }

    private static string CommandPath(Command command)
    {
        var names = new List<string>();
        for (Symbol? s = command; s is Command c; s = c.Parents.FirstOrDefault())
            names.Insert(0, c.Name);
        return string.Join(' ', names);
    }
}
