using System.Buffers;

namespace CellRadar.Core.Annotation;

/// <summary>
/// Finds whole-word occurrences of many phrases in one pass. A vectorised <see cref="SearchValues{T}"/>
/// scan jumps to the next place where any phrase may start; a table keyed by the first two letters then
/// tries the candidate phrases there, longest first. Matches never overlap: the longest at a position wins
/// and the scan resumes after it.
/// </summary>
/// <remarks>
/// Common starts ("th", "in", "co") have dozens of candidates, and comparing each in full was most of the
/// cost. Each candidate therefore carries its first four characters folded to lower case in one
/// <see cref="ulong"/>; the text at the position is folded once, and a candidate whose four characters
/// differ is skipped with one compare. The fold is exact only for ASCII, so it is used only where both the
/// phrase's and the text's first characters are ASCII; anything else gets the full comparison as before.
/// </remarks>
public sealed class AliasMatcher<T>
{
    private readonly SearchValues<string> _starts;
    private readonly Dictionary<int, Entry[]> _byPrefix;

    /// <summary>The candidates for two ASCII starting characters, lower-cased: index <c>a * 128 + b</c>.</summary>
    private readonly Entry[]?[] _byAsciiPrefix = new Entry[]?[128 * 128];

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
        foreach (var (key, candidates) in _byPrefix)
        {
            int a = key >> 16, b = key & 0xFFFF;
            if (a < 128 && b < 128) _byAsciiPrefix[a * 128 + b] = candidates;
        }
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
            var candidates = CandidatesAt(text, i);
            if (candidates is not null && IsStart(span, i))
            {
                var matched = false;
                var head = FoldedHead(span[i..], out var headIsAscii);
                foreach (var e in candidates)
                {
                    var end = i + e.Phrase.Length;
                    if (end > text.Length) continue;
                    if (headIsAscii && e.HeadIsAscii && (head & e.HeadMask) != e.Head) continue;
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

    private Entry[]? CandidatesAt(string text, int i)
    {
        char a = text[i], b = text[i + 1];
        if (a < 128 && b < 128) return _byAsciiPrefix[AsciiLower(a) * 128 + AsciiLower(b)];
        return _byPrefix.GetValueOrDefault(Key(a, b));
    }

    /// <summary>Up to the first four characters of <paramref name="s"/>, ASCII lower-cased, 16 bits each; <paramref name="isAscii"/> is false when one is not ASCII.</summary>
    private static ulong FoldedHead(ReadOnlySpan<char> s, out bool isAscii)
    {
        ulong head = 0;
        var n = Math.Min(4, s.Length);
        for (var k = 0; k < n; k++)
        {
            var c = s[k];
            if (c >= 128) { isAscii = false; return 0; }
            head |= (ulong)AsciiLower(c) << (16 * k);
        }
        isAscii = true;
        return head;
    }

    /// <summary>The bits of <see cref="FoldedHead"/> that a phrase of <paramref name="length"/> characters fills.</summary>
    private static ulong MaskFor(int length) => length >= 4 ? ulong.MaxValue : (1UL << (16 * length)) - 1;

    private static int AsciiLower(char c) => c is >= 'A' and <= 'Z' ? c + 32 : c;

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

    private sealed class Entry
    {
        public Entry(string phrase, T value, bool caseSensitive)
        {
            Phrase = phrase;
            Value = value;
            CaseSensitive = caseSensitive;
            Head = FoldedHead(phrase, out var ascii);
            HeadIsAscii = ascii;
            HeadMask = MaskFor(phrase.Length);
        }

        public string Phrase { get; }
        public T Value { get; }
        public bool CaseSensitive { get; }
        /// <summary>The phrase's first characters as <see cref="FoldedHead"/> gives them, for the quick reject.</summary>
        public ulong Head { get; }
        public ulong HeadMask { get; }
        public bool HeadIsAscii { get; }
    }
}
