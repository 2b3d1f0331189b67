using System.Text.Json;
using CellRadar.Core.Model;

namespace CellRadar.Core.Reconciliation;

/// <summary>The JSON form of a market status, as the store keeps it.</summary>
public static class MarketStatusJson
{
    public static void Write(Utf8JsonWriter w, MarketStatus s)
    {
        w.WriteStartObject();
        w.WriteString("product", s.Product);
        w.WriteString("jurisdiction", s.Jurisdiction.Code);
        w.WriteString("stage", s.Stage.ToWire());
        w.WriteString("date", s.Date?.ToString() ?? "");
        w.WriteString("fact", s.Fact.ToString());
        w.WriteString("agency", s.Agency);
        w.WriteBoolean("unconfirmed", s.Unconfirmed);
        if (s.Reliance is { } r)
        {
            w.WriteStartObject("reliance");
            w.WriteString("route", r.Route);
            w.WriteString("reference", r.Reference);
            w.WriteEndObject();
        }
        else w.WriteNull("reliance");
        w.WriteStartArray("steps");
        foreach (var step in s.Steps)
        {
            w.WriteStartObject();
            w.WriteString("stage", step.Stage.ToWire());
            w.WriteString("date", step.Date?.ToString() ?? "");
            w.WriteString("fact", step.Fact.ToString());
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("sources");
        foreach (var source in s.Sources) w.WriteStringValue(source);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static MarketStatus Read(JsonElement e) => new()
    {
        Product = e.GetProperty("product").GetString()!,
        Jurisdiction = Jurisdiction.Parse(e.GetProperty("jurisdiction").GetString()!),
        Stage = Stage(e.GetProperty("stage").GetString()),
        Date = PartialDate.TryParse(e.GetProperty("date").GetString(), out var d) ? d : null,
        Fact = Key(e.GetProperty("fact").GetString()),
        Agency = e.GetProperty("agency").GetString()!,
        Unconfirmed = e.GetProperty("unconfirmed").GetBoolean(),
        Reliance = e.GetProperty("reliance") is { ValueKind: JsonValueKind.Object } r
            ? new RelianceRoute(r.GetProperty("route").GetString()!, r.GetProperty("reference").GetString()!)
            : null,
        Steps = [.. e.GetProperty("steps").EnumerateArray().Select(s => new StatusStep(
            Stage(s.GetProperty("stage").GetString()),
            PartialDate.TryParse(s.GetProperty("date").GetString(), out var sd) ? sd : null,
            Key(s.GetProperty("fact").GetString())))],
        Sources = [.. e.GetProperty("sources").EnumerateArray().Select(s => s.GetString()!)],
    };

    private static MarketStage Stage(string? text) =>
        MarketStageNames.TryParse(text, out var stage) ? stage : throw new InvalidDataException($"'{text}' is not a market stage.");

    private static FactKey Key(string? text) =>
        FactKey.TryParse(text ?? "", out var key) ? key : throw new InvalidDataException($"'{text}' is not a fact key.");
}
