using CellRadar.Core.Errors;
using CellRadar.Storage;
using CellRadar.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace CellRadar.Api;

/// <summary><c>GET /api/items/{id}</c> (text and events) and <c>POST /api/items</c> (read, extract, store or preview).</summary>
internal static class ItemsEndpoints
{
    /// <summary>Body types a posted item may come as; the content itself decides the format, as for standard input.</summary>
    private static readonly string[] Accepted = ["application/json", "text/plain", "text/markdown", "text/html", "application/xhtml+xml"];

    public static void MapItemsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/items/{id:long}", Get)
            .WithName("GetItem")
            .WithTags("items")
            .WithSummary("A stored item: its cleaned text, which evidence offsets point into, and its events.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        app.MapPost("/api/items", Post)
            .WithName("PostItem")
            .WithTags("items")
            .WithSummary("Reads an item, finds its events and stores both; with preview=true only shows the events.")
            .WithDescription("The body is one item: a JSON object {title, text or html, url, published, source}, an HTML page, " +
                "or text with an optional header block (title:, url:, published:, source: lines, then a blank line). " +
                "An item already stored (same content) is answered with its id and outcome 'duplicate'. " +
                "Beyond loopback the X-Api-Key header is required.")
            .Accepts<PostedItemJson>(Accepted[0], Accepted[1..])
            .Produces<PostItemsResponse>(StatusCodes.Status200OK)
            .Produces<PostItemsResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static Results<Ok<ItemDto>, ProblemHttpResult> Get(IEventStore store, long id)
    {
        if (store.Item(id) is not { } item)
            return (ProblemHttpResult)Problems.Result(ErrorCode.NotFound, StatusCodes.Status404NotFound, $"no stored item has id {id}");
        var events = store.QueryEvents(new EventQuery { ItemId = id }).Select(EventDto.From).ToList();
        return TypedResults.Ok(new ItemDto(item.Id, item.Key, item.Title, item.Url, item.Source, item.Published?.ToString(),
            item.IngestedAt, item.Text, events, $"/items/{item.Id}"));
    }

    private static async Task<IResult> Post(HttpContext http, IEventStore store, ItemIntake intake, bool? preview)
    {
        var type = MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var parsed) ? parsed.MediaType.Value : null;
        if (type is null || !Accepted.Contains(type, StringComparer.OrdinalIgnoreCase))
        {
            return Problems.Result(ErrorCode.UnsupportedMediaType, StatusCodes.Status415UnsupportedMediaType,
                $"send the item as {string.Join(", ", Accepted)}, not '{http.Request.ContentType}'");
        }
        using var body = new MemoryStream();
        // Kestrel stops the copy with a 413 past the configured request size.
        await http.Request.Body.CopyToAsync(body, http.RequestAborted);
        var read = intake.FromContent(body.GetBuffer().AsMemory(0, (int)body.Length), "api");
        var errors = read.Errors.Select(ErrorDto.From).ToList();
        if (read.Records.Count == 0)
        {
            var first = read.Errors.FirstOrDefault() ?? new CellRadarError(ErrorCode.EmptyItem, "api", "the body holds no item");
            return Problems.Result(first.Code, StatusCodes.Status422UnprocessableEntity, first.ToString(),
                new Dictionary<string, object?> { ["errors"] = errors });
        }
        if (preview == true)
        {
            var shown = read.Records.Select(r => Posted(r, null, null)).ToList();
            return TypedResults.Ok(new PostItemsResponse(true, shown, errors));
        }
        var saved = intake.Save(store, read);
        var items = saved.Select(s => Posted(s.Record, s.ItemId, s.Outcome == SaveOutcome.Inserted ? "inserted" : "duplicate")).ToList();
        var response = new PostItemsResponse(false, items, errors);
        return saved.FirstOrDefault(s => s.Outcome == SaveOutcome.Inserted) is { } created
            ? TypedResults.Created($"/api/items/{created.ItemId}", response)
            : TypedResults.Ok(response);
    }

    private static PostedItemDto Posted(ItemRecord r, long? id, string? outcome) => new(
        id, outcome, r.Item.Id, r.Title, r.Item.Url, r.Published?.ToString(), r.Text,
        [.. r.Events.Select(e => EventDto.Unsaved(e, r.Item.Id, r.Item.Url))],
        id is { } i ? new ItemLinks($"/api/items/{i}", $"/items/{i}") : null);
}

/// <summary>The JSON form of a posted item (documentation of the body; the readers parse it).</summary>
public sealed record PostedItemJson(string? Title, string? Text, string? Html, string? Url, string? Published, string? Source);
