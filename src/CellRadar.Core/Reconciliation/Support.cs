using CellRadar.Core.Model;

namespace CellRadar.Core.Reconciliation;

/// <summary>
/// One event backing a fact, with what the reconciler needs to know about the item that stated it.
/// Nothing here depends on when or in which order items were stored, except <see cref="FirstSeen"/>
/// (the ingest instant, from the store's clock).
/// </summary>
public sealed record Support
{
    public required RegulatoryEvent Event { get; init; }

    /// <summary>The item's key (file name, JSONL id).</summary>
    public required string ItemKey { get; init; }

    /// <summary>The item's content hash: a stable identity, used to order supports canonically.</summary>
    public required string ItemHash { get; init; }

    public string? ItemUrl { get; init; }

    /// <summary>Who published the item: the URL's host without <c>www.</c>, else the source name in lower case, else empty (unknown).</summary>
    public required string Publisher { get; init; }

    /// <summary>The item's publication date, when known.</summary>
    public PartialDate? Published { get; init; }

    /// <summary>When the store first saw the item.</summary>
    public DateTimeOffset FirstSeen { get; init; }

    public required TrustLevel Trust { get; init; }

    /// <summary>The near-duplicate cluster of the item (the smallest content hash among its near-duplicates); reprints share one.</summary>
    public required string Cluster { get; init; }

    /// <summary>The reliance route the item states for this event (HK "1+"), if any.</summary>
    public RelianceRoute? Reliance { get; init; }

    /// <summary>True when the event's date is the item's publication date: it may be the day the news carried it rather than the day it happened.</summary>
    public bool DatedByPublication => Event.Date is { } d && Published is { } p && d == p;
}
