using CellRadar.Api;
using CellRadar.Storage;

namespace CellRadar.Pages;

/// <summary><c>/search?q=</c>: products by name, alias or sponsor, and items by title and text, with the matches marked.</summary>
internal static class SearchPage
{
    public static IResult Render(IEventStore store, string? q)
    {
        var html = Layout.Begin("Search", "/search");
        html.Open("form", ("method", "get"), ("action", "/search"), ("role", "search"), ("class", "search"))
            .Element("label", "Words to find", ("for", "q"))
            .Open("input", ("id", "q"), ("name", "q"), ("type", "search"), ("value", q ?? ""), ("placeholder", "product, sponsor, words of an article"))
            .Element("button", "Search", ("type", "submit"))
            .Close("form");
        if (string.IsNullOrWhiteSpace(q)) return Layout.End(html);

        var hits = store.Search(q, 20);
        var products = hits.Where(h => h.Kind == SearchHitKind.Product).ToList();
        var items = hits.Where(h => h.Kind == SearchHitKind.Item).ToList();
        html.Element("p", hits.Count == 0 ? "Nothing found." : $"{products.Count} products, {items.Count} items.", ("role", "status"));
        Section(html, "Products", products);
        Section(html, "Items", items);
        return Layout.End(html);
    }

    private static void Section(Html html, string heading, List<SearchHit> hits)
    {
        if (hits.Count == 0) return;
        html.Element("h2", heading).Open("ol", ("class", "hits"));
        foreach (var hit in hits)
        {
            html.Open("li").Link(SearchEndpoints.LinkOf(hit), hit.Title.Length > 0 ? hit.Title : "untitled", ("class", "hit-title"));
            if (hit.Published is { } published) html.Text(" ").Element("span", published.ToString(), ("class", "date"));
            html.Open("p", ("class", "snippet"));
            var at = 0;
            foreach (var m in hit.Matches)
            {
                if (m.Start < at || m.End > hit.Snippet.Length) continue;
                html.Text(hit.Snippet, at, m.Start - at).Open("mark").Text(hit.Snippet, m.Start, m.Length).Close("mark");
                at = m.End;
            }
            html.Text(hit.Snippet, at, hit.Snippet.Length - at).Close("p").Close("li");
        }
        html.Close("ol");
    }
}
