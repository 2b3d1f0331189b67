using CellRadar.Core.Model;

namespace CellRadar.Core.Reconciliation;

/// <summary>How one source backs a fact, as the fact keeps it: the item, its publisher and trust, and what it said.</summary>
public sealed record FactSupport
{
    public required string ItemKey { get; init; }
    public required string ItemHash { get; init; }
    public string? Url { get; init; }
    public required string Publisher { get; init; }
    public required string Trust { get; init; }
    public required string Cluster { get; init; }
    public PartialDate? Published { get; init; }
    public PartialDate? Date { get; init; }
    public DateRole DateRole { get; init; }
    public string Subtype { get; init; } = "";
    public EventStatus Status { get; init; }
    public string Agency { get; init; } = "";
    public string Sponsor { get; init; } = "";
    public required string Evidence { get; init; }
    public TextSpan EvidenceSpan { get; init; }
}
