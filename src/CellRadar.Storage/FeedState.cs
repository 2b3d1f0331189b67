using CellRadar.Core.Fetching;

namespace CellRadar.Storage;

/// <summary>What the store remembers of a watched feed: the validators for conditional GET and the last poll.</summary>
public sealed record FeedState(string Url, HttpValidators Validators, DateTimeOffset? LastPolled, string LastStatus);

/// <summary>The feed entry an item was made from; saving the item marks the entry seen in the same transaction.</summary>
public sealed record FeedEntryRef(string FeedUrl, string EntryKey, string? Link);
