namespace CellRadar.Watching;

/// <summary>What one poll did.</summary>
internal sealed class PollReport
{
    public int Feeds { get; init; }
    public int NotModified { get; set; }
    public int AlreadySeen { get; set; }
    public int PagesFetched { get; set; }
    public int Inserted { get; set; }
    public int Duplicates { get; set; }
    public int Events { get; set; }
    public int Failed { get; set; }

    public override string ToString() =>
        $"{FeedWatcher.Plural(Feeds, "feed")} ({NotModified} not modified): {FeedWatcher.Plural(Inserted, "new item")} " +
        $"({FeedWatcher.Plural(Events, "event")}), {Duplicates} already stored, {AlreadySeen} seen before, {Failed} failed";
}
