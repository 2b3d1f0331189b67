using System.Text.RegularExpressions;
using static CellRadar.Core.Cleaning.FurnitureVocabulary;

namespace CellRadar.Core.Cleaning;

/// <summary>
/// Judges one line on its own. Certain furniture (a UI word, a counter, a sponsor line) gets a role;
/// anything else gets a score from weak signs (an imperative opener, "you", a question, advertising words,
/// Title Case with no verb, a bare number) that only counts when a neighbour is furniture too. Prose
/// (a long line ending like a sentence) never scores, so article sentences survive.
/// </summary>
internal static partial class LineClassifier
{
    /// <summary>Phrase rules apply to lines up to this long; a long paragraph that mentions a newsletter is still article.</summary>
    private const int ShortLine = 260;

    public static LineSignal Classify(ReadOnlySpan<char> line)
    {
        if (line.IsEmpty) return LineSignal.Clean;
        var key = Key(line);
        if (UiLines.Contains(key)) return new(LineRole.Furniture, 5);
        if (ListHeadings.Contains(key)) return new(LineRole.ListHeading, 5);
        if (BioHeadings.Contains(key)) return new(LineRole.BioHeading, 5);
        if (IsCounterLine(line) || ImageCredit().IsMatch(line) || UrlLine().IsMatch(line)) return new(LineRole.Furniture, 5);
        if ((line.Length <= 400 && line.IndexOfAny(SpacedBy) >= 0 && Sponsor().IsMatch(line)) || Copyright().IsMatch(line))
            return new(LineRole.Furniture, 5);

        var words = CountWords(line);
        var prose = IsProse(line, words);
        if (!prose)
        {
            if (line.Length <= ShortLine && BlockStartPhrases.ContainsAny(line)) return new(LineRole.BlockStart, 5);
            if (line.Length <= ShortLine && BlockEndPhrases.ContainsAny(line)) return new(LineRole.BlockEnd, 5);
            if (EventBanner().IsMatch(line)) return new(LineRole.BlockStart, 5);
        }
        if (line.Length <= ShortLine && StrongPhrases.ContainsAny(line)) return new(LineRole.Furniture, 5);
        if (prose)
        {
            // A sentence counts only when it reads as ad copy on several counts, and even then only next to other furniture.
            var copy = (StartsImperative(line) ? 2 : 0) + (AddressesReader(line) ? 1 : 0) + Math.Min(3, MarketingPhrases.CountStarts(line));
            return copy >= 3 ? new(LineRole.Content, copy) : LineSignal.Clean;
        }

        var score = 0;
        if (BareNumber().IsMatch(line)) score += 2;
        if (StartsImperative(line)) score += 2;
        if (AddressesReader(line)) score += 1;
        if (line[^1] == '?' && words <= 20) score += 1;
        score += Math.Min(3, MarketingPhrases.CountStarts(line));
        if (IsTitleWithoutVerb(line, words)) score += 1;
        return score >= 5 ? new(LineRole.Furniture, score) : new(LineRole.Content, score);
    }

    /// <summary>" by " in any letter case, searched vectorised (a plain ignore-case Contains is not).</summary>
    private static readonly System.Buffers.SearchValues<string> SpacedBy = System.Buffers.SearchValues.Create([" by "], StringComparison.OrdinalIgnoreCase);

    /// <summary>A line read as a sentence: many words and sentence punctuation at the end.</summary>
    public static bool IsProse(ReadOnlySpan<char> line, int words) =>
        words >= 16 && line[^1] is '.' or '!' or '"' or '\u201D' or '\'' or '\u2019' or ')' or ';';

    public static int CountWords(ReadOnlySpan<char> line)
    {
        var n = 0;
        var inWord = false;
        foreach (var c in line)
        {
            var space = c == ' ';
            if (!space && !inWord) n++;
            inWord = !space;
        }
        return n;
    }

    /// <summary>The line as a lookup key: bullets, trailing colons and arrows removed.</summary>
    private static ReadOnlySpan<char> Key(ReadOnlySpan<char> line) =>
        line.TrimStart("•·-–—*>›» ").TrimEnd(":.›»>|·• ").Trim();

