using CellRadar.Core.Model;

namespace CellRadar.Core.Reading.Feeds;

/// <summary>
/// One entry of an RSS or Atom feed as the feed states it. <see cref="Key"/> identifies the entry within its
/// feed across polls (its guid or id, else a hash of its link); <see cref="Text"/> is the content or summary
/// as plain text, empty when the feed gives only a link.
/// </summary>
public sealed record FeedEntry
{
    public required string Key { get; init; }

    /// <summary>Position in the feed, from 1; used in error subjects.</summary>
    public required int Index { get; init; }

    /// <summary>The entry's own page, absolute http(s) only.</summary>
    public string? Link { get; init; }

    public string? Title { get; init; }

    public PartialDate? Published { get; init; }

    public required string Text { get; init; }

    /// <summary>The feed's own title, as the entry's source.</summary>
    public string? Source { get; init; }
}
