using CellRadar.Core.Model;

namespace CellRadar.Storage;

/// <summary>Filters for <see cref="IEventStore.QueryFacts"/>; a null filter does not filter.</summary>
public sealed record FactQuery
{
    /// <summary>Canonical product names, any of which matches, compared case-insensitively.</summary>
    public IReadOnlyList<string>? Products { get; init; }

    public Jurisdiction? Jurisdiction { get; init; }

    public EventKind? Kind { get; init; }
}
