using CellRadar.Core.Dates;
using CellRadar.Core.Model;

namespace CellRadar.Core.Tests.Dates;

public sealed class DateResolverTests
{
    private static string Resolve(string text, string? published, TimeDirection direction = TimeDirection.Past)
    {
        var e = Assert.Single(DateExpressions.Find(text));
        PartialDate? pub = published is null ? null : PartialDate.Parse(published);
        return DateResolver.Resolve(e, pub, direction)?.ToString() ?? "";
    }

    [Theory]
    [InlineData(TimeDirection.Past, "2024-03")]
    [InlineData(TimeDirection.Future, "2025-03")]
    public void In_March_resolves_to_the_nearest_March_in_the_direction(TimeDirection direction, string expected)
    {
        Assert.Equal(expected, Resolve("It was accepted in March.", "2025-02-17", direction));
    }

    [Fact]
    public void The_publication_month_itself_counts_for_both_directions()
    {
        Assert.Equal("2025-02", Resolve("It was accepted in February.", "2025-02-17", TimeDirection.Past));
        Assert.Equal("2025-02", Resolve("It will be reviewed in February.", "2025-02-17", TimeDirection.Future));
    }

    [Theory]
    [InlineData("2025-02-17", TimeDirection.Past, "2024-12-09")]
    [InlineData("2025-02-17", TimeDirection.Future, "2025-12-09")]
    [InlineData("2025-12-09", TimeDirection.Past, "2025-12-09")]
    public void Day_and_month_without_year_take_the_year_from_publication(string published, TimeDirection direction, string expected)
    {
        Assert.Equal(expected, Resolve("Data are shown on 9 December.", published, direction));
    }

    [Theory]
    [InlineData("2024-08-20", TimeDirection.Past, "2024-08-19")]
    [InlineData("2024-08-05", TimeDirection.Past, "2024-07-19")]
    [InlineData("2024-08-20", TimeDirection.Future, "2024-09-19")]
    public void Ordinal_day_alone_is_a_day_of_the_publication_month_or_the_next_one_over(string published, TimeDirection direction, string expected)
    {
        Assert.Equal(expected, Resolve("The company said it received approval on the 19th (local time).", published, direction));
    }

    [Theory]
    [InlineData("It was approved two weeks ago.", "2025-01")]
    [InlineData("It was approved a year ago.", "2024")]
    [InlineData("It was approved 3 days ago.", "2025-01-17")]
    [InlineData("It was approved six months ago.", "2024-07")]
    public void Time_ago_resolves_back_from_publication(string text, string expected)
    {
        Assert.Equal(expected, Resolve(text, "2025-01-20"));
    }

    [Theory]
    [InlineData("It was approved on 2024/12/19.", "2024-12-19")]
    [InlineData("It was approved on 2025.08.12.", "2025-08-12")]
    [InlineData("It was approved on 05.03.2024.", "2024")]
    public void Year_first_dates_with_slashes_or_dots_and_ambiguous_numeric_dates(string text, string expected)
    {
        Assert.Equal(expected, Resolve(text, "2025-01-20"));
    }

    [Fact]
    public void Ordinal_day_alone_needs_a_publication_day()
    {
        Assert.Equal("", Resolve("It received approval on the 19th.", "2024-08"));
    }

    [Theory]
    [InlineData("The clinic opened on the 3rd floor of the hospital.")]
    [InlineData("The filing was made on the 19th of August.")]
    public void Ordinal_day_followed_by_a_month_or_a_noun_is_not_a_day_alone(string text)
    {
        Assert.DoesNotContain(DateExpressions.Find(text), e => e.Kind == DateExpressionKind.DayOfMonth);
    }

    [Theory]
    [InlineData(TimeDirection.Past, "2024-02-29")]
    [InlineData(TimeDirection.Future, "2028-02-29")]
    public void Leap_day_without_year_skips_to_a_leap_year(TimeDirection direction, string expected)
    {
        Assert.Equal(expected, Resolve("It was signed on 29 February.", "2025-03-01", direction));
    }

    [Theory]
    [InlineData(TimeDirection.Past, "2025-02-14")]
    [InlineData(TimeDirection.Future, "2025-02-21")]
    public void On_Friday_resolves_to_the_day(TimeDirection direction, string expected)
    {
        // 17 February 2025 is a Monday.
        Assert.Equal(expected, Resolve("The company said on Friday it had filed.", "2025-02-17", direction));
    }

    [Fact]
    public void Last_weekday_named_on_that_weekday_is_a_week_back()
    {
        Assert.Equal("2025-02-10", Resolve("It was filed last Monday.", "2025-02-17"));
    }

    [Theory]
    [InlineData("The agency today granted it.", "2025-02-17", "2025-02-17")]
    [InlineData("The agency yesterday granted it.", "2024-03-01", "2024-02-29")]
    [InlineData("The agency yesterday granted it.", "2025-01-01", "2024-12-31")]
    [InlineData("It was cleared last month.", "2025-01-10", "2024-12")]
    [InlineData("A ruling is due next month.", "2024-12-05", "2025-01")]
    [InlineData("It was cleared earlier this month.", "2025-02-17", "2025-02")]
    [InlineData("A ruling is expected later this year.", "2025-02-17", "2025")]
    public void Relative_days_months_and_years_follow_the_publication_date(string text, string published, string expected)
    {
        Assert.Equal(expected, Resolve(text, published));
    }

    [Theory]
    [InlineData("2025-02-17", "2025-02")]
    [InlineData("2025-03-02", "2025")]
    [InlineData("2025-12-31", "")]
    public void This_week_is_a_month_only_when_the_whole_week_lies_in_it(string published, string expected)
    {
        // Week of 2 March 2025 runs 24 Feb to 2 Mar; that of 31 Dec 2025 crosses into 2026.
        Assert.Equal(expected, Resolve("The panel meets this week.", published));
    }

    [Theory]
    [InlineData("2025-06-15", "2024-06")]
    [InlineData("2025-08-01", "2025-06")]
    public void Last_June_is_the_June_before_the_publication_month(string published, string expected)
    {
        Assert.Equal(expected, Resolve("It was filed last June.", published));
    }

    [Theory]
    [InlineData(TimeDirection.Past, "2024")]
    [InlineData(TimeDirection.Future, "2025")]
    public void A_quarter_without_year_resolves_to_a_year_only(TimeDirection direction, string expected)
    {
        Assert.Equal(expected, Resolve("The filing is set for the third quarter.", "2025-02-17", direction));
    }

    [Fact]
    public void Quarter_with_a_year_gives_only_the_year()
    {
        Assert.Equal("2025", Resolve("It plans to file in Q3 2025.", "2025-02-17", TimeDirection.Future));
    }

    [Theory]
    [InlineData("It was accepted in March.")]
    [InlineData("The company said on Friday it had filed.")]
    [InlineData("The agency today granted it.")]
    [InlineData("It was cleared last month.")]
    public void Without_publication_date_only_stated_parts_remain(string text)
    {
        Assert.Equal("", Resolve(text, null));
    }

    [Fact]
    public void Without_publication_date_a_full_date_still_resolves()
    {
        Assert.Equal("2023-06", Resolve("Approved in June 2023.", null));
    }

    [Fact]
    public void A_month_publication_date_cannot_pin_a_weekday()
    {
        Assert.Equal("", Resolve("The company said on Friday it had filed.", "2025-02"));
    }
}
