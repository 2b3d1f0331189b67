using CellRadar.Core.Model;

namespace CellRadar.Pages;

/// <summary>The table of events the feed, item and ingest preview pages share.</summary>
internal static class EventTable
{
    /// <summary>One row: the event, where its evidence link goes (null: no link), and whether it is the one being shown.</summary>
    public readonly record struct Row(RegulatoryEvent Event, string? EvidenceLink, bool Current, string? ItemTitle = null, string? ItemLink = null);

    public static void Write(Html html, IEnumerable<Row> rows, bool showItem, string caption)
    {
        html.Open("div", ("class", "table-wrap"))
            .Open("table", ("class", "events"))
            .Element("caption", caption)
            .Open("thead").Open("tr");
        string[] headers = showItem
            ? ["Date", "Product", "Event", "Where", "Agency", "Status", "Evidence", "Item"]
            : ["Date", "Product", "Event", "Where", "Agency", "Status", "Evidence"];
        foreach (var h in headers) html.Element("th", h, ("scope", "col"));
        html.Close("tr").Close("thead").Open("tbody");
        var any = false;
        foreach (var row in rows)
        {
            any = true;
            var e = row.Event;
            html.Open("tr", ("class", row.Current ? "current" : null), ("aria-current", row.Current ? "true" : null))
                .Element("td", e.Date?.ToString() ?? "undated", ("class", e.Date is null ? "date undated" : "date"))
                .Element("td", e.Product, ("class", "product"))
                .Open("td").Element("span", e.Kind.ToWire().Replace('_', ' '), ("class", "kind kind-" + e.Kind.ToWire()));
            if (e.Subtype.Length > 0) html.Text(" ").Element("span", e.Subtype, ("class", "subtype"));
            html.Close("td")
                .Element("td", e.Jurisdiction.Code ?? "")
                .Element("td", e.Agency)
                .Element("td", e.Status.ToWire(), ("class", "status status-" + e.Status.ToWire()))
                .Open("td", ("class", "evidence"));
            var sentence = Shorten(e.EvidenceText, 220);
            if (row.EvidenceLink is { } link) html.Link(link, sentence, ("class", "evidence-link"));
            else html.Text(sentence);
            html.Close("td");
            if (showItem)
            {
                html.Open("td", ("class", "item"));
                if (row.ItemLink is { } itemLink) html.Link(itemLink, Shorten(row.ItemTitle ?? "item", 80));
                html.Close("td");
            }
            html.Close("tr");
        }
        if (!any) html.Open("tr").Element("td", "No events.", ("colspan", headers.Length.ToString(System.Globalization.CultureInfo.InvariantCulture))).Close("tr");
        html.Close("tbody").Close("table").Close("div");
    }

    public static string Shorten(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1).TrimEnd(), "…");
}
