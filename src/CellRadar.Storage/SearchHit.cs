using CellRadar.Core.Model;

namespace CellRadar.Storage;

public enum SearchHitKind
{
    Product,
    Item,
}

/// <summary>
/// One search result. <see cref="Snippet"/> is plain text (never markup) cut around the matches;
/// <see cref="Matches"/> are the ranges in it that matched the query, for the caller to highlight.
/// </summary>
public sealed record SearchHit(SearchHitKind Kind, string Title, string Snippet, IReadOnlyList<TextSpan> Matches)
{
    /// <summary>The stored item, for <see cref="SearchHitKind.Item"/> hits.</summary>
    public long? ItemId { get; init; }

    public PartialDate? Published { get; init; }

    /// <summary>The product's name, for <see cref="SearchHitKind.Product"/> hits.</summary>
    public string? Product { get; init; }
}

/// <summary>A product made searchable by its name, the other names it goes by and its sponsor.</summary>
public sealed record SearchProduct(string Name, IReadOnlyList<string> Aliases, string Sponsor);
