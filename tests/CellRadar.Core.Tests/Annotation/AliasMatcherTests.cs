using CellRadar.Core.Annotation;

namespace CellRadar.Core.Tests.Annotation;

public class AliasMatcherTests
{
    private static readonly AliasMatcher<string> Matcher = new(
    [
        ("India", "IN", false), ("Indiana", "US-IN", false), ("FDA", "FDA", true), ("Food and Drug Administration", "FDA", false),
        ("Thai Food and Drug Administration", "Thai FDA", false), ("U.S.", "US", false), ("Israel's Ministry of Health", "Israel MOH", false),
    ]);

    private static string[] Found(string text) => [.. Matcher.FindAll(text).Select(m => $"{text[m.Start..m.End]}={m.Value}")];

    [Fact]
    public void Phrases_match_only_as_whole_words_longest_first()
    {
        Assert.Equal(["Indiana=US-IN", "India=IN", "Thai Food and Drug Administration=Thai FDA"],
            Found("Indiana and India, not IndiaX or XIndia, and the Thai Food and Drug Administration."));
    }

    [Fact]
    public void Short_capitals_match_case_sensitively_and_words_after_digits_or_letters_are_inside_words()
    {
        Assert.Equal(["FDA=FDA"], Found("fda, 3FDA, FDAs, the FDA"));
    }

    [Fact]
    public void Curly_apostrophes_match_phrases_written_with_straight_ones_and_dotted_phrases_end_cleanly()
    {
        Assert.Equal(["Israel\u2019s Ministry of Health=Israel MOH", "U.S.=US"], Found("Israel\u2019s Ministry of Health and the U.S. agency"));
    }

    [Fact]
    public void Phrases_sharing_a_start_accented_starts_and_phrases_at_the_very_end_are_all_found()
    {
        // The quick reject on the first four characters must agree with the full comparison: across letter case,
        // for phrases shorter than four characters, near the end of the text, and for letters outside ASCII.
        var matcher = new AliasMatcher<string>(
        [
            ("Thailand", "TH", false), ("the agency", "agency", false), ("thymus", "organ", false), ("th", "too short? no: two letters", false),
            ("acc\u00E8s pr\u00E9coce", "EA", false), ("\u00D6kotest", "OK", false), ("NO", "NO", true),
        ]);
        var text = "THAILAND, The Agency, thymus, th; Acc\u00C8s Pr\u00E9coce and \u00F6KOTEST, no, NO";
        Assert.Equal(
            ["THAILAND=TH", "The Agency=agency", "thymus=organ", "th=too short? no: two letters", "Acc\u00C8s Pr\u00E9coce=EA", "\u00F6KOTEST=OK", "NO=NO"],
            [.. matcher.FindAll(text).Select(m => $"{text[m.Start..m.End]}={m.Value}")]);
    }
}