    /// <summary>"3 SHARES", "Comments · 43 Views", "1.2k views | 5 min read": numbers, counter words and separators only.</summary>
    private static bool IsCounterLine(ReadOnlySpan<char> line)
    {
        if (line.Length > 60) return false;
        var counterWords = 0;
        foreach (var range in line.SplitAny(" ·•|,/-–"))
        {
            var token = line[range];
            if (token.IsEmpty) continue;
            if (CounterNumber().IsMatch(token)) continue;
            if (CounterWord().IsMatch(token)) { counterWords++; continue; }
            return false;
        }
        return counterWords > 0;
    }

    private static bool StartsImperative(ReadOnlySpan<char> line)
    {
        var end = line.IndexOfAny(' ', ',', ':');
        var first = end < 0 ? line : line[..end];
        return first.Length > 1 && char.IsUpper(first[0]) && ImperativeOpeners.Contains(first);
    }

    /// <summary>Speaks to the reader ("will you react", "your inbox") outside a quotation.</summary>
    private static bool AddressesReader(ReadOnlySpan<char> line) =>
        line.IndexOfAny("\"\u201C\u201D") < 0 && SecondPerson().IsMatch(line);

    /// <summary>
    /// Title Case with no sentence end and no lower-case verb-like word: a banner or heading. Counts only
    /// as a weak sign, because article subheadings look the same.
    /// </summary>
    private static bool IsTitleWithoutVerb(ReadOnlySpan<char> line, int words)
    {
        if (words is < 2 or > 12 || line[^1] is '.' or ';' or ',') return false;
        foreach (var range in line.Split(' '))
        {
            var w = line[range].Trim("\"'()[]:,\u201C\u201D\u2018\u2019");
            if (w.IsEmpty || !char.IsLetter(w[0])) continue;
            if (char.IsUpper(w[0])) continue;
            if (SmallWords.Contains(w)) continue;
            return false;
        }
        return true;
    }

    [GeneratedRegex(@"^\d{1,7}$")]
    private static partial Regex BareNumber();

    [GeneratedRegex(@"^\d[\d.,]*[kKmM]?$")]
    private static partial Regex CounterNumber();

    [GeneratedRegex(@"^(?i:shares?|views?|comments?|likes?|reads?|reactions?|responses?|replies|min|mins|minutes?|read)$")]
    private static partial Regex CounterWord();

    [GeneratedRegex(@"^(?i:(?:image|photo|picture|graphic|video|illustration|header image|featured image)s?\s*(?:source|credit|courtesy)s?\s*:|(?:credit|credits|photo|image|caption)\s*:.{0,100}$|(?:photo|image)\s+(?:by|courtesy\s+of)\s+.{0,80}$)")]
    private static partial Regex ImageCredit();

    [GeneratedRegex(@"^(?:[\p{L}\d ,'’\-]{0,60}:\s*)?(?:https?://|www\.)\S+$", RegexOptions.IgnoreCase)]
    private static partial Regex UrlLine();

    // "Cell & Gene Therapy coverage on Pharmaceutical Technology is supported by Cytiva." and "Sponsored by X".
    [GeneratedRegex(@"^.{0,120}\bcoverage\b.{0,120}\b(?:is|are)\s+(?:supported|sponsored|funded|brought\s+to\s+you)\s+by\b.{0,80}$|^(?:sponsored|supported|presented|powered|funded)\s+by\s+.{1,80}$", RegexOptions.IgnoreCase)]
    private static partial Regex Sponsor();

    [GeneratedRegex(@"^(?:©|\(c\)\s|copyright\s+(?:©\s*)?(?:\d{4}|\p{Lu})).{0,200}$", RegexOptions.IgnoreCase)]
    private static partial Regex Copyright();

    // "20 November 2025 | 3:00 PM GMT | ...": a time with a zone, as event and webinar banners print it.
    [GeneratedRegex(@"\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?\s*)?(?:GMT|BST|CET|CEST|ET|EST|EDT|PT|PST|PDT|UTC|JST|CST|SGT|HKT)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EventBanner();

    [GeneratedRegex(@"\b(?i:you|your|yours|you're|you’re|you'll|you’ll)\b")]
    private static partial Regex SecondPerson();
}
