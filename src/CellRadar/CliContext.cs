using CellRadar.Core.Pipeline;

namespace CellRadar;

/// <summary>
/// Everything a command touches outside its arguments: the writers, standard input, the environment,
/// the clock and the pipeline. The console supplies them in production; tests supply writers and files.
/// </summary>
public sealed class CliContext
{
    public required TextWriter Out { get; init; }

    public required TextWriter Error { get; init; }

    public Func<Stream> OpenStandardInput { get; init; } = Console.OpenStandardInput;

    /// <summary>True only when standard output is an interactive terminal: then tables and progress are drawn.</summary>
    public bool IsTerminal { get; init; }

    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Builds the pipeline that reads events out of items (ingest, extract, eval).</summary>
    public Func<ItemPipeline> Pipeline { get; init; } = () => Pipelines.Default();

    /// <summary>Columns available: help text wraps to it, and terminal tables fit it.</summary>
    public int Width { get; init; } = 100;

    public static CliContext FromConsole()
    {
        var terminal = !Console.IsOutputRedirected;
        // JSON lines and CSV are UTF-8 whatever the platform's console code page is.
        Console.OutputEncoding = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        return new CliContext
        {
            Out = Console.Out,
            Error = Console.Error,
            IsTerminal = terminal,
            Width = terminal && Console.WindowWidth > 40 ? Console.WindowWidth : 100,
        };
    }
}
