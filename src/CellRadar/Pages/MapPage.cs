using CellRadar.Core.Catalog;
using CellRadar.Core.Errors;
using CellRadar.Core.Reconciliation;
using CellRadar.Storage;
using CellRadar.Web;

namespace CellRadar.Pages;

/// <summary>
/// <c>/map</c> and <c>/map?product=</c>: which markets approved, are reviewing, designated... one product or all of
/// them, as a tile map with a table that says the same in words below it.
/// </summary>
internal static class MapPage
{
    public static IResult Render(IEventStore store, string? product)
    {
        var all = store.MarketStatuses();
        ProductRecord? record = null;
        if (!string.IsNullOrWhiteSpace(product))
        {
            record = ProductRecord.Find(store, product);
            if (record is null) return ErrorPage.Render(ErrorCode.NotFound, StatusCodes.Status404NotFound, $"Neither the store nor the catalog knows a product called '{product}'.");
        }
        var html = Layout.Begin(record is null ? "World map" : $"World map: {record.Name}", "/map");
        WriteChooser(html, all, record?.Name);
        Stages.WriteLegend(html, abbreviations: true);
        if (record is not null) WriteProduct(html, record);
        else WriteAll(html, all);
        return Layout.End(html);
    }

    private static void WriteProduct(Html html, ProductRecord record)
    {
        var byMarket = record.Statuses.ToDictionary(s => s.Jurisdiction.Code, StringComparer.Ordinal);
        var page = ProductRecord.PagePath(record.Name);
        TileMap.Write(html, $"Where {record.Name} stands, market by market", code =>
            byMarket.TryGetValue(code, out var s)
                ? new TileMap.TileState(s.Stage, page + "#market-" + code, $"{Name(code)}: {s.Stage.ToWire()} {s.Date?.ToString() ?? "undated"}{(s.Unconfirmed ? ", unconfirmed" : "")}")
                : new TileMap.TileState(null, null, $"{Name(code)}: nothing known"));
        html.Element("h2", "In words")
            .Open("div", ("class", "table-wrap")).Open("table", ("class", "plain"))
            .Element("caption", $"{record.Statuses.Count} market(s) for {record.Name}")
            .Open("thead").Open("tr");
        foreach (var h in new[] { "Market", "Stage", "Date", "Agency", "Notes" }) html.Element("th", h, ("scope", "col"));
        html.Close("tr").Close("thead").Open("tbody");
        foreach (var s in record.Statuses)
        {
            html.Open("tr").Open("th", ("scope", "row")).Text($"{Name(s.Jurisdiction.Code)} ({s.Jurisdiction.Code})").Close("th")
                .Open("td");
            Stages.Badge(html, s.Stage);
            html.Close("td")
                .Element("td", s.Date?.ToString() ?? "undated", ("class", "date"))
                .Element("td", s.Agency)
                .Element("td", s.Unconfirmed ? "unconfirmed (one low-trust source)" : "")
                .Close("tr");
        }
        html.Close("tbody").Close("table").Close("div")
            .Open("p").Link(page, $"{record.Name}: status, timeline and sources").Close("p");
    }

    private static void WriteAll(Html html, IReadOnlyList<MarketStatus> all)
    {
        var byMarket = all.GroupBy(s => s.Jurisdiction.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        TileMap.Write(html, "The furthest stage any product reached, market by market", code =>
        {
            if (!byMarket.TryGetValue(code, out var statuses)) return new TileMap.TileState(null, null, $"{Name(code)}: nothing known");
            var top = Stages.Legend.First(stage => statuses.Any(s => s.Stage == stage));
            var counts = string.Join(", ", Stages.Legend.Select(stage => (stage, n: statuses.Count(s => s.Stage == stage)))
                .Where(x => x.n > 0).Select(x => $"{x.n} {x.stage.ToWire()}"));
            return new TileMap.TileState(top, Url.With("/", ("jurisdiction", code)), $"{Name(code)}: {counts}");
        });
        html.Element("h2", "In words")
            .Open("div", ("class", "table-wrap")).Open("table", ("class", "plain"))
            .Element("caption", $"Products per stage in {byMarket.Count} market(s)")
            .Open("thead").Open("tr").Element("th", "Market", ("scope", "col"));
        foreach (var stage in Stages.Legend) html.Element("th", stage.ToWire(), ("scope", "col"));
        html.Close("tr").Close("thead").Open("tbody");
        foreach (var (code, statuses) in byMarket.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            html.Open("tr").Open("th", ("scope", "row")).Link(Url.With("/", ("jurisdiction", code)), $"{Name(code)} ({code})").Close("th");
            foreach (var stage in Stages.Legend)
            {
                html.Open("td");
                var first = true;
                foreach (var s in statuses.Where(s => s.Stage == stage))
                {
                    if (!first) html.Text(", ");
                    html.Link(ProductRecord.PagePath(s.Product), s.Product);
                    first = false;
                }
                html.Close("td");
            }
            html.Close("tr");
        }
        html.Close("tbody").Close("table").Close("div");
    }

    private static void WriteChooser(Html html, IReadOnlyList<MarketStatus> all, string? current)
    {
        html.Open("form", ("method", "get"), ("action", "/map"), ("class", "filters"), ("aria-label", "Choose a product"))
            .Open("div", ("class", "field"))
            .Element("label", "Product", ("for", "product"))
            .Open("select", ("id", "product"), ("name", "product"))
            .Element("option", "all products", ("value", ""));
        foreach (var name in all.Select(s => s.Product).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            html.Element("option", name, ("value", name), ("selected", name == current ? "" : null));
        html.Close("select").Close("div")
            .Open("div", ("class", "actions")).Element("button", "Show", ("type", "submit")).Close("div")
            .Close("form");
    }

    private static string Name(string code) =>
        ReferenceCatalog.Embedded.JurisdictionsByCode.GetValueOrDefault(code)?.Name is { Length: > 0 } name ? name : code;
}
