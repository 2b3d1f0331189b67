using System.Buffers;
using CellRadar.Core.Cleaning;

namespace CellRadar.Core.Tests.Cleaning;

public class PhraseSetTests
{
    private static readonly string[] Phrases = ["don't miss", "don\u2019t miss", "don\u2019t", "miss out", "webinar", "sign up"];

    private static readonly string[] Lines =
    [
        "Don\u2019t miss our WEBINAR: sign up today",
        "don't miss it, don\u2019t MISS out, don\u2019t",
        "Webinar webinar webinar",
        "Nothing to see here \u2014 \u201Cquoted\u201D",
        "",
        "DON\u2019T MISS OUT",
    ];

    /// <summary>What one search over all the phrases gives: the positions where some phrase begins.</summary>
    private static int ReferenceCount(ReadOnlySpan<char> line)
    {
        var all = SearchValues.Create(Phrases, StringComparison.OrdinalIgnoreCase);
        var n = 0;
        for (var i = line.IndexOfAny(all); i >= 0; i = line.IndexOfAny(all))
        {
            n++;
            line = line[(i + 1)..];
        }
        return n;
    }

    [Fact]
    public void Counts_and_finds_exactly_what_one_search_over_all_phrases_finds_with_curly_apostrophes_in_any_case()
    {
        var set = new PhraseSet(Phrases);
        foreach (var line in Lines)
        {
            Assert.Equal(ReferenceCount(line), set.CountStarts(line));
            Assert.Equal(ReferenceCount(line) > 0, set.ContainsAny(line));
        }
    }

    [Fact]
    public void A_curly_phrase_is_found_only_with_its_curly_apostrophe()
    {
        var set = new PhraseSet("don\u2019t have an account");
        Assert.True(set.ContainsAny("Don\u2019t have an account? Register"));
        Assert.False(set.ContainsAny("Don't have an account? Register"));
    }
}
