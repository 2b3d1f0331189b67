using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using CellRadar.Core.Model;

namespace CellRadar.Output;

/// <summary>
/// Writes events as JSON objects with the fields of ITEMS.md "Out: extract", in that order. The stored
/// form (events command) adds the evidence offsets, the item's URL and the extractor version after them.
/// One buffer and one writer are reused for every object.
/// </summary>
internal sealed class EventJson : IDisposable
{
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly Utf8JsonWriter _json;

    // Every Unicode range passes unescaped so names and quotes stay readable ("Health’s", Chinese names);
    // quotes, control characters and HTML-sensitive characters are still escaped.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public EventJson() => _json = new Utf8JsonWriter(_buffer, Options);

    public void Dispose() => _json.Dispose();

    public string Extracted(string item, RegulatoryEvent e)
    {
        Begin();
        WriteFields(item, e);
        return End();
    }

    public string Stored(string item, string? url, RegulatoryEvent e)
    {
        Begin();
        WriteFields(item, e);
        _json.WriteNumber("evidence_start", e.Evidence.Start);
        _json.WriteNumber("evidence_end", e.Evidence.End);
        _json.WriteString("url", url ?? "");
        _json.WriteString("extractor_version", e.ExtractorVersion);
        return End();
    }

    /// <summary>A flat object of string fields, in the order given (clean output).</summary>
    public string Strings(params ReadOnlySpan<(string Name, string? Value)> fields)
    {
        Begin();
        foreach (var (name, value) in fields) _json.WriteString(name, value ?? "");
        return End();
    }

    private void WriteFields(string item, RegulatoryEvent e)
    {
        _json.WriteString("item", item);
        _json.WriteString("product", e.Product);
        _json.WriteString("kind", e.Kind.ToWire());
        _json.WriteString("subtype", e.Subtype);
        _json.WriteString("jurisdiction", e.Jurisdiction.Code ?? "");
        _json.WriteString("agency", e.Agency);
        _json.WriteString("date", e.Date?.ToString() ?? "");
        _json.WriteString("status", e.Status.ToWire());
        _json.WriteString("sponsor", e.Sponsor);
        _json.WriteString("indication", e.Indication);
        _json.WriteString("evidence", e.EvidenceText);
        _json.WriteNumber("confidence", Math.Round(e.Confidence, 3));
    }

    private void Begin()
    {
        _buffer.ResetWrittenCount();
        _json.Reset(_buffer);
        _json.WriteStartObject();
    }

    private string End()
    {
        _json.WriteEndObject();
        _json.Flush();
        return Encoding.UTF8.GetString(_buffer.WrittenSpan);
    }
}
