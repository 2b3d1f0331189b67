using CellRadar.Core.Model;

namespace CellRadar.Storage;

/// <summary>Filters for <see cref="IEventStore.QueryEvents"/>; a null filter does not filter.</summary>
public sealed record EventQuery
{
    /// <summary>Canonical product names, any of which matches, compared case-insensitively (aliases are resolved by the caller).</summary>
    public IReadOnlyList<string>? Products { get; init; }

    public Jurisdiction? Jurisdiction { get; init; }

    public EventKind? Kind { get; init; }

    /// <summary>
    /// Keeps dated events that may lie on or after this date's first day: an event dated "2023" passes
    /// "since 2023-06" because it may be in June or later. Undated events never pass a since filter.
    /// </summary>
    public PartialDate? Since { get; init; }

    /// <summary>Only events of items first stored by this run.</summary>
    public long? RunId { get; init; }

    /// <summary>Only events of this stored item.</summary>
    public long? ItemId { get; init; }

    public EventOrder Order { get; init; } = EventOrder.Date;

    /// <summary>Events skipped before the first one returned, in <see cref="Order"/> (page-wise reading).</summary>
    public int Offset { get; init; }

    public int? Limit { get; init; }
}

public enum EventOrder
{
    /// <summary>Dated events by their first possible day, oldest first; undated ones after them.</summary>
    Date,

    /// <summary>Dated events by their last possible day, newest first; undated ones after them (a feed).</summary>
    NewestFirst,
}
