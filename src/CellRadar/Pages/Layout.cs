using CellRadar.Web;

namespace CellRadar.Pages;

/// <summary>The frame every page shares: head with the one stylesheet, a skip link, the main navigation, a footer.</summary>
internal static class Layout
{
    private static readonly (string Path, string Label)[] Navigation =
    [
        ("/", "Landscape"),
        ("/map", "Map"),
        ("/events", "Events"),
        ("/search", "Search"),
        ("/ingest", "Ingest"),
    ];

    /// <summary>Starts a page; <paramref name="section"/> is the navigation entry shown as current.</summary>
    public static Html Begin(string title, string section)
    {
        var html = new Html().Doctype()
            .Open("html", ("lang", "en"))
            .Open("head")
            .Open("meta", ("charset", "utf-8"))
            .Open("meta", ("name", "viewport"), ("content", "width=device-width, initial-scale=1"))
            .Element("title", title + " · CellRadar")
            .Open("link", ("rel", "stylesheet"), ("href", StaticAssets.StylesheetPath))
            .Close("head")
            .Open("body")
            .Link("#main", "Skip to content", ("class", "skip"))
            .Open("header", ("class", "site"))
            .Link("/", "CellRadar", ("class", "brand"))
            .Open("nav", ("aria-label", "Main"))
            .Open("ul");
        foreach (var (path, label) in Navigation)
        {
            html.Open("li").Link(path, label, ("aria-current", path == section ? "page" : null)).Close("li");
        }
        return html.Close("ul").Close("nav").Close("header")
            .Open("main", ("id", "main"), ("tabindex", "-1"))
            .Element("h1", title);
    }

    public static IResult End(Html html, int status = StatusCodes.Status200OK)
    {
        html.Close("main")
            .Open("footer", ("class", "site"))
            .Text("Regulatory events in cell and gene therapy news. ")
            .Link("/openapi/v1.json", "API (OpenAPI)")
            .Close("footer")
            .Close("body")
            .Close("html");
        return Results.Content(html.ToString(), "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);
    }
}
