namespace CellRadar.Core.Model;

/// <summary>
/// One news item as a reader produced it, before cleaning. <see cref="Body"/> is the raw article text
/// (for HTML, the text the main-content extractor kept).
/// </summary>
public sealed record NewsItem
{
    /// <summary>The item's key: file name without extensions, a JSONL line's <c>id</c>, or <c>FILE#LINE</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Where it came from: a file path, <c>-</c> for standard input, or a URL.</summary>
    public required string Origin { get; init; }

    public string? Title { get; init; }

    public required string Body { get; init; }

    public string? Url { get; init; }

    /// <summary>Publication date stated by metadata (header, JSON field); null when the item states none.</summary>
    public PartialDate? Published { get; init; }

    /// <summary>Publisher or site name, when known.</summary>
    public string? Source { get; init; }
}
