using System.Globalization;
using CellRadar.Core.Catalog;
using CellRadar.Core.Reconciliation;
using CellRadar.Storage;
using CellRadar.Web;

namespace CellRadar.Pages;

/// <summary>
/// <c>/</c>: products by markets, each cell the product's current stage there (coloured, named, dated as precisely as
/// known), filtered by the catalog's target, indication, sponsor and modality and by market; columns sort by link.
/// </summary>
internal static class LandscapePage
{
    public static IResult Render(IEventStore store, LandscapeQuery query, Core.Errors.CellRadarError? error)
    {
        var html = Layout.Begin("Landscape", "/");
        html.Element("p", "Where each product stands in each market, from the facts reconciled from every stored item. " +
            "Dates are as precise as the sources allow: a year or a month is shown as such.", ("class", "lead"));
        WriteFilters(html, query);
        if (error is not null)
        {
            html.Element("p", $"{error.Subject}: {error.Detail}", ("class", "error"), ("role", "alert"));
            return Layout.End(html, StatusCodes.Status400BadRequest);
        }
        var landscape = query.Run(store);
        var rows = landscape.Rows.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToList();
        Stages.WriteLegend(html, abbreviations: false);
        html.Open("div", ("class", "table-wrap"))
            .Open("table", ("class", "landscape"))
            .Element("caption", $"{landscape.Rows.Count} product(s) in {landscape.Columns.Count} market(s); * unconfirmed (one low-trust source)")
            .Open("thead").Open("tr");
        Header(html, query, LandscapeQuery.ByProduct, "Product", "product");
        Header(html, query, LandscapeQuery.BySponsor, "Sponsor", "sponsor");
        foreach (var market in landscape.Columns) Header(html, query, market, market, "market", Market(market));
        html.Close("tr").Close("thead").Open("tbody");
        foreach (var row in rows)
        {
            var page = ProductRecord.PagePath(row.Product);
            html.Open("tr")
                .Open("th", ("scope", "row"), ("class", "product")).Link(page, row.Product).Close("th")
                .Element("td", row.Entry?.Sponsor ?? "", ("class", "sponsor"));
            foreach (var market in landscape.Columns)
            {
                if (row.In(market) is not { } status)
                {
                    html.Element("td", "", ("class", "empty"));
                    continue;
                }
                html.Open("td", ("class", "cell"), ("data-market", market));
                html.Open("a", ("href", page + "#market-" + market), ("class", "cell-link"),
                    ("aria-label", $"{row.Product} in {Market(market)}: {status.Stage.ToWire()} {FactDate(status)}{(status.Unconfirmed ? ", unconfirmed" : "")}"));
                Stages.Badge(html, status.Stage);
                html.Open("span", ("class", status.Date is null ? "date undated" : "date")).Text(FactDate(status));
                if (status.Unconfirmed) html.Element("span", "*", ("class", "flag"), ("title", "unconfirmed: one low-trust source"));
                html.Close("span");
                html.Close("a").Close("td");
            }
            html.Close("tr");
        }
        if (rows.Count == 0)
            html.Open("tr").Element("td", "No product matches these filters.", ("colspan", (landscape.Columns.Count + 2).ToString(CultureInfo.InvariantCulture))).Close("tr");
        html.Close("tbody").Close("table").Close("div");
        html.Open("nav", ("class", "pager"), ("aria-label", "Pages"));
        if (query.Page > 1) html.Link(Url.With("/", query.Parameters(page: query.Page - 1)), "← Previous", ("rel", "prev"));
        if (landscape.Rows.Count > query.Page * query.PageSize) html.Link(Url.With("/", query.Parameters(page: query.Page + 1)), "Next →", ("rel", "next"));
        html.Close("nav");
        return Layout.End(html);
    }

    private static string FactDate(MarketStatus s) => s.Date?.ToString() ?? "undated";

    private static string Market(string code) =>
        ReferenceCatalog.Embedded.JurisdictionsByCode.GetValueOrDefault(code)?.Name is { Length: > 0 } name ? name : code;

    /// <summary>A column header whose link sorts by it; the current sort is announced (aria-sort) and its link reverses it.</summary>
    private static void Header(Html html, LandscapeQuery query, string sort, string label, string cssClass, string? title = null)
    {
        var current = query.Sort == sort;
        // Markets first sort most advanced first; names first sort A to Z.
        var descending = current ? !query.Descending : sort is not (LandscapeQuery.ByProduct or LandscapeQuery.BySponsor);
        html.Open("th", ("scope", "col"), ("class", cssClass),
            ("aria-sort", current ? (query.Descending ? "descending" : "ascending") : null));
        html.Link(Url.With("/", query.Parameters(page: 1, sort: sort, descending: descending)), label,
            ("title", $"Sort by {title ?? label}{(descending ? ", descending" : "")}"));
        if (current) html.Element("span", query.Descending ? " ▼" : " ▲", ("aria-hidden", "true"));
        html.Close("th");
    }

    private static void WriteFilters(Html html, LandscapeQuery query)
    {
        var products = ReferenceCatalog.Embedded.Products;
        html.Open("form", ("method", "get"), ("action", "/"), ("class", "filters"), ("role", "search"), ("aria-label", "Filter the landscape"));
        Select(html, "target", "Target", query.Target, products.SelectMany(p => p.Target.Split('/', '+', ',')).Select(t => t.Trim()));
        Field(html, "indication", "Indication", query.Indication, "myeloma, lymphoma…");
        Field(html, "sponsor", "Sponsor", query.Sponsor, "company");
        Select(html, "modality", "Modality", query.Modality, products.Select(p => p.Modality));
        Field(html, "jurisdiction", "Markets", query.Jurisdiction, "US, EU, CN…");
        // The order chosen by a column link survives filtering.
        if (query.Sort != LandscapeQuery.ByProduct) html.Open("input", ("type", "hidden"), ("name", "sort"), ("value", query.Sort));
        if (query.Descending) html.Open("input", ("type", "hidden"), ("name", "dir"), ("value", "desc"));
        html.Open("div", ("class", "actions"))
            .Element("button", "Filter", ("type", "submit"))
            .Link("/", "Clear")
            .Close("div")
            .Close("form");
    }

    private static void Select(Html html, string name, string label, string? value, IEnumerable<string> options)
    {
        html.Open("div", ("class", "field"))
            .Element("label", label, ("for", name))
            .Open("select", ("id", name), ("name", name))
            .Element("option", "any", ("value", ""));
        var known = options.Where(o => o.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
        // A value typed into the URL that the catalog does not list stays selected, so the page says what it filters by.
        if (value is not null && !known.Contains(value, StringComparer.OrdinalIgnoreCase)) known.Insert(0, value);
        foreach (var option in known)
            html.Element("option", option, ("value", option), ("selected", string.Equals(option, value, StringComparison.OrdinalIgnoreCase) ? "" : null));
        html.Close("select").Close("div");
    }

    private static void Field(Html html, string name, string label, string? value, string placeholder) =>
        html.Open("div", ("class", "field"))
            .Element("label", label, ("for", name))
            .Open("input", ("id", name), ("name", name), ("type", "text"), ("value", value ?? ""), ("placeholder", placeholder))
            .Close("div");
}
