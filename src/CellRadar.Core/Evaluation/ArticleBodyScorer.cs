using System.Globalization;
using System.Text;

namespace CellRadar.Core.Evaluation;

/// <summary>
/// The article-body benchmark's metric. Tokens are runs of word characters; shingles are runs of four
/// consecutive tokens counted with multiplicity (a text of fewer tokens is one shingle). Per page the true
/// positives, false positives and false negatives are divided by their sum, so long and short pages weigh
/// the same; precision and recall are averaged over pages and F1 is computed from the two averages.
/// A page with nothing expected and nothing extracted scores 1 on both; a page with nothing extracted has
/// no precision (it is left out of that average) and recall 0.
/// </summary>
public sealed class ArticleBodyScorer
{
    private const int ShingleLength = 4;

    private double _precisionSum;
    private int _precisionPages;
    private double _recallSum;
    private int _recallPages;

    public int Pages { get; private set; }

    public double Precision => _precisionPages == 0 ? 0 : _precisionSum / _precisionPages;

    public double Recall => _recallPages == 0 ? 0 : _recallSum / _recallPages;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Scores one page and adds it to the averages.</summary>
    public BodyMatch Add(string expected, string extracted)
    {
        var m = Compare(expected, extracted);
        Add(m);
        return m;
    }

    public void Add(BodyMatch match)
    {
        Pages++;
        if (match.Precision is { } p) { _precisionSum += p; _precisionPages++; }
        if (match.Recall is { } r) { _recallSum += r; _recallPages++; }
    }

    /// <summary>The normalised shingle overlap of one page.</summary>
    public static BodyMatch Compare(string expected, string extracted)
    {
        var want = Shingles(expected);
        var got = Shingles(extracted);
        long tp = 0, fp = 0, fn = 0;
        foreach (var (shingle, n) in got)
        {
            var w = want.GetValueOrDefault(shingle);
            tp += Math.Min(n, w);
            fp += Math.Max(0, n - w);
        }
        foreach (var (shingle, w) in want)
        {
            fn += Math.Max(0, w - got.GetValueOrDefault(shingle));
        }
        double sum = tp + fp + fn;
        return sum == 0 ? new BodyMatch(0, 0, 0) : new BodyMatch(tp / sum, fp / sum, fn / sum);
    }

    /// <summary>Runs of word characters: letters, digits (any numeric category) and underscores.</summary>
    public static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var start = -1;
        var i = 0;
        while (i < text.Length)
        {
            Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var used);
            if (IsWord(rune))
            {
                if (start < 0) start = i;
            }
            else if (start >= 0)
            {
                tokens.Add(text[start..i]);
                start = -1;
            }
            i += Math.Max(used, 1);
        }
        if (start >= 0) tokens.Add(text[start..]);
        return tokens;
    }

    private static Dictionary<string, int> Shingles(string text)
    {
        var tokens = Tokens(text);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        if (tokens.Count == 0) return counts;
        var n = Math.Max(1, tokens.Count - ShingleLength + 1);
        var sb = new StringBuilder();
        for (var i = 0; i < n; i++)
        {
            sb.Clear();
            for (var j = i; j < Math.Min(tokens.Count, i + ShingleLength); j++)
            {
                // Tokens hold no white space, so a space keeps shingles apart unambiguously.
                if (j > i) sb.Append(' ');
                sb.Append(tokens[j]);
            }
            var key = sb.ToString();
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        return counts;
    }

    private static bool IsWord(Rune r)
    {
        if (r.Value == '_') return true;
        return Rune.GetUnicodeCategory(r) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
            _ => false,
        };
    }
}

/// <summary>One page's shingle overlap, each share of the page's total (so the three add up to 1, or are all 0).</summary>
public readonly record struct BodyMatch(double TruePositives, double FalsePositives, double FalseNegatives)
{
    private bool Nothing => TruePositives == 0 && FalsePositives == 0 && FalseNegatives == 0;

    /// <summary>Null when nothing was extracted but something was expected (the page has no precision).</summary>
    public double? Precision => Nothing ? 1 : TruePositives + FalsePositives == 0 ? null : TruePositives / (TruePositives + FalsePositives);

    /// <summary>Null when nothing was expected but something was extracted (the page has no recall).</summary>
    public double? Recall => Nothing ? 1 : TruePositives + FalseNegatives == 0 ? null : TruePositives / (TruePositives + FalseNegatives);

    public double F1
    {
        get
        {
            var p = Precision ?? 0;
            var r = Recall ?? 0;
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }
}
