using CellRadar.Commands;
using CellRadar.Core.Errors;
using CellRadar.Core.Model;
using CellRadar.Storage;

namespace CellRadar.Web;

/// <summary>
/// The event filters and paging the API and the event feed page share, as the user wrote them, checked and
/// turned into an <see cref="EventQuery"/>: newest first, one page (plus one event, to know whether another page follows).
/// </summary>
internal sealed record EventFilter(string? Product, string? Jurisdiction, string? Kind, string? Since, int Page, int PageSize)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    public EventQuery? Query { get; private init; }

    /// <summary>Checks the values; <paramref name="error"/> names the first bad one.</summary>
    public static EventFilter Parse(string? product, string? jurisdiction, string? kind, string? since, int? page, int? pageSize, out CellRadarError? error)
    {
        error = null;
        var filter = new EventFilter(Blank(product), Blank(jurisdiction), Blank(kind), Blank(since), page ?? 1, pageSize ?? DefaultPageSize);
        Jurisdiction? where = null;
        if (filter.Jurisdiction is { } j && (where = EventsCommand.FindJurisdiction(j)) is null)
            error = Bad("jurisdiction", $"wants a two-letter code (US, EU) or a known name, not '{j}'");
        EventKind? what = null;
        if (filter.Kind is { } k)
        {
            if (EventKindNames.TryParse(k, out var parsed)) what = parsed;
            else error ??= Bad("kind", $"wants one of {string.Join(", ", EventKindNames.All.Select(x => x.ToWire()))}, not '{k}'");
        }
        PartialDate? from = null;
        if (filter.Since is { } s)
        {
            if (PartialDate.TryParse(s, out var d)) from = d;
            else error ??= Bad("since", $"wants YYYY, YYYY-MM or YYYY-MM-DD, not '{s}'");
        }
        if (filter.Page < 1) error ??= Bad("page", $"wants a whole number of at least 1, not {filter.Page}");
        if (filter.PageSize is < 1 or > MaxPageSize) error ??= Bad("pageSize", $"wants a whole number from 1 to {MaxPageSize}, not {filter.PageSize}");
        if (error is not null) return filter;
        return filter with
        {
            Query = new EventQuery
            {
                Products = filter.Product is { } p ? EventsCommand.ProductNames(p) : null,
                Jurisdiction = where,
                Kind = what,
                Since = from,
                Order = EventOrder.NewestFirst,
                Offset = (int)Math.Min(int.MaxValue, (long)(filter.Page - 1) * filter.PageSize),
                Limit = filter.PageSize + 1,
            },
        };
    }

    /// <summary>The filter's values as query parameters, for links to other pages of the same list.</summary>
    public (string, string?)[] Parameters(int page) =>
    [
        ("product", Product), ("jurisdiction", Jurisdiction), ("kind", Kind), ("since", Since),
        ("page", page == 1 ? null : page.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("pageSize", PageSize == DefaultPageSize ? null : PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static CellRadarError Bad(string parameter, string detail) => new(ErrorCode.BadRequest, parameter, detail);
}
