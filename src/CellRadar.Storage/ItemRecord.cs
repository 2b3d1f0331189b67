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

    /// <summary>
    /// The near-duplicate signature of <see cref="Text"/>, made by <see cref="From"/> so ingest computes it on its
    /// worker threads rather than inside the store's write transaction. Null: the store computes it (a record
    /// copied with another text must not keep it).
    /// </summary>
    public ulong[]? PrecomputedSignature { get; init; }

    /// <summary>The record for a document that has been through the pipeline.</summary>
    public static ItemRecord From(Document document)
    {
        return new ItemRecord(
            document.Item,
            Core.Model.ContentHash.Of(document.Item),
            document.Title,
            document.Text,
            document.Published,
            document.PublishedFrom,
            [.. document.Events],
            ExtractorInfo.Version)
        {
            PrecomputedSignature = Core.Reconciliation.NearDuplicates.Signature(document.Text),
        };
    }
}
