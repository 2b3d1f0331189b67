using CellRadar.Core.Annotation;
using CellRadar.Core.Model;

namespace CellRadar.Core.Extraction;

/// <summary>One sentence with the mentions inside it and helpers to measure distances in words.</summary>
internal sealed class SentenceContext
{
    public SentenceContext(string text, TextSpan span, IReadOnlyList<Mention> mentions, int index)
    {
        Text = text;
        Span = span;
        Mentions = mentions;
        Index = index;
    }

    public string Text { get; }
    public TextSpan Span { get; }
    public IReadOnlyList<Mention> Mentions { get; }
    public int Index { get; }

    /// <summary>The words of a mention as they stand in the text.</summary>
    public ReadOnlySpan<char> TextOf(Mention m) => Text.AsSpan(m.Start, m.Span.Length);

    /// <summary>Up to <paramref name="chars"/> characters before <paramref name="position"/>, not reaching back past <paramref name="floor"/>.</summary>
    public ReadOnlySpan<char> Before(int position, int chars, int floor) =>
        Text.AsSpan(Math.Max(floor, position - chars), Math.Min(chars, position - floor));

    /// <summary>Up to <paramref name="chars"/> characters from <paramref name="position"/>, not reaching past <paramref name="ceiling"/>.</summary>
    public ReadOnlySpan<char> After(int position, int chars, int ceiling) =>
        Text.AsSpan(position, Math.Min(chars, ceiling - position));

    public IEnumerable<Mention> Of(MentionType type) => Mentions.Where(m => m.Type == type);

    public IEnumerable<Mention> Cues(CueType type)
    {
        var key = type.ToString();
        return Mentions.Where(m => m.Type == MentionType.Cue && m.Key == key);
    }

    public bool Has(CueType type) => Cues(type).Any();

    /// <summary>Words strictly between two positions (a cheap token distance).</summary>
    public int WordsBetween(int a, int b)
    {
        if (a > b) (a, b) = (b, a);
        var words = 0;
        var inWord = false;
        for (var i = a; i < b && i < Text.Length; i++)
        {
            var w = char.IsLetterOrDigit(Text[i]);
            if (w && !inWord) words++;
            inWord = w;
        }
        return words;
    }

    /// <summary>Word distance between two mentions, 0 when they touch or overlap.</summary>
    public int Distance(Mention x, Mention y) =>
        x.End <= y.Start ? WordsBetween(x.End, y.Start) : y.End <= x.Start ? WordsBetween(y.End, x.Start) : 0;

    /// <summary>The clause around a position: sentence cut at ';' and at clause-opening connectives.</summary>
    public TextSpan ClauseAt(int position)
    {
        var start = Span.Start;
        var end = Span.End;
        foreach (var cut in ClauseCuts())
        {
            if (cut.Start >= position) { end = Math.Min(end, cut.Start); break; }
            start = Math.Max(start, cut.End);
        }
        return new TextSpan(start, end);
    }

    private List<TextSpan>? _cuts;

    private List<TextSpan> ClauseCuts()
    {
        if (_cuts is not null) return _cuts;
        _cuts = [];
        var s = Text.AsSpan(Span.Start, Span.Length);
        foreach (var marker in ClauseMarkers)
        {
            var from = 0;
            while (from < s.Length)
            {
                var i = s[from..].IndexOf(marker, StringComparison.OrdinalIgnoreCase);
                if (i < 0) break;
                var at = Span.Start + from + i;
                _cuts.Add(new TextSpan(at, at + marker.Length));
                from += i + marker.Length;
            }
        }
        _cuts.Sort((a, b) => a.Start.CompareTo(b.Start));
        return _cuts;
    }

    private static readonly string[] ClauseMarkers =
    [
        ";", ", while ", ", whereas ", ", with ", " but ", ", which ", " while ", ", and the ", ", and it ",
        ", after which ", ". ", " and is now ", ", following ", ", a move ", " whereas ", ", and that ",
    ];
}
