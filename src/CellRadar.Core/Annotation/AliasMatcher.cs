using System.Buffers;

namespace CellRadar.Core.Annotation;

/// <summary>
/// Finds whole-word occurrences of many phrases in one pass. A vectorised <see cref="SearchValues{T}"/>
/// scan jumps to the next place where any phrase may start; a table keyed by the first two letters then
/// tries the candidate phrases there, longest first. Matches never overlap: the longest at a position wins
/// and the scan resumes after it.
/// </summary>
public sealed class AliasMatcher<T>
{
    private readonly SearchValues<string> _starts;
    private readonly Dictionary<int, Entry[]> _byPrefix;

    /// <param name="phrases">
    /// Each phrase with its value and whether its letter case must match exactly (acronyms such as
    /// <c>DOH</c> would otherwise hit ordinary words).
    /// </param>
    public AliasMatcher(IEnumerable<(string Phrase, T Value, bool CaseSensitive)> phrases)
    {
        var entries = new List<Entry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (phrase, value, caseSensitive) in phrases)
        {
            var p = phrase.Trim();
            if (p.Length < 2) continue;
            // The same phrase twice keeps the first value: callers list the most specific source first.
            if (!seen.Add((caseSensitive ? "S" : "I") + (caseSensitive ? p : p.ToLowerInvariant()))) continue;
            entries.Add(new Entry(p, value, caseSensitive));
        }
        _byPrefix = entries
            .GroupBy(e => Key(e.Phrase[0], e.Phrase[1]))
            .ToDictionary(g => g.Key, g => g.OrderByDescending(e => e.Phrase.Length).ToArray());
        // Two-letter starts, searched case-insensitively; the exact check follows per entry.
        _starts = SearchValues.Create(
            entries.Select(e => e.Phrase[..2]).Distinct(StringComparer.OrdinalIgnoreCase).ToArray(),
            StringComparison.OrdinalIgnoreCase);
        Count = entries.Count;
    }

    public int Count { get; }

    /// <summary>Calls <paramref name="onMatch"/> for each match, left to right.</summary>
    public void FindAll(string text, Action<int, int, T> onMatch)
    {
        var span = text.AsSpan();
        var i = 0;
        while (i < text.Length - 1)
        {
            // A phrase starts only after a non-letter: skip the rest of a word in one vectorised step
            // rather than stopping at every two letters inside it that begin some phrase.
            if (i > 0 && char.IsLetterOrDigit(text[i - 1]))
            {
                var rel = span[i..].IndexOfAnyExcept(AsciiLettersAndDigits);
                if (rel < 0) return;
                // Every position up to and including the first non-ASCII-alphanumeric follows a letter or digit.
                i += rel + 1;
                continue;
            }
            if (_byPrefix.TryGetValue(Key(text[i], text[i + 1]), out var candidates) && IsStart(span, i))
            {
                var matched = false;
                foreach (var e in candidates)
                {
                    var end = i + e.Phrase.Length;
                    if (end > text.Length) continue;
                    var slice = span.Slice(i, e.Phrase.Length);
                    var equal = e.CaseSensitive
                        ? slice.SequenceEqual(e.Phrase)
                        : slice.Equals(e.Phrase, StringComparison.OrdinalIgnoreCase) || EqualsFoldingQuotes(slice, e.Phrase);
                    if (!equal || !IsBoundaryAfter(text, end, e.Phrase)) continue;
                    onMatch(i, end, e.Value);
                    i = end;
                    matched = true;
                    break;
                }
                if (matched) continue;
            }
            i++;
        }
    }

    private static readonly SearchValues<char> AsciiLettersAndDigits =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");

    /// <summary>
    /// True where the start table's case-insensitive search would stop: it agrees with the lower-cased key for
    /// ASCII, and is asked directly for the rare other letters (the Kelvin sign lower-cases to k but does not
    /// compare equal to it).
    /// </summary>
    private bool IsStart(ReadOnlySpan<char> text, int i) =>
        text[i] < 0x80 && text[i + 1] < 0x80 || text.Slice(i, 2).IndexOfAny(_starts) == 0;

    public List<(int Start, int End, T Value)> FindAll(string text)
    {
        var list = new List<(int, int, T)>();
        FindAll(text, (s, e, v) => list.Add((s, e, v)));
        return list;
    }

    private static int Key(char a, char b) => (char.ToLowerInvariant(a) << 16) | char.ToLowerInvariant(b);

    private static bool IsBoundaryAfter(string text, int end, string phrase)
    {
        if (end >= text.Length) return true;
        var next = text[end];
        // "U.S." ends in a dot; any following character is then fine but a letter glued on.
        if (!char.IsLetterOrDigit(phrase[^1])) return !char.IsLetter(next);
        return !char.IsLetterOrDigit(next);
    }

    // Scraped text mixes ' and ’; phrases are written with '.
    private static bool EqualsFoldingQuotes(ReadOnlySpan<char> slice, string phrase)
    {
        if (!phrase.Contains('\'')) return false;
        for (var k = 0; k < slice.Length; k++)
        {
            var a = slice[k] == '\u2019' ? '\'' : char.ToLowerInvariant(slice[k]);
            if (a != char.ToLowerInvariant(phrase[k])) return false;
        }
        return true;
    }

    private sealed record Entry(string Phrase, T Value, bool CaseSensitive);
}
