using System.Text;

namespace CellRadar.Storage;

/// <summary>
/// Turns what a user typed into a full-text query that cannot be a syntax error or an operator: each word becomes a
/// phrase of its letter and digit runs, matched as a prefix ("eque-cel" finds "eque-cel" and "eque cel";
/// "kymr" finds Kymriah), and all words must match. The same phrases are written as FTS5 syntax for SQLite
/// (<see cref="ToFts"/>) and as tsquery syntax for PostgreSQL (<see cref="ToTsQuery"/>), so both engines answer
/// the same question.
/// </summary>
public static class SearchQuery
{
    private const int MaxWords = 12;
    private const int MaxWordLength = 64;

    /// <summary>The FTS5 query, or null when the text holds no letter or digit to search for.</summary>
    public static string? ToFts(string? text)
    {
        var query = new StringBuilder();
        foreach (var terms in Phrases(text))
        {
            if (query.Length > 0) query.Append(' ');
            // Only letters, digits and spaces are inside the quotes, so nothing in them is FTS5 syntax.
            query.Append('"').AppendJoin(' ', terms).Append("\"*");
        }
        return query.Length == 0 ? null : query.ToString();
    }

    /// <summary>
    /// The PostgreSQL tsquery (for <c>to_tsquery</c>), or null when the text holds no letter or digit: each word a
    /// phrase of adjacent terms (<c>&lt;-&gt;</c>) whose last term is a prefix (<c>:*</c>), words joined by <c>&amp;</c>.
    /// </summary>
    public static string? ToTsQuery(string? text)
    {
        var query = new StringBuilder();
        foreach (var terms in Phrases(text))
        {
            if (query.Length > 0) query.Append(" & ");
            // Terms are letters and digits only: none of tsquery's operators, quotes or weights can appear.
            query.Append('(').AppendJoin(" <-> ", terms).Append(":*)");
        }
        return query.Length == 0 ? null : query.ToString();
    }

    /// <summary>Each whitespace-separated word of the text as its runs of letters and digits (words without any are dropped).</summary>
    private static IEnumerable<List<string>> Phrases(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) yield break;
        var words = 0;
        foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var terms = new List<string>();
            var span = word.AsSpan(0, Math.Min(word.Length, MaxWordLength));
            var start = -1;
            for (var i = 0; i <= span.Length; i++)
            {
                var inRun = i < span.Length && char.IsLetterOrDigit(span[i]);
                if (inRun && start < 0) start = i;
                else if (!inRun && start >= 0)
                {
                    terms.Add(span[start..i].ToString());
                    start = -1;
                }
            }
            if (terms.Count == 0) continue;
            yield return terms;
            if (++words == MaxWords) yield break;
        }
    }
}
