using CellRadar.Storage;
using CellRadar.Web;
using Microsoft.AspNetCore.Antiforgery;

namespace CellRadar.Pages;

/// <summary>The server-rendered pages; none is part of the API description.</summary>
internal static class PageEndpoints
{
    public static void MapPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("").ExcludeFromDescription();
        // The landscape will be the start page; until it exists the event feed is.
        pages.MapGet("/", () => Results.Redirect("/events"));
        pages.MapGet("/events", (IEventStore store, string? product, string? jurisdiction, string? kind, string? since, int? page, int? pageSize) =>
            EventFeedPage.Render(store, product, jurisdiction, kind, since, page, pageSize));
        pages.MapGet("/items/{id:long}", (IEventStore store, long id, long? @event) => ItemPage.Render(store, id, @event));
        pages.MapGet("/search", (IEventStore store, string? q) => SearchPage.Render(store, q));
        pages.MapGet("/ingest", (HttpContext http, IAntiforgery antiforgery, WriteAccessPolicy access) => IngestPage.Form(http, antiforgery, access));
        pages.MapPost("/ingest", (HttpContext http, IAntiforgery antiforgery, WriteAccessPolicy access, ItemIntake intake, IEventStore store) =>
            IngestPage.Post(http, antiforgery, access, intake, store)).DisableAntiforgery();
    }
}
