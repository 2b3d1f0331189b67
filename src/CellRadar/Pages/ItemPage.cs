using System.Globalization;
using CellRadar.Core.Errors;
using CellRadar.Storage;

namespace CellRadar.Pages;

/// <summary>
/// <c>/items/{id}</c>: one stored item, its events, and its text with every event's evidence marked; the event
/// named by <c>?event=</c> is marked apart and the page opens at it (<c>#evidence</c>).
/// </summary>
internal static class ItemPage
{
    public static IResult Render(IEventStore store, long id, long? selectedEvent)
    {
        if (store.Item(id) is not { } item) return ErrorPage.Render(ErrorCode.NotFound, StatusCodes.Status404NotFound, $"No stored item has id {id}.");
        var events = store.QueryEvents(new EventQuery { ItemId = id }).ToList();
        var html = Layout.Begin(item.Title.Length > 0 ? item.Title : item.Key, "");
        html.Open("dl", ("class", "meta"));
        Meta(html, "Published", item.Published?.ToString() ?? "not stated");
        if (item.Source is { Length: > 0 } source) Meta(html, "Source", source);
        html.Element("dt", "Original");
        html.Open("dd");
        if (Html.IsHttpUrl(item.Url)) html.ExternalLink(item.Url, item.Url!);
        else html.Text(item.Url is null ? "no web address" : "not a web address: " + item.Url);
        html.Close("dd");
        Meta(html, "Stored", item.IngestedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture));
        Meta(html, "Item", item.Key);
        html.Close("dl");

        EventTable.Write(html, events.Select(e => new EventTable.Row(e.Event, $"/items/{id}?event={e.Id}#evidence", e.Id == selectedEvent)),
            showItem: false, caption: events.Count == 1 ? "1 event" : $"{events.Count} events");

        html.Open("section", ("aria-labelledby", "text-heading"))
            .Element("h2", "Text", ("id", "text-heading"))
            .Open("div", ("class", "item-text"));
        EvidenceText.Write(html, item.Text, [.. events.Select(e => new EvidenceText.Marked(e.Event.Evidence, e.Id == selectedEvent))]);
        html.Close("div").Close("section");
        return Layout.End(html);
    }

    private static void Meta(Html html, string name, string value) => html.Element("dt", name).Element("dd", value);
}
