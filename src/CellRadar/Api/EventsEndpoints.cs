using CellRadar.Pages;
using CellRadar.Storage;
using CellRadar.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CellRadar.Api;

/// <summary><c>GET /api/events</c>: stored events, newest first, filtered and paged.</summary>
internal static class EventsEndpoints
{
    public static void MapEventsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/events", List)
            .WithName("ListEvents")
            .WithTags("events")
            .WithSummary("Stored events, newest first (by the last day their date can stand for; undated last).")
            .WithDescription("product: canonical name or any catalog alias; jurisdiction: two-letter code or known name; " +
                "kind: designation, trial_authorization, submission, acceptance, approval, opinion, rejection, withdrawal, access, gmp; " +
                "since: YYYY, YYYY-MM or YYYY-MM-DD (events that may fall on or after it); page from 1; pageSize 1 to 500 (default 50).")
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static Results<Ok<PageOf<EventDto>>, ProblemHttpResult> List(
        IEventStore store, string? product, string? jurisdiction, string? kind, string? since, int? page, int? pageSize)
    {
        var filter = EventFilter.Parse(product, jurisdiction, kind, since, page, pageSize, out var error);
        if (error is not null)
            return (ProblemHttpResult)Problems.Result(error.Code, StatusCodes.Status400BadRequest, $"{error.Subject}: {error.Detail}");
        var events = store.QueryEvents(filter.Query!).Select(EventDto.From).ToList();
        var more = events.Count > filter.PageSize;
        if (more) events.RemoveAt(events.Count - 1);
        return TypedResults.Ok(new PageOf<EventDto>(events, filter.Page, filter.PageSize,
            more ? Url.With("/api/events", filter.Parameters(filter.Page + 1)) : null,
            filter.Page > 1 ? Url.With("/api/events", filter.Parameters(filter.Page - 1)) : null));
    }
}
