using System.Globalization;
using CellRadar.Commands;
using CellRadar.Core.Catalog;
using CellRadar.Core.Errors;
using CellRadar.Core.Reconciliation;
using CellRadar.Storage;

namespace CellRadar.Web;

/// <summary>
/// The landscape's filters, order and paging as the user wrote them (page and API share it), checked. The catalog
/// filters are the <c>landscape</c> command's own (<see cref="LandscapeCommand.LandscapeFilter"/>); the stages come
/// from the stored market statuses. Nothing about statuses is decided here, only which rows and columns to show.
/// </summary>
internal sealed record LandscapeQuery(
    string? Target, string? Indication, string? Sponsor, string? Modality, string? Jurisdiction,
    string Sort, bool Descending, int Page, int PageSize)
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 500;

    /// <summary>Sorting by product name, sponsor, or number of markets; any other sort key is a market code column.</summary>
    public const string ByProduct = "product";
    public const string BySponsor = "sponsor";
    public const string ByMarkets = "markets";

    private IReadOnlySet<string>? Markets { get; init; }

    public static LandscapeQuery Parse(string? target, string? indication, string? sponsor, string? modality, string? jurisdiction,
        string? sort, string? dir, int? page, int? pageSize, out CellRadarError? error)
    {
        error = null;
        var query = new LandscapeQuery(Blank(target), Blank(indication), Blank(sponsor), Blank(modality), Blank(jurisdiction),
            SortKey(Blank(sort)), string.Equals(Blank(dir), "desc", StringComparison.OrdinalIgnoreCase),
            page ?? 1, pageSize ?? DefaultPageSize);
        if (query.Jurisdiction is { } j)
        {
            var markets = new HashSet<string>(StringComparer.Ordinal);
            foreach (var part in j.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (EventsCommand.FindJurisdiction(part) is { } found) markets.Add(found.Code);
                else error ??= Bad("jurisdiction", $"wants two-letter codes (US, EU) or known names, comma-separated, not '{part}'");
            }
            query = query with { Markets = markets };
        }
        if (Blank(dir) is { } d && !d.Equals("asc", StringComparison.OrdinalIgnoreCase) && !d.Equals("desc", StringComparison.OrdinalIgnoreCase))
            error ??= Bad("dir", $"wants asc or desc, not '{d}'");
        if (query.Sort is not (ByProduct or BySponsor or ByMarkets) && !Core.Model.Jurisdiction.TryParse(query.Sort, out _))
            error ??= Bad("sort", $"wants product, sponsor, markets or a market's code (US, CN...), not '{query.Sort}'");
        if (query.Page < 1) error ??= Bad("page", $"wants a whole number of at least 1, not {query.Page}");
        if (query.PageSize is < 1 or > MaxPageSize) error ??= Bad("pageSize", $"wants a whole number from 1 to {MaxPageSize}, not {query.PageSize}");
        return query;
    }

    /// <summary>The products that pass the filters, in the asked order, each with its markets (only the filtered ones).</summary>
    public Landscape Run(IEventStore store)
    {
        var filter = new LandscapeCommand.LandscapeFilter(Target, Indication, Sponsor, Modality);
        var rows = store.MarketStatuses()
            .Where(s => Markets is null || Markets.Contains(s.Jurisdiction.Code))
            .GroupBy(s => s.Product, StringComparer.Ordinal)
            .Where(g => filter.Keeps(g.Key))
            .Select(g => new LandscapeRow(g.Key, ReferenceCatalog.Embedded.ProductsByCanonical.GetValueOrDefault(g.Key), [.. g]))
            .ToList();
        var columns = rows.SelectMany(r => r.Markets).Select(s => s.Jurisdiction.Code).Distinct()
            .Order(StringComparer.Ordinal).ToList();
        return new Landscape(Order(rows), columns);
    }

    /// <summary>The query's values as URL parameters (defaults left out), with another page, sort or direction.</summary>
    public (string, string?)[] Parameters(int? page = null, string? sort = null, bool? descending = null)
    {
        var s = sort ?? Sort;
        var desc = descending ?? Descending;
        var p = page ?? Page;
        return
        [
            ("target", Target), ("indication", Indication), ("sponsor", Sponsor), ("modality", Modality), ("jurisdiction", Jurisdiction),
            ("sort", s == ByProduct ? null : s), ("dir", desc ? "desc" : null),
            ("page", p == 1 ? null : p.ToString(CultureInfo.InvariantCulture)),
            ("pageSize", PageSize == DefaultPageSize ? null : PageSize.ToString(CultureInfo.InvariantCulture)),
        ];
    }

    private List<LandscapeRow> Order(List<LandscapeRow> rows)
    {
        IOrderedEnumerable<LandscapeRow> ordered = Sort switch
        {
            ByProduct => By(rows, r => r.Product, StringComparer.OrdinalIgnoreCase),
            BySponsor => By(rows, r => r.Entry?.Sponsor ?? "", StringComparer.OrdinalIgnoreCase),
            ByMarkets => By(rows, r => r.Markets.Count, Comparer<int>.Default),
            // A market column: products further along there first when descending; products absent from it always last.
            _ => rows.OrderBy(r => r.In(Sort) is null)
                .ThenBy(r => r.In(Sort) is { } s ? Rank(s.Stage) : 0, Descending ? Comparer<int>.Create((a, b) => b.CompareTo(a)) : Comparer<int>.Default)
                .ThenBy(r => r.In(Sort)?.Date?.Start ?? DateOnly.MaxValue),
        };
        return [.. ordered.ThenBy(r => r.Product, StringComparer.Ordinal)];
    }

    private IOrderedEnumerable<LandscapeRow> By<T>(List<LandscapeRow> rows, Func<LandscapeRow, T> key, IComparer<T> comparer) =>
        Descending ? rows.OrderByDescending(key, comparer) : rows.OrderBy(key, comparer);

    /// <summary>Order of stages for sorting a column: along the ladder; a path that ended (rejected, withdrawn) below it.</summary>
    private static int Rank(MarketStage stage) => stage.IsProgression() ? (int)stage : 0;

    /// <summary>The named orders in lower case, a market code in upper case (as codes are stored).</summary>
    private static string SortKey(string? sort) => sort?.ToLowerInvariant() switch
    {
        null => ByProduct,
        ByProduct or BySponsor or ByMarkets => sort.ToLowerInvariant(),
        _ => sort.ToUpperInvariant(),
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static CellRadarError Bad(string parameter, string detail) => new(ErrorCode.BadRequest, parameter, detail);
}

/// <summary>The landscape: its product rows and its market columns (every market any shown product is in, by code).</summary>
internal sealed record Landscape(IReadOnlyList<LandscapeRow> Rows, IReadOnlyList<string> Columns);

/// <summary>One product of the landscape: its catalog entry (null when the catalog does not know it) and its markets.</summary>
internal sealed record LandscapeRow(string Product, ProductEntry? Entry, IReadOnlyList<MarketStatus> Markets)
{
    public MarketStatus? In(string market) => Markets.FirstOrDefault(m => m.Jurisdiction.Code == market);
}
