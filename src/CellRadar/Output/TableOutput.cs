using System.Globalization;
using Spectre.Console;

namespace CellRadar.Output;

/// <summary>
/// Prints rows as a Spectre table on a terminal, else as aligned plain text (no colour, no box drawing), the way
/// <see cref="EventOutput"/> does. Cells are made safe for a terminal by the caller (<see cref="TerminalText"/>).
/// </summary>
internal static class TableOutput
{
    public static void Write(CliContext context, IReadOnlyList<string> header, IReadOnlyList<string[]> rows, string? caption = null)
    {
        if (context.IsTerminal)
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(context.Out) });
            console.Profile.Width = context.Width;
            var table = new Table().Border(TableBorder.Rounded);
            foreach (var h in header) table.AddColumn(new TableColumn(new Text(h)));
            // Text renderables, never markup: article text must not be interpreted as Spectre markup.
            foreach (var row in rows) table.AddRow(row.Select(c => (Spectre.Console.Rendering.IRenderable)new Text(c)).ToArray());
            console.Write(table);
            if (caption is not null) console.MarkupLine(CultureInfo.InvariantCulture, "[grey]{0}[/]", Markup.Escape(caption));
            return;
        }
        var widths = header.Select(h => h.Length).ToArray();
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++) widths[i] = Math.Max(widths[i], row[i].Length);
        }
        WriteRow(context.Out, [.. header], widths);
        foreach (var row in rows) WriteRow(context.Out, row, widths);
        if (caption is not null) context.Out.WriteLine(caption);
    }

    private static void WriteRow(TextWriter output, string[] cells, int[] widths)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (i == cells.Length - 1) output.Write(cells[i]);
            else output.Write(cells[i].PadRight(widths[i] + 2));
        }
        output.WriteLine();
    }
}
