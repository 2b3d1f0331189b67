using CellRadar.Core.Model;
using CellRadar.Storage;
using CellRadar.Web;

namespace CellRadar.Pages;

/// <summary><c>/events</c>: stored events, newest first, filtered by product, jurisdiction, kind and date; each links to its evidence.</summary>
internal static class EventFeedPage
{
    public static IResult Render(IEventStore store, string? product, string? jurisdiction, string? kind, string? since, int? page, int? pageSize)
    {
        var filter = EventFilter.Parse(product, jurisdiction, kind, since, page, pageSize, out var error);
        var html = Layout.Begin("Events", "/events");
        WriteFilters(html, filter);
        if (error is not null)
        {
            html.Element("p", $"{error.Subject}: {error.Detail}", ("class", "error"), ("role", "alert"));
            return Layout.End(html, StatusCodes.Status400BadRequest);
        }
        var events = store.QueryEvents(filter.Query!).ToList();
        var more = events.Count > filter.PageSize;
        if (more) events.RemoveAt(events.Count - 1);
        var titles = new Dictionary<long, string>();
        EventTable.Write(html, events.Select(e => new EventTable.Row(
            e.Event, $"/items/{e.ItemId}?event={e.Id}#evidence", false,
            ItemTitle(store, e.ItemId, e.ItemKey, titles), $"/items/{e.ItemId}")), showItem: true,
            caption: filter.Page == 1 ? "Newest first" : $"Newest first, page {filter.Page}");
        html.Open("nav", ("class", "pager"), ("aria-label", "Pages"));
        if (filter.Page > 1) html.Link(Url.With("/events", filter.Parameters(filter.Page - 1)), "← Newer", ("rel", "prev"));
        if (more) html.Link(Url.With("/events", filter.Parameters(filter.Page + 1)), "Older →", ("rel", "next"));
        html.Close("nav");
        return Layout.End(html);
    }

    private static string ItemTitle(IEventStore store, long itemId, string key, Dictionary<long, string> cache)
    {
        if (cache.TryGetValue(itemId, out var title)) return title;
        title = store.Item(itemId)?.Title is { Length: > 0 } t ? t : key;
        cache[itemId] = title;
        return title;
    }

    private static void WriteFilters(Html html, EventFilter filter)
    {
        html.Open("form", ("method", "get"), ("action", "/events"), ("class", "filters"), ("role", "search"), ("aria-label", "Filter events"));
        Field(html, "product", "Product", filter.Product, "name or alias");
        Field(html, "jurisdiction", "Jurisdiction", filter.Jurisdiction, "US, EU, Japan…");
        html.Open("div", ("class", "field"))
            .Element("label", "Kind", ("for", "kind"))
            .Open("select", ("id", "kind"), ("name", "kind"))
            .Element("option", "any kind", ("value", ""));
        foreach (var k in EventKindNames.All)
        {
            var wire = k.ToWire();
            html.Element("option", wire.Replace('_', ' '), ("value", wire), ("selected", string.Equals(filter.Kind, wire, StringComparison.OrdinalIgnoreCase) ? "" : null));
        }
        html.Close("select").Close("div");
        Field(html, "since", "Since", filter.Since, "YYYY[-MM[-DD]]");
        html.Open("div", ("class", "actions"))
            .Element("button", "Filter", ("type", "submit"))
            .Link("/events", "Clear")
            .Close("div")
            .Close("form");
    }

    private static void Field(Html html, string name, string label, string? value, string placeholder) =>
        html.Open("div", ("class", "field"))
            .Element("label", label, ("for", name))
            .Open("input", ("id", name), ("name", name), ("type", "text"), ("value", value ?? ""), ("placeholder", placeholder))
            .Close("div");
}
