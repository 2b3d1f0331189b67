using System.Globalization;
using CellRadar.Core.Errors;
using CellRadar.Core.Model;
using CellRadar.Output;
using CellRadar.Pages;
using CellRadar.Storage;
using CellRadar.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CellRadar.Api;

/// <summary>
/// <c>GET /api/changes?since=</c> (JSON, paged) and <c>GET /feed.atom</c> (the Atom feed the <c>changes</c> command
/// writes): new facts, status changes and new conflicts, in the order they were logged.
/// </summary>
internal static class ChangesEndpoints
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;

    /// <summary>How far back the feed reaches when the reader gives no <c>since</c>.</summary>
    public static readonly TimeSpan FeedWindow = TimeSpan.FromDays(90);

    public static void MapChangesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/changes", List)
            .WithName("ListChanges")
            .WithTags("changes")
            .WithSummary("New facts, status changes and new conflicts logged at or after a time, in the order they were logged.")
            .WithDescription("since (required): YYYY, YYYY-MM or YYYY-MM-DD (from the first day, UTC) or an ISO 8601 time with offset; " +
                "page from 1; pageSize 1 to 1000 (default 100).")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        app.MapGet("/feed.atom", Feed)
            .WithName("ChangesFeed")
            .WithTags("changes")
            .WithSummary("The changes as an Atom 1.0 feed (the last 90 days unless since is given).")
            .Produces<string>(StatusCodes.Status200OK, "application/atom+xml")
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static Results<Ok<ChangesDto>, ProblemHttpResult> List(IEventStore store, string? since, int? page, int? pageSize)
    {
        if (!TryParseSince(since, out var from, out var error)) return Bad(error!);
        var p = page ?? 1;
        var size = pageSize ?? DefaultPageSize;
        if (p < 1) return Bad(new CellRadarError(ErrorCode.BadRequest, "page", $"wants a whole number of at least 1, not {p}"));
        if (size is < 1 or > MaxPageSize) return Bad(new CellRadarError(ErrorCode.BadRequest, "pageSize", $"wants a whole number from 1 to {MaxPageSize}, not {size}"));
        var changes = store.Changes(from).Skip((int)Math.Min(int.MaxValue, (long)(p - 1) * size)).Take(size + 1).Select(ChangeDto.From).ToList();
        var more = changes.Count > size;
        if (more) changes.RemoveAt(changes.Count - 1);
        return TypedResults.Ok(new ChangesDto(from, changes, more
            ? Url.With("/api/changes", ("since", since!.Trim()), ("page", (p + 1).ToString(CultureInfo.InvariantCulture)),
                ("pageSize", size == DefaultPageSize ? null : size.ToString(CultureInfo.InvariantCulture)))
            : null));
    }

    private static IResult Feed(IEventStore store, ServeSettings settings, string? since)
    {
        var now = settings.Time.GetUtcNow();
        var from = now - FeedWindow;
        if (!string.IsNullOrWhiteSpace(since) && !TryParseSince(since, out from, out var error)) return Bad(error!);
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new System.Text.UTF8Encoding(false), leaveOpen: true))
            AtomFeed.Write(writer, store.Changes(from), now, "urn:cellradar:changes");
        return Results.Bytes(buffer.ToArray(), "application/atom+xml; charset=utf-8");
    }

    /// <summary>A partial date (its first day, UTC) or a full ISO 8601 time; anything else is a 400 that says what is wanted.</summary>
    internal static bool TryParseSince(string? text, out DateTimeOffset since, out CellRadarError? error)
    {
        error = null;
        since = default;
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            error = new CellRadarError(ErrorCode.BadRequest, "since", "is required: YYYY, YYYY-MM, YYYY-MM-DD or an ISO 8601 time");
            return false;
        }
        // A time first: a partial date's reader would take the day of "2025-01-02T10:00Z" and drop the hour.
        if (value.Contains('T', StringComparison.Ordinal))
        {
            if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out since))
                return true;
        }
        else if (PartialDate.TryParse(value, out var date))
        {
            since = new DateTimeOffset(date.Start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return true;
        }
        error = new CellRadarError(ErrorCode.BadRequest, "since", $"wants YYYY, YYYY-MM, YYYY-MM-DD or an ISO 8601 time, not '{value}'");
        return false;
    }

    private static ProblemHttpResult Bad(CellRadarError error) =>
        (ProblemHttpResult)Problems.Result(error.Code, StatusCodes.Status400BadRequest, $"{error.Subject}: {error.Detail}");
}
