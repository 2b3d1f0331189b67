using CellRadar.Core.Cleaning;
using CellRadar.Core.Dates;
using CellRadar.Core.Synthetic;

namespace CellRadar.Core.Tests.Dates;

public class DateSearchTests
{
    // Each a trap for one way of choosing where to try the pattern: starts inside words, after digits, ordinals,
    // lists, relative phrases, the long s and Kelvin sign that case-insensitive matching folds, other scripts' digits.
    public static TheoryData<string> Tricky() =>
    [
        "Approved in March 2024, and again on 3 and 5 June; the 21st quarter of nothing.",
        "the 1st half of 2025, Q3 2025, H2 2026 (2023), mid-March, the end of next year",
        "later this year, earlier this month, last week, by the end of 2025, last Monday",
        "on Friday, June 5, 2025 and on Friday at noon; FY 2024; fiscal 2023 patients",
        "x2023-06-30 XJune 30, 2023 30/06/2023 3/4/2023 Jun. 30, 2023 Sept. 12",
        "la\u017Ft June, \u017Fince March, \u212Aelvin in 2020",
        "\u0661\u0662/\u0665/2023 and 12/\u0665/2023",
        "in\n\n   March 2024 and in    2023   sites",
    ];

    [Theory]
    [MemberData(nameof(Tricky))]
    public void The_fast_search_finds_exactly_what_a_scan_of_the_whole_pattern_finds(string text)
    {
        Assert.Equal(DateExpressions.FindByScan(text), DateExpressions.Find(text));
    }

    [Fact]
    public void The_fast_search_agrees_with_the_scan_on_generated_news_raw_and_cleaned()
    {
        foreach (var s in SyntheticCorpus.Generate(77, 300))
        {
            Assert.Equal(DateExpressions.FindByScan(s.Item.Body), DateExpressions.Find(s.Item.Body));
            var clean = TextCleaner.Clean(s.Item.Body);
            Assert.Equal(DateExpressions.FindByScan(clean), DateExpressions.Find(clean));
        }
    }

    [Fact]
    public void Digits_of_other_scripts_are_read_as_numbers_instead_of_stopping_the_run()
    {
        var found = DateExpressions.Find("Filed on \u0663\u0661/\u0665/2023.");
        var date = Assert.Single(found);
        Assert.Equal((2023, 5, 31), (date.Year, date.Month, date.Day));
    }
}
