using CellRadar.Core.Annotation;
using CellRadar.Core.Model;

namespace CellRadar.Core.Tests.Annotation;

public class SentenceSplitterTests
{
    private static List<string> Split(string text)
    {
        var spans = new List<TextSpan>();
        SentenceSplitter.Split(text, spans);
        return spans.Select(s => text[s.Start..s.End]).ToList();
    }

    [Fact]
    public void Abbreviations_and_initials_do_not_end_a_sentence()
    {
        var s = Split("CARsgen Therapeutics Co. Ltd. said Dr. J. Smith agreed. The U.S. FDA approved it on Jan. 5.");
        Assert.Equal(["CARsgen Therapeutics Co. Ltd. said Dr. J. Smith agreed.", "The U.S. FDA approved it on Jan. 5."], s);
    }

    [Fact]
    public void Every_line_is_its_own_sentence()
    {
        Assert.Equal(["Headline without a stop", "Body text."], Split("Headline without a stop\nBody text."));
    }

    [Fact]
    public void Closing_quote_stays_with_its_sentence()
    {
        Assert.Equal(["“It is approved.”", "He left."], Split("“It is approved.” He left."));
    }

    [Fact]
    public void Decimals_do_not_split()
    {
        Assert.Single(Split("Response rates reached 73.5 percent in the study."));
    }
}
