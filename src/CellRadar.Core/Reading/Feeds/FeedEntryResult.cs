using CellRadar.Core.Errors;

namespace CellRadar.Core.Reading.Feeds;

/// <summary>What reading one feed entry gave: the entry, or the error for that entry (or for the rest of the feed).</summary>
public readonly record struct FeedEntryResult(FeedEntry? Entry, CellRadarError? Error)
{
    public static FeedEntryResult Ok(FeedEntry entry) => new(entry, null);

    public static FeedEntryResult Fail(CellRadarError error) => new(null, error);
}
