using System.Globalization;
using CellRadar.Core.Model;
using CellRadar.Storage;
using Spectre.Console;

namespace CellRadar.Output;

/// <summary>Prints stored events as a table, JSON, JSON lines or CSV.</summary>
internal static class EventOutput
{
    public static readonly string[] Formats = ["table", "json", "jsonl", "csv"];

    private static readonly string[] TableHeader = ["date", "product", "kind", "subtype", "jurisdiction", "agency", "status", "item", "evidence"];

    private static readonly string[] CsvHeader =
        ["item", "product", "kind", "subtype", "jurisdiction", "agency", "date", "status", "sponsor", "indication",
         "evidence", "evidence_start", "evidence_end", "confidence", "url", "extractor_version"];

    /// <summary>Writes the events and returns how many there were.</summary>
    public static int Write(IEnumerable<StoredEvent> events, string format, CliContext context) => format switch
    {
        "json" => WriteJson(events, context.Out),
        "jsonl" => WriteJsonLines(events, context.Out),
        "csv" => WriteCsv(events, context.Out),
        _ => context.IsTerminal ? WriteSpectreTable(events, context) : WritePlainTable(events, context.Out),
    };

    private static int WriteJsonLines(IEnumerable<StoredEvent> events, TextWriter output)
    {
        using var json = new EventJson();
        var n = 0;
        foreach (var e in events)
        {
            output.WriteLine(json.Stored(e.ItemKey, e.ItemUrl, e.Event));
            n++;
        }
        return n;
    }

    private static int WriteJson(IEnumerable<StoredEvent> events, TextWriter output)
    {
        // Streamed as an array one object at a time, so a large result is never held in memory.
        using var json = new EventJson();
        var n = 0;
        output.Write('[');
        foreach (var e in events)
        {
            output.Write(n == 0 ? "\n  " : ",\n  ");
            output.Write(json.Stored(e.ItemKey, e.ItemUrl, e.Event));
            n++;
        }
        output.WriteLine(n == 0 ? "]" : "\n]");
        return n;
    }

    private static int WriteCsv(IEnumerable<StoredEvent> events, TextWriter output)
    {
        Csv.WriteRow(output, CsvHeader);
        var n = 0;
        foreach (var s in events)
        {
            var e = s.Event;
            Csv.WriteRow(output,
                Csv.Text(s.ItemKey), Csv.Text(e.Product), e.Kind.ToWire(), Csv.Text(e.Subtype), e.Jurisdiction.Code ?? "",
                Csv.Text(e.Agency), e.Date?.ToString() ?? "", e.Status.ToWire(), Csv.Text(e.Sponsor), Csv.Text(e.Indication),
                Csv.Text(e.EvidenceText), e.Evidence.Start.ToString(CultureInfo.InvariantCulture),
                e.Evidence.End.ToString(CultureInfo.InvariantCulture), e.Confidence.ToString("0.###", CultureInfo.InvariantCulture),
                Csv.Text(s.ItemUrl), Csv.Text(e.ExtractorVersion));
            n++;
        }
        return n;
    }

    private static string[] Row(StoredEvent s) =>
    [
        s.Event.Date?.ToString() ?? "",
        TerminalText.Cell(s.Event.Product, 40),
        s.Event.Kind.ToWire(),
        TerminalText.Cell(s.Event.Subtype, 30),
        s.Event.Jurisdiction.Code ?? "",
        TerminalText.Cell(s.Event.Agency, 30),
        s.Event.Status.ToWire(),
        TerminalText.Cell(s.ItemKey, 40),
        TerminalText.Cell(s.Event.EvidenceText, 80),
    ];

    /// <summary>Aligned columns for pipes and files: no colour, no box drawing, one event per line.</summary>
    private static int WritePlainTable(IEnumerable<StoredEvent> events, TextWriter output)
    {
        // Column widths need every row; a table is for reading, so its rows are held (use --limit or jsonl for bulk).
        var rows = events.Select(Row).ToList();
        var widths = TableHeader.Select(h => h.Length).ToArray();
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++) widths[i] = Math.Max(widths[i], row[i].Length);
        }
        WritePlainRow(output, TableHeader, widths);
        foreach (var row in rows) WritePlainRow(output, row, widths);
        return rows.Count;
    }

    private static void WritePlainRow(TextWriter output, string[] cells, int[] widths)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (i == cells.Length - 1) output.Write(cells[i]);
            else output.Write(cells[i].PadRight(widths[i] + 2));
        }
        output.WriteLine();
    }

    private static int WriteSpectreTable(IEnumerable<StoredEvent> events, CliContext context)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(context.Out) });
        console.Profile.Width = context.Width;
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var h in TableHeader) table.AddColumn(h);
        var n = 0;
        foreach (var s in events)
        {
            // Text renderables, never markup: article text must not be interpreted as Spectre markup.
            table.AddRow(Row(s).Select(c => (Spectre.Console.Rendering.IRenderable)new Text(c)).ToArray());
            n++;
        }
        console.Write(table);
        console.MarkupLine(CultureInfo.InvariantCulture, "[grey]{0} event(s)[/]", n);
        return n;
    }
}
