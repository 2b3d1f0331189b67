using System.Globalization;
using System.Text.Json;
using CellRadar.Core.Model;

namespace CellRadar.Core.Reconciliation;

/// <summary>
/// The one JSON form of a fact: what the store keeps of it and what <c>export</c> writes. Field order is fixed,
/// so equal facts give byte-equal JSON.
/// </summary>
public static class FactJson
{
    public static void Write(Utf8JsonWriter w, Fact f)
    {
        w.WriteStartObject();
        w.WriteString("key", f.Key.ToString());
        w.WriteString("product", f.Key.Product);
        w.WriteString("kind", f.Key.Kind.ToWire());
        w.WriteString("family", f.Key.Family);
        w.WriteString("jurisdiction", f.Key.Jurisdiction.Code);
        w.WriteString("subtype", f.Subtype);
        w.WriteString("status", f.Status.ToWire());
        w.WriteString("decision_date", f.DecisionDate?.ToString() ?? "");
        w.WriteString("announced_date", f.AnnouncedDate?.ToString() ?? "");
        w.WriteString("first_reported", f.FirstReported?.ToString() ?? "");
        w.WriteString("first_seen", f.FirstSeen?.ToString("O", CultureInfo.InvariantCulture) ?? "");
        if (f.LatencyDays is { } latency) w.WriteNumber("latency_days", latency);
        else w.WriteNull("latency_days");
        w.WriteString("agency", f.Agency);
        w.WriteNumber("confidence", f.Confidence);
        w.WriteNumber("independent_sources", f.IndependentSources);
        w.WriteBoolean("unconfirmed", f.Unconfirmed);
        if (f.Reliance is { } r)
        {
            w.WriteStartObject("reliance");
            w.WriteString("route", r.Route);
            w.WriteString("reference", r.Reference);
            w.WriteEndObject();
        }
        else w.WriteNull("reliance");
        w.WriteStartArray("sponsors");
        foreach (var s in f.Sponsors) WriteValue(w, "sponsor", s);
        w.WriteEndArray();
        w.WriteStartArray("indications");
        foreach (var i in f.Indications) w.WriteStringValue(i);
        w.WriteEndArray();
        w.WriteStartArray("conflicts");
        foreach (var c in f.Conflicts)
        {
            w.WriteStartObject();
            w.WriteString("field", c.Field);
            w.WriteStartArray("values");
            foreach (var v in c.Values) WriteValue(w, "value", v);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("supports");
        foreach (var s in f.Supports)
        {
            w.WriteStartObject();
            w.WriteString("item", s.ItemKey);
            w.WriteString("item_hash", s.ItemHash);
            w.WriteString("url", s.Url ?? "");
            w.WriteString("publisher", s.Publisher);
            w.WriteString("trust", s.Trust);
            w.WriteString("cluster", s.Cluster);
            w.WriteString("published", s.Published?.ToString() ?? "");
            w.WriteString("date", s.Date?.ToString() ?? "");
            w.WriteString("date_role", RoleName(s.DateRole));
            w.WriteString("subtype", s.Subtype);
            w.WriteString("status", s.Status.ToWire());
            w.WriteString("agency", s.Agency);
            w.WriteString("sponsor", s.Sponsor);
            w.WriteString("evidence", s.Evidence);
            w.WriteNumber("evidence_start", s.EvidenceSpan.Start);
            w.WriteNumber("evidence_end", s.EvidenceSpan.End);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static Fact Read(JsonElement e)
    {
        if (!FactKey.TryParse(e.GetProperty("key").GetString() ?? "", out var key))
            throw new InvalidDataException($"'{e.GetProperty("key").GetString()}' is not a fact key.");
        RelianceRoute? reliance = e.GetProperty("reliance") is { ValueKind: JsonValueKind.Object } r
            ? new RelianceRoute(r.GetProperty("route").GetString()!, r.GetProperty("reference").GetString()!)
            : null;
        return new Fact
        {
            Key = key,
            Subtype = e.GetProperty("subtype").GetString()!,
            Status = EventStatusNames.TryParse(e.GetProperty("status").GetString(), out var st) ? st : default,
            DecisionDate = Date(e, "decision_date"),
            AnnouncedDate = Date(e, "announced_date"),
            FirstReported = Date(e, "first_reported"),
            FirstSeen = e.GetProperty("first_seen").GetString() is { Length: > 0 } seen ? DateTimeOffset.Parse(seen, CultureInfo.InvariantCulture) : null,
            LatencyDays = e.GetProperty("latency_days") is { ValueKind: JsonValueKind.Number } l ? l.GetInt32() : null,
            Agency = e.GetProperty("agency").GetString()!,
            Confidence = e.GetProperty("confidence").GetDouble(),
            IndependentSources = e.GetProperty("independent_sources").GetInt32(),
            Unconfirmed = e.GetProperty("unconfirmed").GetBoolean(),
            Reliance = reliance,
            Sponsors = [.. e.GetProperty("sponsors").EnumerateArray().Select(v => ReadValue(v, "sponsor"))],
            Indications = [.. e.GetProperty("indications").EnumerateArray().Select(v => v.GetString()!)],
            Conflicts = [.. e.GetProperty("conflicts").EnumerateArray().Select(c => new FactConflict(
                c.GetProperty("field").GetString()!, [.. c.GetProperty("values").EnumerateArray().Select(v => ReadValue(v, "value"))]))],
            Supports = [.. e.GetProperty("supports").EnumerateArray().Select(s => new FactSupport
            {
                ItemKey = s.GetProperty("item").GetString()!,
                ItemHash = s.GetProperty("item_hash").GetString()!,
                Url = s.GetProperty("url").GetString() is { Length: > 0 } u ? u : null,
                Publisher = s.GetProperty("publisher").GetString()!,
                Trust = s.GetProperty("trust").GetString()!,
                Cluster = s.GetProperty("cluster").GetString()!,
                Published = Date(s, "published"),
                Date = Date(s, "date"),
                DateRole = ParseRole(s.GetProperty("date_role").GetString()),
                Subtype = s.GetProperty("subtype").GetString()!,
                Status = EventStatusNames.TryParse(s.GetProperty("status").GetString(), out var ss) ? ss : default,
                Agency = s.GetProperty("agency").GetString()!,
                Sponsor = s.GetProperty("sponsor").GetString()!,
                Evidence = s.GetProperty("evidence").GetString()!,
                EvidenceSpan = new TextSpan(s.GetProperty("evidence_start").GetInt32(), s.GetProperty("evidence_end").GetInt32()),
            })],
        };
    }

    public static string RoleName(DateRole role) => role switch
    {
        DateRole.Decision => "decision",
        DateRole.Announcement => "announcement",
        DateRole.Conflicting => "conflicting",
        _ => "",
    };

    private static DateRole ParseRole(string? text) => text switch
    {
        "decision" => DateRole.Decision,
        "announcement" => DateRole.Announcement,
        "conflicting" => DateRole.Conflicting,
        _ => DateRole.None,
    };

    private static PartialDate? Date(JsonElement e, string name) =>
        PartialDate.TryParse(e.GetProperty(name).GetString(), out var d) ? d : null;

    private static void WriteValue(Utf8JsonWriter w, string name, ConflictValue v)
    {
        w.WriteStartObject();
        w.WriteString(name, v.Value);
        w.WriteStartArray("items");
        foreach (var i in v.Items) w.WriteStringValue(i);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static ConflictValue ReadValue(JsonElement e, string name) =>
        new(e.GetProperty(name).GetString()!, [.. e.GetProperty("items").EnumerateArray().Select(i => i.GetString()!)]);
}
