using System.Globalization;
using CellRadar.Core.Reconciliation;

namespace CellRadar.Pages;

/// <summary>
/// A tile-grid world map: one square per market at its rough place (column, row), as newspapers draw election maps.
/// Honest about what it is (no borders, no areas), light (no shape data) and readable: every tile carries its code
/// and, when coloured, the stage's abbreviation in letters. The EU, one market over its members, has its own tile
/// beside Europe, drawn dashed.
/// </summary>
internal static class TileMap
{
    private const int Tile = 40;
    private const int Gap = 4;

    /// <summary>Every market the catalog knows, at (column, row). No two share a cell (a test checks).</summary>
    public static readonly IReadOnlyDictionary<string, (int Column, int Row)> Positions = new Dictionary<string, (int, int)>(StringComparer.Ordinal)
    {
        // The Americas
        ["CA"] = (1, 1), ["US"] = (1, 2), ["MX"] = (1, 3), ["CO"] = (2, 5), ["PE"] = (2, 6), ["BR"] = (3, 6), ["CL"] = (2, 7), ["AR"] = (3, 7),
        // Europe
        ["IS"] = (7, 0), ["NO"] = (10, 0), ["SE"] = (11, 0), ["FI"] = (12, 0),
        ["IE"] = (7, 1), ["GB"] = (8, 1), ["DK"] = (10, 1), ["EE"] = (12, 1), ["RU"] = (14, 1),
        ["NL"] = (9, 2), ["DE"] = (10, 2), ["PL"] = (11, 2), ["LV"] = (12, 2), ["KZ"] = (16, 2),
        ["FR"] = (8, 3), ["BE"] = (9, 3), ["CZ"] = (10, 3), ["SK"] = (11, 3), ["LT"] = (12, 3), ["UA"] = (13, 3),
        ["PT"] = (7, 4), ["ES"] = (8, 4), ["LU"] = (9, 4), ["AT"] = (10, 4), ["HU"] = (11, 4), ["RO"] = (12, 4),
        ["CH"] = (9, 5), ["SI"] = (10, 5), ["HR"] = (11, 5), ["RS"] = (12, 5), ["BG"] = (13, 5), ["TR"] = (14, 5),
        ["IT"] = (10, 6), ["GR"] = (12, 6), ["CY"] = (14, 6), ["MT"] = (10, 7),
        ["EU"] = (6, 6),
        // Middle East and Africa
        ["IL"] = (14, 7), ["JO"] = (15, 7), ["KW"] = (16, 6), ["SA"] = (16, 8), ["BH"] = (17, 7), ["QA"] = (17, 8),
        ["AE"] = (18, 8), ["OM"] = (18, 9), ["EG"] = (13, 8), ["NG"] = (10, 10), ["ZA"] = (12, 12),
        // Asia and Oceania
        ["PK"] = (19, 6), ["IN"] = (19, 7), ["CN"] = (21, 4), ["KR"] = (23, 4), ["JP"] = (24, 4),
        ["MO"] = (21, 6), ["HK"] = (22, 6), ["TW"] = (23, 6), ["VN"] = (21, 7), ["TH"] = (20, 8), ["PH"] = (23, 8),
        ["MY"] = (20, 9), ["SG"] = (20, 10), ["ID"] = (22, 10), ["AU"] = (23, 12), ["NZ"] = (25, 13),
    };

    /// <summary>What one tile shows: its stage (null: nothing known), where it links, and the words a screen reader and tooltip give.</summary>
    public readonly record struct TileState(MarketStage? Stage, string? Link, string Label);

    public static void Write(Html html, string caption, Func<string, TileState> state)
    {
        var columns = Positions.Values.Max(p => p.Column) + 1;
        var rows = Positions.Values.Max(p => p.Row) + 1;
        html.Open("figure", ("class", "tilemap"))
            .Open("svg", ("xmlns", "http://www.w3.org/2000/svg"), ("viewbox", $"0 0 {N(columns * (Tile + Gap))} {N(rows * (Tile + Gap))}"),
                ("role", "group"), ("aria-label", caption), ("class", "tilemap"));
        foreach (var (code, (column, row)) in Positions.OrderBy(p => p.Value.Row).ThenBy(p => p.Value.Column))
        {
            var tile = state(code);
            var x = column * (Tile + Gap);
            var y = row * (Tile + Gap);
            var cls = "tile" + (tile.Stage is { } s ? " " + Stages.Class(s) : " stage-none") + (code == "EU" ? " union" : "");
            if (tile.Link is not null) html.Open("a", ("href", tile.Link), ("aria-label", tile.Label), ("class", "tile-link"));
            else html.Open("g", ("aria-label", tile.Label), ("role", "img"));
            html.Element("title", tile.Label)
                .Open("rect", ("x", N(x)), ("y", N(y)), ("width", N(Tile)), ("height", N(Tile)), ("rx", "4"), ("class", cls)).Close("rect")
                .Element("text", code, ("x", N(x + (Tile / 2))), ("y", N(y + (tile.Stage is null ? 25 : 18))), ("class", "tile-code"), ("text-anchor", "middle"));
            if (tile.Stage is { } stage)
                html.Element("text", Stages.Abbreviation(stage), ("x", N(x + (Tile / 2))), ("y", N(y + 32)), ("class", "tile-stage"), ("text-anchor", "middle"));
            html.Close(tile.Link is not null ? "a" : "g");
        }
        html.Close("svg")
            .Element("figcaption", caption + ". Each square is one market at its rough place on a world map; the EU (dashed) is the union-wide market.")
            .Close("figure");
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
