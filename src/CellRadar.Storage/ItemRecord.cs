using CellRadar.Core.Model;
using CellRadar.Core.Pipeline;

namespace CellRadar.Storage;

/// <summary>One processed item as the store keeps it: the item, its cleaned text and the events found in that text.</summary>
public sealed record ItemRecord(
    NewsItem Item,
    string ContentHash,
    string Title,
    string Text,
    PartialDate? Published,
    string PublishedFrom,
    IReadOnlyList<RegulatoryEvent> Events,
    string ExtractorVersion)
{
    /// <summary>The feed entry this item came from, if any: it is marked seen when the item is saved, in the same transaction.</summary>
    public FeedEntryRef? Entry { get; init; }

    /// <summary>The record for a document that has been through the pipeline.</summary>
    public static ItemRecord From(Document document) => new(
        document.Item,
        Core.Model.ContentHash.Of(document.Item),
        document.Title,
        document.Text,
        document.Published,
        document.PublishedFrom,
        [.. document.Events],
        ExtractorInfo.Version);
}
