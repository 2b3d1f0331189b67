using CellRadar.Pages;
using CellRadar.Storage;
using CellRadar.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CellRadar.Api;

/// <summary><c>GET /api/search?q=</c>: products (by name, alias, sponsor) and items (by title and text).</summary>
internal static class SearchEndpoints
{
    public const int MaxHits = 50;

    public static void MapSearchApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/search", Search)
            .WithName("Search")
            .WithTags("search")
            .WithSummary("Full-text search: every word must match, as a word or the start of one; operators are plain words.")
            .WithDescription("q: the words; limit: hits of each kind, 1 to 50 (default 20). Products come first, then items, best first.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static Results<Ok<SearchResponse>, ProblemHttpResult> Search(IEventStore store, string? q, int? limit)
    {
        if (limit is < 1 or > MaxHits)
            return (ProblemHttpResult)Problems.Result(Core.Errors.ErrorCode.BadRequest, StatusCodes.Status400BadRequest, $"limit: wants a whole number from 1 to {MaxHits}, not {limit}");
        var hits = string.IsNullOrWhiteSpace(q) ? [] : store.Search(q, limit ?? 20);
        return TypedResults.Ok(new SearchResponse(q ?? "", [.. hits.Select(ToDto)]));
    }

    public static string LinkOf(SearchHit hit) => hit.Kind == SearchHitKind.Item
        ? $"/items/{hit.ItemId}"
        : Url.With("/events", ("product", hit.Product));

    private static SearchHitDto ToDto(SearchHit hit) => new(
        hit.Kind == SearchHitKind.Item ? "item" : "product", hit.Title, hit.Snippet,
        [.. hit.Matches.Select(m => new EvidenceRange(m.Start, m.End))], LinkOf(hit), hit.ItemId, hit.Product, hit.Published?.ToString());
}
