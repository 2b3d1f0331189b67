using System.Globalization;
using CellRadar.Core.Errors;
using CellRadar.Core.Model;
using CellRadar.Core.Reconciliation;
using CellRadar.Output;
using CellRadar.Storage;
using CellRadar.Web;

namespace CellRadar.Pages;

/// <summary>
/// <c>/products/{id}</c>: one product's status in each market, its facts on a timeline drawn to scale, and every fact
/// with its sources (the item, the publisher and its trust, the evidence sentence, a link to the item with the
/// sentence marked). Conflicting sources are flagged in words and drawn apart.
/// </summary>
internal static class ProductPage
{
    public static IResult Render(IEventStore store, string id)
    {
        if (ProductRecord.Find(store, id) is not { } record)
            return ErrorPage.Render(ErrorCode.NotFound, StatusCodes.Status404NotFound, $"Neither the store nor the catalog knows a product called '{id}'.");
        var anchors = new Dictionary<FactKey, string>();
        for (var i = 0; i < record.Facts.Count; i++) anchors[record.Facts[i].Key] = "fact-" + (i + 1).ToString(CultureInfo.InvariantCulture);

        var html = Layout.Begin(record.Name, "");
        WriteAbout(html, record);
        html.Open("p", ("class", "see-also")).Link(Url.With("/map", ("product", record.Name)), "Map of its markets")
            .Text(" · ").Link(Url.With("/events", ("product", record.Name)), "Its events, newest first")
            .Text(" · ").Link("/api/products/" + Uri.EscapeDataString(record.Name), "As JSON").Close("p");

        html.Element("h2", "Status by market", ("id", "status"));
        WriteStatus(html, record, anchors);

        html.Element("h2", "Timeline", ("id", "timeline"));
        TimelineChart.Write(html, record.Name, [.. record.Facts.Select(f => new TimelineChart.Mark(f, anchors[f.Key]))]);
        var undated = record.Facts.Where(f => f.Date is null).ToList();
        if (undated.Count > 0)
        {
            html.Open("p", ("class", "undated-facts")).Text("Undated, so not drawn: ");
            for (var i = 0; i < undated.Count; i++)
            {
                if (i > 0) html.Text(", ");
                html.Link("#" + anchors[undated[i].Key], $"{undated[i].Key.Jurisdiction.Code} {FactText.What(undated[i])}");
            }
            html.Close("p");
        }

        html.Element("h2", $"Facts and their sources ({record.Facts.Count})", ("id", "facts"));
        var links = new SourceLinks(store);
        foreach (var f in record.Facts) WriteFact(html, f, anchors[f.Key], links);
        return Layout.End(html);
    }

    private static void WriteAbout(Html html, ProductRecord record)
    {
        if (record.Entry is not { } e)
        {
            html.Element("p", "Not in the catalog: known only from the news stored.", ("class", "lead"));
            return;
        }
        html.Open("dl", ("class", "meta"));
        void Row(string name, string value)
        {
            if (value.Length > 0) html.Element("dt", name).Element("dd", value);
        }
        Row("Also called", string.Join(", ", e.Brands.Concat(e.Codes).Concat(e.ShortNames)));
        Row("Sponsor", e.Sponsor + (e.Partners.Count > 0 ? " (with " + string.Join(", ", e.Partners) + ")" : ""));
        Row("Modality", e.Modality);
        Row("Target", e.Target);
        Row("Indications", string.Join("; ", e.Indications));
        html.Close("dl");
    }

    private static void WriteStatus(Html html, ProductRecord record, Dictionary<FactKey, string> anchors)
    {
        html.Open("div", ("class", "table-wrap")).Open("table", ("class", "plain status"))
            .Element("caption", record.Statuses.Count == 0 ? "No market status yet." : "The current stage in each market, the path to it and the fact that set it.")
            .Open("thead").Open("tr");
        foreach (var h in new[] { "Market", "Stage", "Date", "Path", "Holder", "Agency", "Notes" }) html.Element("th", h, ("scope", "col"));
        html.Close("tr").Close("thead").Open("tbody");
        foreach (var s in record.Statuses)
        {
            var fact = record.FactOf(s);
            var conflict = fact is { Conflicts.Count: > 0 };
            html.Open("tr", ("id", "market-" + s.Jurisdiction.Code), ("class", conflict ? "conflict" : null))
                .Element("th", s.Jurisdiction.Code, ("scope", "row"))
                .Open("td");
            Stages.Badge(html, s.Stage);
            html.Close("td")
                .Element("td", FactText.Date(s.Date), ("class", s.Date is null ? "date undated" : "date"))
                .Element("td", FactText.Path(s).Replace(" -> ", " → "))
                .Element("td", record.HolderIn(s))
                .Element("td", s.Agency)
                .Open("td");
            if (conflict) html.Element("strong", "⚠ ", ("class", "conflict-label"), ("aria-hidden", "true"));
            html.Text(fact is null ? "" : FactText.Notes(fact));
            if (fact is not null && anchors.TryGetValue(fact.Key, out var anchor)) html.Text(" ").Link("#" + anchor, "sources");
            html.Close("td").Close("tr");
        }
        html.Close("tbody").Close("table").Close("div");
        var other = record.OtherFacts.ToList();
        if (other.Count > 0)
        {
            html.Open("p").Text("Facts that set no stage: ");
            for (var i = 0; i < other.Count; i++)
            {
                if (i > 0) html.Text(", ");
                html.Link("#" + anchors[other[i].Key], $"{other[i].Key.Jurisdiction.Code} {FactText.What(other[i])} {FactText.Date(other[i].Date)}");
            }
            html.Close("p");
        }
    }

