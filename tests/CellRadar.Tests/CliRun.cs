using System.Text;
using CellRadar.Core.Pipeline;

namespace CellRadar.Tests;

/// <summary>What one in-process run of the command tree printed and returned.</summary>
public sealed record CliResult(int ExitCode, string Out, string Error)
{
    public string[] OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
}

/// <summary>Runs the real command tree in-process with captured output, as a redirected (non-terminal) process would.</summary>
public static class CliRun
{
    public static CliResult Run(params string[] args) => RunWith(null, null, args);

    public static CliResult RunWith(Func<ItemPipeline>? pipeline, string? standardInput, params string[] args) =>
        RunAs(terminal: false, pipeline, standardInput, args);

    /// <summary>As <see cref="RunWith"/>, but the command believes its output is an interactive terminal.</summary>
    public static CliResult RunAs(bool terminal, Func<ItemPipeline>? pipeline, string? standardInput, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext
        {
            Out = output,
            Error = error,
            IsTerminal = terminal,
            // The developer's own CELLRADAR_DB must never leak into a test.
            Environment = _ => null,
            OpenStandardInput = () => new MemoryStream(Encoding.UTF8.GetBytes(standardInput ?? "")),
            Pipeline = pipeline ?? (() => Pipelines.Default()),
            // Golden help files are wrapped at 100; a pretend terminal is wide so table cells stay on one line.
            Width = terminal ? 250 : 100,
        };
        var code = Cli.Run(args, context);
        return new CliResult(code, output.ToString(), error.ToString());
    }
}
