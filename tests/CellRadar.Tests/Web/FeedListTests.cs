using CellRadar.Commands;
using CellRadar.Core.Errors;
using CellRadar.Watching;

namespace CellRadar.Tests.Web;

public sealed class FeedListTests
{
    [Fact]
    public void Comments_blank_lines_and_repeats_are_ignored_and_fragments_kept()
    {
        var list = FeedList.Parse("feeds.txt",
        [
            "# regulators",
            "",
            "https://regulator.example.gov/news.rss   # the main one",
            "  https://press.example.com/feed#cells  ",
            "https://regulator.example.gov/news.rss",
        ]);
        Assert.Empty(list.Errors);
        Assert.Equal(["https://regulator.example.gov/news.rss", "https://press.example.com/feed#cells"], list.Feeds.Select(f => f.AbsoluteUri));
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("javascript:alert(1)")]
    [InlineData("not a url")]
    [InlineData("/relative/feed.xml")]
    public void Lines_that_are_not_http_urls_are_E304_with_file_and_line(string line)
    {
        var list = FeedList.Parse("feeds.txt", ["https://ok.example.com/feed", line]);
        var error = Assert.Single(list.Errors);
        Assert.Equal(ErrorCode.BadFeedList, error.Code);
        Assert.Equal("feeds.txt:2", error.Subject);
        Assert.Single(list.Feeds);
    }

    [Theory]
    [InlineData("30s", 30)]
    [InlineData("15m", 900)]
    [InlineData("1h", 3600)]
    [InlineData("500ms", 0.5)]
    public void Durations_read_seconds_minutes_and_hours(string text, double seconds)
    {
        Assert.True(Durations.TryParse(text, out var d));
        Assert.Equal(TimeSpan.FromSeconds(seconds), d);
    }

    [Theory]
    [InlineData("15")]
    [InlineData("m")]
    [InlineData("1d")]
    [InlineData("-5m")]
    [InlineData("1.5h")]
    public void Durations_without_a_known_unit_are_refused(string text)
    {
        Assert.False(Durations.TryParse(text, out _));
    }
}
