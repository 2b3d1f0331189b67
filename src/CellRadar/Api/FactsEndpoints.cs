using CellRadar.Commands;
using CellRadar.Core.Errors;
using CellRadar.Core.Model;
using CellRadar.Pages;
using CellRadar.Storage;
using CellRadar.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CellRadar.Api;

/// <summary><c>GET /api/facts</c>: stored facts, per product in date order, filtered and paged.</summary>
internal static class FactsEndpoints
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    public static void MapFactsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/facts", List)
            .WithName("ListFacts")
            .WithTags("facts")
            .WithSummary("Facts (events of every item merged per product, kind, subtype family and market), per product in date order.")
            .WithDescription("product: canonical name or any catalog alias; jurisdiction: two-letter code or known name; kind: an event kind " +
                "(approval, designation...); page from 1; pageSize 1 to 500 (default 50).")
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static Results<Ok<PageOf<FactDto>>, ProblemHttpResult> List(
        IEventStore store, string? product, string? jurisdiction, string? kind, int? page, int? pageSize)
    {
        CellRadarError? error = null;
        Jurisdiction? where = null;
        if (!string.IsNullOrWhiteSpace(jurisdiction) && (where = EventsCommand.FindJurisdiction(jurisdiction.Trim())) is null)
            error = Bad("jurisdiction", $"wants a two-letter code (US, EU) or a known name, not '{jurisdiction}'");
        EventKind? what = null;
        if (!string.IsNullOrWhiteSpace(kind))
        {
            if (EventKindNames.TryParse(kind.Trim(), out var k)) what = k;
            else error ??= Bad("kind", $"wants one of {string.Join(", ", EventKindNames.All.Select(x => x.ToWire()))}, not '{kind}'");
        }
        var p = page ?? 1;
        var size = pageSize ?? DefaultPageSize;
        if (p < 1) error ??= Bad("page", $"wants a whole number of at least 1, not {p}");
        if (size is < 1 or > MaxPageSize) error ??= Bad("pageSize", $"wants a whole number from 1 to {MaxPageSize}, not {size}");
        if (error is not null) return (ProblemHttpResult)Problems.Result(error.Code, StatusCodes.Status400BadRequest, $"{error.Subject}: {error.Detail}");

        var query = new FactQuery
        {
            Products = string.IsNullOrWhiteSpace(product) ? null : EventsCommand.ProductNames(product),
            Jurisdiction = where,
            Kind = what,
        };
        var links = new SourceLinks(store);
        // The store streams facts; only this page (and one more, to know whether another follows) is read.
        var facts = store.QueryFacts(query).Skip((int)Math.Min(int.MaxValue, (long)(p - 1) * size)).Take(size + 1).ToList();
        var more = facts.Count > size;
        if (more) facts.RemoveAt(facts.Count - 1);
        (string, string?)[] Parameters(int n) =>
        [
            ("product", product), ("jurisdiction", jurisdiction), ("kind", kind),
            ("page", n.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("pageSize", size == DefaultPageSize ? null : size.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ];
        return TypedResults.Ok(new PageOf<FactDto>([.. facts.Select(f => FactDto.From(f, links))], p, size,
            more ? Url.With("/api/facts", Parameters(p + 1)) : null,
            p > 1 ? Url.With("/api/facts", Parameters(p - 1)) : null));
    }

    private static CellRadarError Bad(string parameter, string detail) => new(ErrorCode.BadRequest, parameter, detail);
}
