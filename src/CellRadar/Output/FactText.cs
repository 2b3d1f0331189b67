using CellRadar.Core.Catalog;
using CellRadar.Core.Model;
using CellRadar.Core.Reconciliation;

namespace CellRadar.Output;

/// <summary>Short human forms of facts and statuses shared by status, timeline, landscape and report.</summary>
internal static class FactText
{
    /// <summary>A date as precise as it is known; an undated fact says so rather than showing a made-up day.</summary>
    public static string Date(Core.Model.PartialDate? date) => date?.ToString() ?? "undated";

    public static string Path(MarketStatus s) => string.Join(" -> ", s.Steps.Select(step => step.ToString()));

    public static string What(Fact f) => f.Subtype.Length > 0 ? $"{f.Key.Kind.ToWire()} {f.Subtype}" : f.Key.Kind.ToWire();

    /// <summary>The flags an analyst must see next to a fact: unconfirmed, conflicts, reliance route, expected or ongoing.</summary>
    public static string Notes(Fact f)
    {
        var notes = new List<string>();
        if (f.Status != Core.Model.EventStatus.Occurred) notes.Add(f.Status.ToString().ToLowerInvariant());
        if (f.AnnouncedDate is { } announced) notes.Add($"announced {announced}");
        if (f.Unconfirmed) notes.Add("unconfirmed");
        foreach (var c in f.Conflicts) notes.Add("conflict " + c);
        if (f.Reliance is { } r) notes.Add("reliance: " + r);
        return string.Join("; ", notes);
    }

    public static string Sources(Fact f) =>
        string.Join(", ", f.Supports.Select(s => s.ItemKey).Distinct().Order(StringComparer.Ordinal)) +
        (f.IndependentSources > 1 ? $" ({f.IndependentSources} independent)" : "");

    /// <summary>Who holds the product in a market: the catalog's holder there, else the sponsors the sources name, else the catalog sponsor.</summary>
    public static string Holder(string product, string jurisdiction, Fact? fact)
    {
        var entry = ReferenceCatalog.Embedded.ProductsByCanonical.GetValueOrDefault(product);
        if (entry?.Holders.GetValueOrDefault(jurisdiction) is { Length: > 0 } holder) return holder;
        if (fact is { Sponsors.Count: > 0 }) return string.Join(" / ", fact.Sponsors.Select(s => s.Value));
        return entry?.Sponsor ?? "";
    }
}
