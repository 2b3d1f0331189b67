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
        pages.MapGet("/", (IEventStore store, string? target, string? indication, string? sponsor, string? modality, string? jurisdiction,
            string? sort, string? dir, int? page, int? pageSize) =>
        {
            var query = LandscapeQuery.Parse(target, indication, sponsor, modality, jurisdiction, sort, dir, page, pageSize, out var error);
            return LandscapePage.Render(store, query, error);
        });
        pages.MapGet("/map", (IEventStore store, string? product) => MapPage.Render(store, product));
        pages.MapGet("/products/{id}", (IEventStore store, string id) => ProductPage.Render(store, id));
        pages.MapGet("/events", (IEventStore store, string? product, string? jurisdiction, string? kind, string? since, int? page, int? pageSize) =>
            EventFeedPage.Render(store, product, jurisdiction, kind, since, page, pageSize));
        pages.MapGet("/items/{id:long}", (IEventStore store, long id, long? @event) => ItemPage.Render(store, id, @event));
        pages.MapGet("/search", (IEventStore store, string? q) => SearchPage.Render(store, q));
        pages.MapGet("/ingest", (HttpContext http, IAntiforgery antiforgery, WriteAccessPolicy access) => IngestPage.Form(http, antiforgery, access));
        pages.MapPost("/ingest", (HttpContext http, IAntiforgery antiforgery, WriteAccessPolicy access, ItemIntake intake, IEventStore store) =>
            IngestPage.Post(http, antiforgery, access, intake, store)).DisableAntiforgery();
    }
}
