using CellRadar.Core.Errors;
using CellRadar.Core.Model;
using CellRadar.Storage;

namespace CellRadar.Api;

// The API's JSON shapes (snake_case on the wire). Events carry the fields of EVENTS.md, the evidence as offsets
// into the item's stored text plus the sentence itself, and links to the item.

/// <summary>One page of a list; <c>next</c> and <c>previous</c> are the URLs of the neighbouring pages, when there are any.</summary>
public sealed record PageOf<T>(IReadOnlyList<T> Items, int Page, int PageSize, string? Next, string? Previous);

public sealed record EvidenceDto(int Start, int End, string Text);

/// <summary>The API's and pages' links to an item: its JSON and its page (with the event's evidence marked).</summary>
public sealed record ItemLinks(string Item, string Page);

/// <summary>An event; <c>id</c>, <c>item_id</c> and <c>links</c> are null for events shown before saving.</summary>
public sealed record EventDto(
    long? Id, long? ItemId, string Item, string? ItemUrl,
    string Product, string Kind, string Subtype, string Jurisdiction, string Agency, string? Date, string Status,
    string Sponsor, string Indication, EvidenceDto Evidence, double Confidence, string ExtractorVersion, ItemLinks? Links)
{
    public static EventDto From(StoredEvent stored) => Of(stored.Event, stored.Id, stored.ItemId, stored.ItemKey, stored.ItemUrl,
        new ItemLinks($"/api/items/{stored.ItemId}", $"/items/{stored.ItemId}?event={stored.Id}#evidence"));

    public static EventDto Unsaved(RegulatoryEvent e, string itemKey, string? itemUrl) => Of(e, null, null, itemKey, itemUrl, null);

    private static EventDto Of(RegulatoryEvent e, long? id, long? itemId, string itemKey, string? itemUrl, ItemLinks? links) => new(
        id, itemId, itemKey, itemUrl, e.Product, e.Kind.ToWire(), e.Subtype, e.Jurisdiction.Code ?? "", e.Agency,
        e.Date?.ToString(), e.Status.ToWire(), e.Sponsor, e.Indication,
        new EvidenceDto(e.Evidence.Start, e.Evidence.End, e.EvidenceText), Math.Round(e.Confidence, 3), e.ExtractorVersion, links);
}

/// <summary>A stored item with its cleaned text (evidence offsets point into it) and its events.</summary>
public sealed record ItemDto(
    long Id, string Key, string Title, string? Url, string? Source, string? Published, DateTimeOffset IngestedAt,
    string Text, IReadOnlyList<EventDto> Events, string Page);

/// <summary>An item read from a POST: stored (<c>outcome</c> inserted or duplicate, with its id) or only previewed.</summary>
public sealed record PostedItemDto(
    long? Id, string? Outcome, string Key, string Title, string? Url, string? Published, string Text,
    IReadOnlyList<EventDto> Events, ItemLinks? Links);

public sealed record ErrorDto(string Code, string Title, string Subject, string Detail)
{
    public static ErrorDto From(CellRadarError e) => new(e.Id, e.Title, e.Subject, e.Detail);
}

/// <summary>The answer to <c>POST /api/items</c>: what was read (and stored, unless previewing), and what could not be read.</summary>
public sealed record PostItemsResponse(bool Preview, IReadOnlyList<PostedItemDto> Items, IReadOnlyList<ErrorDto> Errors);

/// <summary>A search hit. <c>matches</c> are [start, end) ranges in <c>snippet</c> (plain text) that matched the query.</summary>
public sealed record SearchHitDto(string Kind, string Title, string Snippet, IReadOnlyList<EvidenceRange> Matches, string Link, long? ItemId, string? Product, string? Published);

public sealed record EvidenceRange(int Start, int End);

public sealed record SearchResponse(string Query, IReadOnlyList<SearchHitDto> Hits);
