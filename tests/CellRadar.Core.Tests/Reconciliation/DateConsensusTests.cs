using CellRadar.Core.Model;
using CellRadar.Core.Reconciliation;

namespace CellRadar.Core.Tests.Reconciliation;

public sealed class DateConsensusTests
{
    private static DateConsensus.Vote V(string date, int rank = 2, string item = "a") => new(PartialDate.Parse(date), rank, item);

    [Fact]
    public void A_month_and_a_day_inside_it_agree_on_the_day()
    {
        var result = DateConsensus.Decide([V("2025-03", item: "a"), V("2025-03-14", item: "b"), V("2025", item: "c")]);
        Assert.Equal(PartialDate.Parse("2025-03-14"), result.Date);
        Assert.False(result.IsConflict);
    }

    [Fact]
    public void Two_different_days_are_a_conflict_that_keeps_both()
    {
        var result = DateConsensus.Decide([V("2025-03-14", item: "a"), V("2025-03-20", item: "b")]);
        Assert.True(result.IsConflict);
        Assert.Equal(["2025-03-14", "2025-03-20"], result.Disagreeing.Select(d => d.Value));
        // Equal trust and equal support: the earliest is picked.
        Assert.Equal(PartialDate.Parse("2025-03-14"), result.Date);
    }

    [Fact]
    public void In_a_conflict_the_more_trusted_source_wins_over_more_sources()
    {
        var result = DateConsensus.Decide([V("2025-03-14", 2, "a"), V("2025-03-14", 2, "b"), V("2025-03-20", 4, "c")]);
        Assert.Equal(PartialDate.Parse("2025-03-20"), result.Date);
    }

    [Fact]
    public void In_a_conflict_between_equally_trusted_sources_the_date_more_of_them_allow_wins()
    {
        // The month source allows both days, so it does not decide; two sources name the 20th.
        var result = DateConsensus.Decide([V("2025-03-14", item: "a"), V("2025-03-20", item: "b"), V("2025-03-20", item: "c"), V("2025-03", item: "d")]);
        Assert.Equal(PartialDate.Parse("2025-03-20"), result.Date);
        Assert.Contains("d", result.Disagreeing[0].Items);
        Assert.Contains("d", result.Disagreeing[1].Items);
    }

    [Fact]
    public void No_dated_source_gives_no_date()
    {
        var result = DateConsensus.Decide([]);
        Assert.Null(result.Date);
        Assert.False(result.IsConflict);
    }
}
