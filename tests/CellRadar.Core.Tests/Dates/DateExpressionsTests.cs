using CellRadar.Core.Dates;

namespace CellRadar.Core.Tests.Dates;

public sealed class DateExpressionsTests
{
    private static DateExpression Only(string text) => Assert.Single(DateExpressions.Find(text));

    private static string Covered(string text, DateExpression e) => text[e.Span.Start..e.Span.End];

    [Theory]
    [InlineData("The agency acted on June 30, 2023, after review.", "June 30, 2023", "2023-06-30")]
    [InlineData("It was cleared on 30 June 2023 in Europe.", "30 June 2023", "2023-06-30")]
    [InlineData("Filed Jun. 30, 2023 with the regulator.", "Jun. 30, 2023", "2023-06-30")]
    [InlineData("Decision date: 2023-06-30.", "2023-06-30", "2023-06-30")]
    [InlineData("Letter dated 30/06/2023 was published.", "30/06/2023", "2023-06-30")]
    [InlineData("Approved in June 2023 in China.", "June 2023", "2023-06")]
    [InlineData("It was filed in March 2025.", "March 2025", "2025-03")]
    [InlineData("Sales began in 2023, slowly.", "2023", "2023")]
    [InlineData("A first report (2021) described it.", "2021", "2021")]
    [InlineData("Leap days are rare: 29 February 2024 was one.", "29 February 2024", "2024-02-29")]
    public void Absolute_dates_state_exactly_their_precision(string text, string covered, string date)
    {
        var e = Only(text);

        Assert.Equal(covered, Covered(text, e));
        Assert.Equal(date, e.Absolute.ToString());
    }

    [Fact]
    public void Second_year_of_a_list_is_a_date_too()
    {
        const string text = "Designations followed in 2019 and 2020, respectively.";
        var found = DateExpressions.Find(text);
        Assert.Equal(["2019", "2020"], found.Select(e => e.Absolute.ToString()));
    }

    [Fact]
    public void Ambiguous_day_and_month_give_only_the_year()
    {
        var found = Assert.Single(DateExpressions.Find("Letter dated 06/07/2023 was published."));
        Assert.Equal("2023", found.Absolute.ToString());
    }

    [Theory]
    [InlineData("The trial enrolled 2023 patients across sites.")]
    [InlineData("The regulator may decide soon and march on.")]
    [InlineData("It costs $2025 per vial and 1999 is a code.")]
    [InlineData("Marketing authorisation was discussed in a Decade review.")]
    public void Non_dates_give_nothing(string text)
    {
        Assert.Empty(DateExpressions.Find(text));
    }

    [Theory]
    [InlineData("Data will be shown on 9 December.", "9 December", 12, 9)]
    [InlineData("Data will be shown on December 9.", "December 9", 12, 9)]
    [InlineData("It was accepted in March by the agency.", "March", 3, 0)]
    public void Partial_dates_keep_no_year(string text, string covered, int month, int day)
    {
        var e = Only(text);

        Assert.Equal(covered, Covered(text, e));
        Assert.Equal((0, month, day), (e.Year, e.Month, e.Day));
        Assert.Null(e.Absolute);
    }

    [Fact]
    public void Coordinated_months_share_the_year()
    {
        const string text = "Accepted in January and February 2025 respectively.";

        var found = DateExpressions.Find(text);

        Assert.Equal(2, found.Count);
        Assert.Equal("January", Covered(text, found[0]));
        Assert.Equal("February 2025", Covered(text, found[1]));
        Assert.Equal(["2025-01", "2025-02"], found.Select(e => e.Absolute.ToString()));
    }

    [Fact]
    public void Coordinated_days_share_month_and_year()
    {
        const string text = "Hearings were held on 3 and 5 June 2024 in public.";

        var found = DateExpressions.Find(text);

        Assert.Equal(["2024-06-03", "2024-06-05"], found.Select(e => e.Absolute.ToString()));
    }

    [Theory]
    [InlineData("The company reported on Friday that it filed.", "Friday", DateExpressionKind.Weekday, 0)]
    [InlineData("The firm said last Monday it had paused.", "last Monday", DateExpressionKind.Weekday, -1)]
    [InlineData("The agency today granted the status.", "today", DateExpressionKind.RelativeDay, 0)]
    [InlineData("It said yesterday that the file was complete.", "yesterday", DateExpressionKind.RelativeDay, -1)]
    [InlineData("The panel meets this week to vote.", "this week", DateExpressionKind.RelativeWeek, 0)]
    [InlineData("It was cleared earlier this month in Japan.", "earlier this month", DateExpressionKind.RelativeMonth, 0)]
    [InlineData("It was cleared last month in Japan.", "last month", DateExpressionKind.RelativeMonth, -1)]
    [InlineData("A decision is due next month.", "next month", DateExpressionKind.RelativeMonth, 1)]
    [InlineData("It was first filed last June with the agency.", "last June", DateExpressionKind.RelativeMonthName, -1)]
    [InlineData("A ruling is expected later this year.", "later this year", DateExpressionKind.RelativeYear, 0)]
    public void Relative_expressions_record_their_kind_and_offset(string text, string covered, DateExpressionKind kind, int offset)
    {
        var e = Only(text);

        Assert.Equal(covered, Covered(text, e));
        Assert.Equal(kind, e.Kind);
        Assert.Equal(offset, e.Offset);
    }

    [Theory]
    [InlineData("It plans to file in Q3 2025.", DateExpressionKind.Quarter, 3, 2025)]
    [InlineData("Filing is planned for the third quarter of 2025.", DateExpressionKind.Quarter, 3, 2025)]
    [InlineData("Launch is planned in the second half of 2026.", DateExpressionKind.Half, 2, 2026)]
    [InlineData("Launch is planned in H1 2027.", DateExpressionKind.Half, 1, 2027)]
    public void Quarters_and_halves_record_which_and_the_year(string text, DateExpressionKind kind, int which, int year)
    {
        var e = Only(text);

        Assert.Equal(kind, e.Kind);
        Assert.Equal(which, kind == DateExpressionKind.Quarter ? e.Quarter : e.Half);
        Assert.Equal(year, e.Year);
        Assert.Equal(year.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Absolute.ToString());
    }

    [Theory]
    [InlineData("It expects approval by the end of 2025.", PeriodPart.End, "2025")]
    [InlineData("Data are due in early 2026.", PeriodPart.Early, "2026")]
    [InlineData("Data are due mid-2026.", PeriodPart.Mid, "2026")]
    [InlineData("Data are due in early June 2026.", PeriodPart.Early, "2026-06")]
    public void Parts_of_a_year_or_month_keep_only_the_period_they_name(string text, PeriodPart part, string date)
    {
        var e = Only(text);

        Assert.Equal(part, e.Part);
        Assert.Equal(date, e.Absolute.ToString());
    }

    [Fact]
    public void A_weekday_before_a_full_date_does_not_make_a_second_expression()
    {
        const string text = "The meeting on Friday, June 6, 2025 was public.";

        var e = Only(text);

        Assert.Equal("2025-06-06", e.Absolute.ToString());
    }
}
