using CellRadar.Core.Catalog;
using CellRadar.Core.Model;
using CellRadar.Pages;

namespace CellRadar.Tests.Web;

/// <summary>The timeline's scale and the tile map's layout, without a server.</summary>
public sealed class PageDrawingTests
{
    private static readonly DateOnly From = new(2023, 1, 1);
    private static readonly DateOnly To = new(2025, 12, 31);

    [Fact]
    public void A_day_is_a_point_and_a_month_a_span_over_that_whole_month()
    {
        var june = TimelineChart.Place(PartialDate.Parse("2023-06"), From, To, 1000);
        var lastOfJune = TimelineChart.Place(PartialDate.Parse("2023-06-30"), From, To, 1000);
        var firstOfJune = TimelineChart.Place(PartialDate.Parse("2023-06-01"), From, To, 1000);
        var firstOfJuly = TimelineChart.Place(PartialDate.Parse("2023-07-01"), From, To, 1000);
        Assert.False(june.IsPoint);
        Assert.True(lastOfJune.IsPoint);
        Assert.Equal(0, lastOfJune.Width);
        // The month's bar covers each of its days and stops where July begins.
        Assert.True(june.X < firstOfJune.X && firstOfJune.X < lastOfJune.X && lastOfJune.X < june.End);
        Assert.True(june.End < firstOfJuly.X);
        Assert.Equal(30.0 / 1096 * 1000, june.Width, 6);
    }

    [Fact]
    public void A_year_spans_its_twelve_months_and_the_axis_covers_whole_years()
    {
        var year = TimelineChart.Place(PartialDate.OfYear(2024), From, To, 1000);
        var january = TimelineChart.Place(PartialDate.Parse("2024-01"), From, To, 1000);
        var december = TimelineChart.Place(PartialDate.Parse("2024-12"), From, To, 1000);
        Assert.Equal(january.X, year.X, 9);
        Assert.Equal(december.End, year.End, 9);
        Assert.Equal(366.0 / 1096 * 1000, year.Width, 6);

        var (from, to) = TimelineChart.Axis([PartialDate.Parse("2023-06-30"), PartialDate.Parse("2025-03")]);
        Assert.Equal(new DateOnly(2023, 1, 1), from);
        Assert.Equal(new DateOnly(2025, 12, 31), to);
    }

    [Fact]
    public void Later_dates_are_drawn_further_right_whatever_their_precision()
    {
        string[] dates = ["2023", "2023-06", "2023-06-30", "2024-02-29", "2025-03"];
        var starts = dates.Select(d => TimelineChart.Place(PartialDate.Parse(d), From, To, 1000).X).ToList();
        Assert.Equal(starts.Order(), starts);
    }

    [Fact]
    public void Every_market_the_catalog_knows_has_a_tile_of_its_own()
    {
        foreach (var j in ReferenceCatalog.Embedded.Jurisdictions)
            Assert.True(TileMap.Positions.ContainsKey(j.Code), $"{j.Code} ({j.Name}) has no tile");
        var cells = TileMap.Positions.Values.ToList();
        Assert.Equal(cells.Count, cells.Distinct().Count());
    }
}