    private static void WriteFact(Html html, Fact f, string anchor, SourceLinks links)
    {
        var conflict = f.Conflicts.Count > 0;
        html.Open("section", ("id", anchor), ("class", conflict ? "fact conflict" : "fact"), ("tabindex", "-1"), ("aria-labelledby", anchor + "-title"))
            .Open("h3", ("id", anchor + "-title"))
            .Element("span", FactText.Date(f.Date), ("class", "date"))
            .Text($" {f.Key.Jurisdiction.Code} ")
            .Element("span", FactText.What(f), ("class", "kind kind-" + f.Key.Kind.ToWire()));
        if (conflict) html.Text(" ").Element("strong", "⚠ conflict", ("class", "conflict-label"));
        html.Close("h3");
        html.Open("dl", ("class", "meta"));
        void Row(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value)) html.Element("dt", name).Element("dd", value);
        }
        Row("Status", f.Status.ToWire());
        Row("Decided", f.DecisionDate?.ToString());
        Row("Announced", f.AnnouncedDate?.ToString());
        Row("First reported", f.FirstReported?.ToString());
        Row("Agency", f.Agency);
        Row("Sponsor named", string.Join(" / ", f.Sponsors.Select(s => s.Value)));
        Row("Sources", $"{f.Supports.Select(s => s.ItemKey).Distinct().Count()} item(s), {f.IndependentSources} independent; confidence {f.Confidence.ToString("0.00", CultureInfo.InvariantCulture)}");
        if (f.Unconfirmed) Row("Unconfirmed", "seen once, on a source below the trust file's confirmation rank");
        if (f.Reliance is { } r) Row("Reliance", r.ToString());
        html.Close("dl");
        if (conflict)
        {
            html.Open("div", ("class", "conflicts"), ("role", "note")).Element("strong", "Sources disagree:").Open("ul");
            foreach (var c in f.Conflicts)
            {
                html.Open("li").Text(c.Field + ": ");
                for (var i = 0; i < c.Values.Count; i++)
                {
                    if (i > 0) html.Text(" vs ");
                    html.Element("q", c.Values[i].Value).Text($" ({string.Join(", ", c.Values[i].Items)})");
                }
                html.Close("li");
            }
            html.Close("ul").Close("div");
        }
        html.Open("ol", ("class", "sources"));
        foreach (var s in f.Supports)
        {
            html.Open("li", ("class", s.DateRole == DateRole.Conflicting ? "source conflicting" : "source"));
            var page = links.PageOf(f.Key, s);
            html.Open("p", ("class", "source-head"));
            if (page is not null) html.Link(page, s.ItemKey, ("class", "source-item"));
            else html.Text(s.ItemKey + " (no longer stored)");
            html.Text($" · {(s.Publisher.Length > 0 ? s.Publisher : "unknown publisher")} ({s.Trust})");
            if (s.Date is { } d) html.Text($" · says {d}{Role(s.DateRole)}");
            if (s.Subtype.Length > 0) html.Text($" · {s.Subtype}");
            if (Html.IsHttpUrl(s.Url)) html.Text(" · ").ExternalLink(s.Url, "original");
            html.Close("p")
                .Element("blockquote", s.Evidence, ("class", "evidence"))
                .Close("li");
        }
        html.Close("ol").Close("section");
    }

    private static string Role(DateRole role) => role switch
    {
        DateRole.Announcement => " (the announcement date)",
        DateRole.Conflicting => " (disagrees with the others)",
        _ => "",
    };
}
