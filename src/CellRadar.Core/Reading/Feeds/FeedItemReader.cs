using CellRadar.Core.Errors;
using CellRadar.Core.Model;

namespace CellRadar.Core.Reading.Feeds;

/// <summary>
/// Reads feed files (<c>.rss</c>, <c>.atom</c>, <c>.xml</c>, <c>.rdf</c>; <c>.gz</c> ones through
/// <see cref="ItemSource"/>): each entry is an item carrying its link, date, title and content or summary.
/// An entry with no text (a link only) is an E108 error here; <c>watch</c> fetches such entries' pages instead.
/// </summary>
public sealed class FeedItemReader : IItemReader
{
    public bool CanRead(string fileName) => ItemKey.Extension(fileName) is ".rss" or ".atom" or ".xml" or ".rdf";

    public IEnumerable<ReadResult> Read(string origin, string fileName, ReadOnlyMemory<byte> content) => Read(origin, content, null);

    /// <summary>Reads a feed's items; <paramref name="baseUri"/> (the feed's address) resolves relative links.</summary>
    public static IEnumerable<ReadResult> Read(string origin, ReadOnlyMemory<byte> content, Uri? baseUri)
    {
        foreach (var result in FeedReader.Read(origin, content, baseUri))
        {
            if (result.Error is { } error)
            {
                yield return ReadResult.Fail(error);
                continue;
            }
            var entry = result.Entry!;
            if (TextDecoder.IsBlank(entry.Text))
            {
                yield return ReadResult.Fail(ErrorCode.MissingText, EntrySubject(origin, entry),
                    "the entry has neither content nor a summary" + (entry.Link is null ? "" : $"; its page is {entry.Link}"));
                continue;
            }
            yield return ReadResult.Ok(ToItem(entry, origin, entry.Text));
        }
    }

    /// <summary>The item for an entry, with <paramref name="body"/> as its text.</summary>
    public static NewsItem ToItem(FeedEntry entry, string origin, string body) => new()
    {
        Id = entry.Key,
        Origin = origin,
        Title = entry.Title,
        Body = body,
        Url = entry.Link,
        Published = entry.Published,
        Source = entry.Source,
    };

    public static string EntrySubject(string origin, FeedEntry entry) =>
        entry.Link is { } link ? $"{origin} (entry {entry.Index}, {link})" : $"{origin} (entry {entry.Index})";
}
