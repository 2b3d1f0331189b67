using System.Reflection;
using System.Text.Json;
using CellRadar.Core.Model;

namespace CellRadar.Core.Reconciliation;

/// <summary>
/// Which approvals are reliance routes, from the small rule table <c>data/reliance.json</c>: an approval in a
/// rule's jurisdiction whose item states one of the rule's cues ("1+" for Hong Kong) took that route.
/// </summary>
public sealed class RelianceRules
{
    private static readonly Lazy<RelianceRules> EmbeddedRules = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("CellRadar.Data.reliance.json")
            ?? throw new InvalidDataException("reliance.json is not embedded in this build.");
        var file = JsonSerializer.Deserialize<RelianceFile>(stream, new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        }) ?? throw new InvalidDataException("reliance.json is empty.");
        return new RelianceRules(file.Routes);
    });

    private readonly Dictionary<string, List<RouteEntry>> _byJurisdiction;

    private RelianceRules(List<RouteEntry> routes) =>
        _byJurisdiction = routes.GroupBy(r => r.Jurisdiction, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.OrdinalIgnoreCase);

    public static RelianceRules Embedded => EmbeddedRules.Value;

    /// <summary>True when an event of this kind and place could be a reliance approval, so its item's text is worth reading.</summary>
    public bool Applies(EventKind kind, Jurisdiction jurisdiction) =>
        kind == EventKind.Approval && jurisdiction.Code is { } code && _byJurisdiction.ContainsKey(code);

    /// <summary>The route an item's text states for an approval in <paramref name="jurisdiction"/>, or null.</summary>
    public RelianceRoute? Match(EventKind kind, Jurisdiction jurisdiction, string itemText)
    {
        if (!Applies(kind, jurisdiction)) return null;
        var folded = Fold(itemText);
        foreach (var rule in _byJurisdiction[jurisdiction.Code])
        {
            if (rule.Cues.Any(c => folded.Contains(Fold(c), StringComparison.OrdinalIgnoreCase)))
                return new RelianceRoute(rule.Route, rule.Reference);
        }
        return null;
    }

    // Curly quotes become straight ones so one cue matches both ways of quoting.
    private static string Fold(string text) => text
        .Replace('\u201C', '"').Replace('\u201D', '"').Replace('\u2018', '\'').Replace('\u2019', '\'');

    private sealed record RelianceFile { public List<RouteEntry> Routes { get; init; } = []; }

    private sealed record RouteEntry(string Jurisdiction, string Route, string Reference, List<string> Cues);
}
