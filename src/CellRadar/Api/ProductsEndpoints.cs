using CellRadar.Core.Errors;
using CellRadar.Pages;
using CellRadar.Storage;
using CellRadar.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CellRadar.Api;

/// <summary><c>/api/products</c>: the landscape, one product's record, its status by market and its timeline.</summary>
internal static class ProductsEndpoints
{
    public static void MapProductsApi(this IEndpointRouteBuilder app)
    {
        var products = app.MapGroup("/api/products").WithTags("products");
        products.MapGet("", List)
            .WithName("ListProducts")
            .WithSummary("The landscape: products with their stage in each market, filtered, sorted and paged.")
            .WithDescription("target, modality: as the catalog lists them, any case; indication, sponsor: text the catalog's indications or " +
                "companies contain; jurisdiction: markets (codes or names, comma-separated) to keep; sort: product (default), sponsor, " +
                "markets or a market code; dir: asc or desc; page from 1; pageSize 1 to 500 (default 100). Catalog filters leave out " +
                "products the catalog does not know.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        products.MapGet("/{id}", Get)
            .WithName("GetProduct")
            .WithSummary("A product by canonical name or any alias: its catalog record, holders per market and stage in each market.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        products.MapGet("/{id}/status", Status)
            .WithName("GetProductStatus")
            .WithSummary("A product's stage in each market, with the date, the path there, the holder, sources and conflicts.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        products.MapGet("/{id}/timeline", Timeline)
            .WithName("GetProductTimeline")
            .WithSummary("A product's facts in date order, partial dates as precise as known, undated last, each with its sources.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static Results<Ok<PageOf<ProductSummaryDto>>, ProblemHttpResult> List(IEventStore store,
        string? target, string? indication, string? sponsor, string? modality, string? jurisdiction, string? sort, string? dir, int? page, int? pageSize)
    {
        var query = LandscapeQuery.Parse(target, indication, sponsor, modality, jurisdiction, sort, dir, page, pageSize, out var error);
        if (error is not null) return Bad(error);
        var landscape = query.Run(store);
        var rows = landscape.Rows.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(r => new ProductSummaryDto(r.Product, r.Entry?.Sponsor, r.Entry?.Modality, r.Entry?.Target, r.Entry?.Indications ?? [],
                [.. r.Markets.Select(m => new MarketCellDto(m.Jurisdiction.Code, Core.Reconciliation.MarketStageNames.ToWire(m.Stage), m.Date?.ToString(), m.Unconfirmed))],
                ProductLinksOf.For(r.Product)))
            .ToList();
        var more = landscape.Rows.Count > query.Page * query.PageSize;
        return TypedResults.Ok(new PageOf<ProductSummaryDto>(rows, query.Page, query.PageSize,
            more ? Url.With("/api/products", query.Parameters(page: query.Page + 1)) : null,
            query.Page > 1 ? Url.With("/api/products", query.Parameters(page: query.Page - 1)) : null));
    }

    private static Results<Ok<ProductDto>, ProblemHttpResult> Get(IEventStore store, string id)
    {
        if (ProductRecord.Find(store, id) is not { } p) return NotFound(id);
        var e = p.Entry;
        var markets = Markets(p);
        // Holders as the status table gives them: the catalog's holder in that market, else the sponsors the sources name.
        var holders = markets.Where(m => m.Holder.Length > 0).ToDictionary(m => m.Jurisdiction, m => m.Holder, StringComparer.Ordinal);
        return TypedResults.Ok(new ProductDto(p.Name, e is not null,
            e is null ? [] : [.. e.Brands, .. e.Codes, .. e.ShortNames, .. e.OtherNames],
            e?.Sponsor, e?.Partners ?? [], e?.Modality, e?.Target, e?.Indications ?? [], holders, markets, p.Facts.Count, ProductLinksOf.For(p.Name)));
    }

    private static Results<Ok<ProductStatusDto>, ProblemHttpResult> Status(IEventStore store, string id)
    {
        if (ProductRecord.Find(store, id) is not { } p) return NotFound(id);
        var links = new SourceLinks(store);
        return TypedResults.Ok(new ProductStatusDto(p.Name, Markets(p), [.. p.OtherFacts.Select(f => FactDto.From(f, links))]));
    }

    private static Results<Ok<TimelineDto>, ProblemHttpResult> Timeline(IEventStore store, string id)
    {
        if (ProductRecord.Find(store, id) is not { } p) return NotFound(id);
        var links = new SourceLinks(store);
        return TypedResults.Ok(new TimelineDto(p.Name, [.. p.Facts.Select(f => FactDto.From(f, links))]));
    }

    private static List<MarketStatusDto> Markets(ProductRecord p) => [.. p.Statuses.Select(s => MarketStatusDto.From(s, p.HolderIn(s), p.FactOf(s)))];

    private static ProblemHttpResult NotFound(string id) =>
        (ProblemHttpResult)Problems.Result(ErrorCode.NotFound, StatusCodes.Status404NotFound, $"Neither the store nor the catalog knows a product called '{id}'.");

    private static ProblemHttpResult Bad(CellRadarError error) =>
        (ProblemHttpResult)Problems.Result(error.Code, StatusCodes.Status400BadRequest, $"{error.Subject}: {error.Detail}");
}
