using CellRadar.Core.Model;

namespace CellRadar.Storage;

/// <summary>A stored item as pages and the API show it: its cleaned text is what event evidence offsets point into.</summary>
public sealed record StoredItem(
    long Id,
    string Key,
    string Origin,
    string Title,
    string? Url,
    string? Source,
    PartialDate? Published,
    string Text,
    DateTimeOffset IngestedAt);
