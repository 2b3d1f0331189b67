using System.Text;

namespace CellRadar.Storage;

/// <summary>
/// Turns what a user typed into an FTS5 query that cannot be a syntax error or an operator: each word becomes a
/// quoted phrase of its letter and digit runs, matched as a prefix ("eque-cel" finds "eque-cel" and "eque cel";
/// "kymr" finds Kymriah), and all words must match.
/// </summary>
public static class SearchQuery
{
    private const int MaxWords = 12;
    private const int MaxWordLength = 64;

    /// <summary>The FTS5 query, or null when the text holds no letter or digit to search for.</summary>
    public static string? ToFts(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var query = new StringBuilder();
        var words = 0;
        foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var phrase = new StringBuilder();
            var inRun = false;
            foreach (var c in word.AsSpan(0, Math.Min(word.Length, MaxWordLength)))
            {
                if (char.IsLetterOrDigit(c))
                {
                    phrase.Append(c);
                    inRun = true;
                }
                else if (inRun)
                {
                    phrase.Append(' ');
                    inRun = false;
                }
            }
            var terms = phrase.ToString().Trim();
            if (terms.Length == 0) continue;
            if (query.Length > 0) query.Append(' ');
            // Only letters, digits and spaces are inside the quotes, so nothing in them is FTS5 syntax.
            query.Append('"').Append(terms).Append("\"*");
            if (++words == MaxWords) break;
        }
        return query.Length == 0 ? null : query.ToString();
    }
}
