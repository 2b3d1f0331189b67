using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using CellRadar.Core.Model;
using CellRadar.Core.Reconciliation;

namespace CellRadar.Output;

/// <summary>Writes facts with their sources as JSON lines, a JSON array or CSV (one row per fact, its sources joined).</summary>
internal static class FactOutput
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private static readonly string[] CsvHeader =
        ["key", "product", "kind", "subtype", "jurisdiction", "status", "decision_date", "announced_date", "first_reported",
         "latency_days", "agency", "sponsors", "confidence", "independent_sources", "unconfirmed", "reliance", "conflicts",
         "items", "urls", "evidence"];

    public static int Write(IEnumerable<Fact> facts, string format, TextWriter output) => format switch
    {
        "json" => WriteJson(facts, output),
        "csv" => WriteCsv(facts, output),
        _ => WriteJsonLines(facts, output),
    };

    private static int WriteJsonLines(IEnumerable<Fact> facts, TextWriter output)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        var n = 0;
        foreach (var f in facts)
        {
            output.WriteLine(Json(buffer, f));
            n++;
        }
        return n;
    }

    private static int WriteJson(IEnumerable<Fact> facts, TextWriter output)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        var n = 0;
        output.Write('[');
        foreach (var f in facts)
        {
            output.Write(n == 0 ? "\n  " : ",\n  ");
            output.Write(Json(buffer, f));
            n++;
        }
        output.WriteLine(n == 0 ? "]" : "\n]");
        return n;
    }

    private static int WriteCsv(IEnumerable<Fact> facts, TextWriter output)
    {
        Csv.WriteRow(output, CsvHeader);
        var n = 0;
        foreach (var f in facts)
        {
            Csv.WriteRow(output,
                Csv.Text(f.Key.ToString()), Csv.Text(f.Key.Product), f.Key.Kind.ToWire(), Csv.Text(f.Subtype), f.Key.Jurisdiction.Code,
                f.Status.ToString().ToLowerInvariant(), f.DecisionDate?.ToString() ?? "", f.AnnouncedDate?.ToString() ?? "",
                f.FirstReported?.ToString() ?? "", f.LatencyDays?.ToString(CultureInfo.InvariantCulture) ?? "", Csv.Text(f.Agency),
                Csv.Text(string.Join("; ", f.Sponsors.Select(s => s.Value))), f.Confidence.ToString("0.###", CultureInfo.InvariantCulture),
                f.IndependentSources.ToString(CultureInfo.InvariantCulture), f.Unconfirmed ? "true" : "false",
                Csv.Text(f.Reliance?.ToString()), Csv.Text(string.Join("; ", f.Conflicts.Select(c => c.ToString()))),
                Csv.Text(string.Join("; ", f.Supports.Select(s => s.ItemKey))),
                Csv.Text(string.Join("; ", f.Supports.Select(s => s.Url ?? ""))),
                Csv.Text(string.Join(" | ", f.Supports.Select(s => s.Evidence))));
            n++;
        }
        return n;
    }

    private static string Json(ArrayBufferWriter<byte> buffer, Fact f)
    {
        buffer.ResetWrittenCount();
        using (var w = new Utf8JsonWriter(buffer, Options)) FactJson.Write(w, f);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
