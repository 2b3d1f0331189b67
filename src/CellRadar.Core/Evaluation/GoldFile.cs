using System.Text.Json;
using CellRadar.Core.Errors;
using CellRadar.Core.Model;

namespace CellRadar.Core.Evaluation;

/// <summary>Reads a gold <c>.jsonl</c> file: one event object per line, blank lines ignored.</summary>
public static class GoldFile
{
    public static (IReadOnlyList<GoldEvent> Events, CellRadarError? Error) Read(string path)
    {
        string[] lines;
        try { lines = File.ReadAllLines(path); }
        catch (IOException ex) { return ([], new CellRadarError(ErrorCode.GoldUnreadable, path, ex.Message)); }
        catch (UnauthorizedAccessException ex) { return ([], new CellRadarError(ErrorCode.GoldUnreadable, path, ex.Message)); }
        return Parse(path, lines);
    }

    public static (IReadOnlyList<GoldEvent> Events, CellRadarError? Error) Parse(string subject, IEnumerable<string> lines)
    {
        var events = new List<GoldEvent>();
        var n = 0;
        foreach (var line in lines)
        {
            n++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                using var doc = JsonDocument.Parse(line);
                var o = doc.RootElement;
                string S(string name) => o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : "";
                if (!EventKindNames.TryParse(S("kind"), out var kind))
                    return ([], new CellRadarError(ErrorCode.GoldUnreadable, $"{subject}:{n}", $"unknown kind '{S("kind")}'"));
                if (!Jurisdiction.TryParse(S("jurisdiction"), out var jurisdiction))
                    return ([], new CellRadarError(ErrorCode.GoldUnreadable, $"{subject}:{n}", $"bad jurisdiction '{S("jurisdiction")}'"));
                PartialDate? date = null;
                if (S("date") is { Length: > 0 } ds)
                {
                    if (!PartialDate.TryParse(ds, out var d))
                        return ([], new CellRadarError(ErrorCode.GoldUnreadable, $"{subject}:{n}", $"bad date '{ds}'"));
                    date = d;
                }
                var status = EventStatusNames.TryParse(S("status"), out var st) ? st : EventStatus.Occurred;
                events.Add(new GoldEvent(S("product").ToLowerInvariant(), kind, S("subtype"), jurisdiction, S("agency"), date, status, S("sponsor"), S("indication")));
            }
            catch (JsonException ex)
            {
                return ([], new CellRadarError(ErrorCode.GoldUnreadable, $"{subject}:{n}", ex.Message));
            }
        }
        return (events, null);
    }
}
