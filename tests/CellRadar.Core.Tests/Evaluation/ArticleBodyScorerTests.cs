using CellRadar.Core.Evaluation;

namespace CellRadar.Core.Tests.Evaluation;

public sealed class ArticleBodyScorerTests
{
    [Fact]
    public void Identical_text_scores_one_whatever_the_punctuation_and_spacing()
    {
        var m = ArticleBodyScorer.Compare("The agency approved it on Monday.\n\nShares rose.", "The agency  approved it, on Monday -- Shares rose");

        Assert.Equal(1.0, m.Precision);
        Assert.Equal(1.0, m.Recall);
        Assert.Equal(1.0, m.F1);
    }

    [Fact]
    public void Extra_text_lowers_precision_only_and_shares_are_normalised()
    {
        // Expected: a b c d e -> 2 shingles. Extracted adds f g -> 4 shingles, 2 of them extra.
        var m = ArticleBodyScorer.Compare("a b c d e", "a b c d e f g");

        Assert.Equal(0.5, m.TruePositives, 6);
        Assert.Equal(0.5, m.FalsePositives, 6);
        Assert.Equal(0.0, m.FalseNegatives, 6);
        Assert.Equal(0.5, m.Precision!.Value, 6);
        Assert.Equal(1.0, m.Recall!.Value, 6);
    }

    [Fact]
    public void Missing_text_lowers_recall_only()
    {
        var m = ArticleBodyScorer.Compare("one two three four five six", "one two three four");

        // Expected shingles: 3; extracted: 1, which is among them.
        Assert.Equal(1.0, m.Precision!.Value, 6);
        Assert.Equal(1.0 / 3, m.Recall!.Value, 6);
    }

    [Fact]
    public void Repeated_shingles_count_with_multiplicity()
    {
        // "x y z w" twice in the extraction but once in the truth: the second copy is a false positive.
        var m = ArticleBodyScorer.Compare("x y z w", "x y z w . x y z w");

        Assert.True(m.FalsePositives > 0);
        Assert.True(m.Precision < 1);
        Assert.Equal(1.0, m.Recall);
    }

    [Fact]
    public void Text_shorter_than_a_shingle_is_one_shingle()
    {
        Assert.Equal(1.0, ArticleBodyScorer.Compare("Hello world", "Hello, world!").Recall);
        Assert.Equal(0.0, ArticleBodyScorer.Compare("Hello world", "Goodbye world").F1);
    }

    [Fact]
    public void Tokens_are_unicode_word_runs_and_case_matters()
    {
        Assert.Equal(["Café", "naïve", "서울", "2019", "x_y"], ArticleBodyScorer.Tokens("Café, naïve — 서울 (2019) x_y!"));
        Assert.Equal(0.0, ArticleBodyScorer.Compare("Alpha beta gamma delta", "alpha beta gamma delta").F1);
    }

    [Fact]
    public void Nothing_expected_and_nothing_extracted_scores_one()
    {
        var m = ArticleBodyScorer.Compare("", "  ... ");

        Assert.Equal(1.0, m.Precision);
        Assert.Equal(1.0, m.Recall);
    }

    [Fact]
    public void Nothing_extracted_has_no_precision_and_zero_recall()
    {
        var m = ArticleBodyScorer.Compare("Some expected body text here.", "");

        Assert.Null(m.Precision);
        Assert.Equal(0.0, m.Recall);
    }

    [Fact]
    public void Pages_weigh_the_same_and_f1_comes_from_the_averages()
    {
        var scorer = new ArticleBodyScorer();
        // A long perfect page and a short page with half its shingles extra.
        var longText = string.Join(' ', Enumerable.Range(0, 400).Select(i => "w" + i));
        scorer.Add(longText, longText);
        scorer.Add("a b c d e", "a b c d e f g");

        Assert.Equal(2, scorer.Pages);
        Assert.Equal(0.75, scorer.Precision, 6);
        Assert.Equal(1.0, scorer.Recall, 6);
        Assert.Equal(2 * 0.75 / 1.75, scorer.F1, 6);
    }

    [Fact]
    public void A_page_with_nothing_extracted_counts_in_recall_but_not_in_precision()
    {
        var scorer = new ArticleBodyScorer();
        scorer.Add("one two three four", "one two three four");
        scorer.Add("five six seven eight", "");

        Assert.Equal(1.0, scorer.Precision, 6);
        Assert.Equal(0.5, scorer.Recall, 6);
    }
}
