using CellRadar.Core.Model;
using CellRadar.Core.Reconciliation;
using CellRadar.Output;
using CellRadar.Storage;
using CellRadar.Web;

namespace CellRadar.Api;

// The API's shapes for products, market statuses, facts and changes: the reconciled records as the store keeps
// them (field names follow FactJson / MarketStatusJson), plus links to the items and pages behind them.

/// <summary>A product's stage in one market: the date, the path there, the holder, and the fact that set it.</summary>
public sealed record MarketStatusDto(
    string Jurisdiction, string Stage, string? Date, string Agency, string Holder, bool Unconfirmed, RelianceDto? Reliance,
    IReadOnlyList<StepDto> Steps, string Fact, IReadOnlyList<string> Sources, IReadOnlyList<string> Conflicts)
{
    internal static MarketStatusDto From(MarketStatus s, string holder, Fact? fact) => new(
        s.Jurisdiction.Code, s.Stage.ToWire(), s.Date?.ToString(), s.Agency, holder, s.Unconfirmed, RelianceDto.From(s.Reliance),
        [.. s.Steps.Select(step => new StepDto(step.Stage.ToWire(), step.Date?.ToString(), step.Fact.ToString()))],
        s.Fact.ToString(), s.Sources, [.. (fact?.Conflicts ?? []).Select(c => c.ToString())]);
}

public sealed record StepDto(string Stage, string? Date, string Fact);

public sealed record RelianceDto(string Route, string Reference)
{
    internal static RelianceDto? From(RelianceRoute? r) => r is null ? null : new(r.Route, r.Reference);
}

/// <summary>A landscape row: the product, what the catalog says of it, and its stage in each market.</summary>
public sealed record ProductSummaryDto(
    string Name, string? Sponsor, string? Modality, string? Target, IReadOnlyList<string> Indications,
    IReadOnlyList<MarketCellDto> Markets, ProductLinks Links);

/// <summary>One landscape cell.</summary>
public sealed record MarketCellDto(string Jurisdiction, string Stage, string? Date, bool Unconfirmed);

public sealed record ProductLinks(string Self, string Status, string Timeline, string Page);

/// <summary>A product: its catalog record, who holds it in each market it is in, and its stage there.</summary>
public sealed record ProductDto(
    string Name, bool InCatalog, IReadOnlyList<string> OtherNames, string? Sponsor, IReadOnlyList<string> Partners,
    string? Modality, string? Target, IReadOnlyList<string> Indications, IReadOnlyDictionary<string, string> Holders,
    IReadOnlyList<MarketStatusDto> Markets, int Facts, ProductLinks Links);

/// <summary>A product's markets and the facts that set no stage (GMP outcomes, access programmes).</summary>
public sealed record ProductStatusDto(string Product, IReadOnlyList<MarketStatusDto> Markets, IReadOnlyList<FactDto> OtherFacts);

/// <summary>A product's facts in date order (a partial date before any day in it); undated facts last.</summary>
public sealed record TimelineDto(string Product, IReadOnlyList<FactDto> Facts);

/// <summary>A fact: one product, kind, subtype family and market, merged from every source that states it.</summary>
public sealed record FactDto(
    string Key, string Product, string Kind, string Family, string Jurisdiction, string Subtype, string Status,
    string? Date, string? DecisionDate, string? AnnouncedDate, string? FirstReported, int? LatencyDays, string Agency,
    IReadOnlyList<string> Sponsors, IReadOnlyList<string> Indications, double Confidence, int IndependentSources,
    bool Unconfirmed, RelianceDto? Reliance, IReadOnlyList<ConflictDto> Conflicts, IReadOnlyList<FactSourceDto> Sources)
{
    internal static FactDto From(Fact f, SourceLinks links) => new(
        f.Key.ToString(), f.Key.Product, f.Key.Kind.ToWire(), f.Key.Family, f.Key.Jurisdiction.Code, f.Subtype, f.Status.ToWire(),
        f.Date?.ToString(), f.DecisionDate?.ToString(), f.AnnouncedDate?.ToString(), f.FirstReported?.ToString(), f.LatencyDays, f.Agency,
        [.. f.Sponsors.Select(s => s.Value)], f.Indications, Math.Round(f.Confidence, 3), f.IndependentSources, f.Unconfirmed,
        RelianceDto.From(f.Reliance),
        [.. f.Conflicts.Select(c => new ConflictDto(c.Field, [.. c.Values.Select(v => new ConflictValueDto(v.Value, v.Items))]))],
        [.. f.Supports.Select(s => FactSourceDto.From(f.Key, s, links))]);
}

public sealed record ConflictDto(string Field, IReadOnlyList<ConflictValueDto> Values);

public sealed record ConflictValueDto(string Value, IReadOnlyList<string> Items);

/// <summary>One source of a fact: the item (and its stored id, when it is still stored), what it said, the evidence sentence.</summary>
public sealed record FactSourceDto(
    string Item, long? ItemId, long? EventId, string? Url, string Publisher, string Trust, string? Published, string? Date,
    string DateRole, string Subtype, string Status, string Agency, string Sponsor, EvidenceDto Evidence, ItemLinks? Links)
{
    internal static FactSourceDto From(FactKey key, FactSupport s, SourceLinks links)
    {
        var (itemId, eventId) = links.Of(key, s);
        return new(s.ItemKey, itemId, eventId, s.Url, s.Publisher, s.Trust, s.Published?.ToString(), s.Date?.ToString(),
            s.DateRole.ToString().ToLowerInvariant(), s.Subtype, s.Status.ToWire(), s.Agency, s.Sponsor,
            new EvidenceDto(s.EvidenceSpan.Start, s.EvidenceSpan.End, s.Evidence),
            itemId is { } id ? new ItemLinks($"/api/items/{id}", links.PageOf(key, s)!) : null);
    }
}

/// <summary>A logged change: a new fact, a market's status change or a new conflict, with the store's time.</summary>
public sealed record ChangeDto(long Id, DateTimeOffset At, string Change, string Product, string Jurisdiction, string Fact, string Title, string Detail, string Page)
{
    internal static ChangeDto From(FactChange c) => new(c.Id, c.At, c.Change, c.Product, c.Jurisdiction.Code, c.FactKey,
        ChangeText.Title(c), c.Detail, ProductRecord.PagePath(c.Product));
}

/// <summary>Changes logged since a time, in the order they were logged, one page of them.</summary>
public sealed record ChangesDto(DateTimeOffset Since, IReadOnlyList<ChangeDto> Changes, string? Next);

internal static class ProductLinksOf
{
    public static ProductLinks For(string product)
    {
        var id = Uri.EscapeDataString(product);
        return new ProductLinks($"/api/products/{id}", $"/api/products/{id}/status", $"/api/products/{id}/timeline", ProductRecord.PagePath(product));
    }
}
