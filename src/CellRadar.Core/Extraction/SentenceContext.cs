using System.Text.RegularExpressions;
using CellRadar.Core.Annotation;
using CellRadar.Core.Model;

namespace CellRadar.Core.Extraction;

/// <summary>One sentence with the mentions inside it and helpers to measure distances in words.</summary>
internal sealed partial class SentenceContext
{
    public SentenceContext(string text, TextSpan span, IReadOnlyList<Mention> mentions, int index)
    {
        Text = text;
        Span = span;
        Mentions = mentions;
        Index = index;
        _types = TypesOf(mentions, out _cueTypes);
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

    // The rules ask for the same few mention types and cue types dozens of times per sentence, most often for
    // types the sentence does not hold. Which types it holds is noted once (two bit sets); a type it lacks gets a
    // shared empty answer, and a type it holds gets a list made on first use, instead of a fresh filtering
    // iterator and closure per question.
    private readonly ulong _types;
    private readonly ulong _cueTypes;
    private List<Mention>?[]? _ofType;
    private List<Mention>?[]? _cuesOfType;
    private static readonly int MentionTypeCount = Enum.GetValues<MentionType>().Max(t => (int)t) + 1;
    private static readonly int CueTypeCount = Enum.GetValues<CueType>().Max(t => (int)t) + 1 is var n and <= 64
        ? n : throw new InvalidOperationException("CueType has outgrown the 64-bit set of cue types a sentence holds.");
    private static readonly Dictionary<string, CueType> CueTypeByKey = Enum.GetValues<CueType>().ToDictionary(t => t.ToString(), StringComparer.Ordinal);

    private static ulong TypesOf(IReadOnlyList<Mention> mentions, out ulong cueTypes)
    {
        ulong types = 0;
        cueTypes = 0;
        for (var i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            types |= 1UL << (int)m.Type;
            if (m.Type == MentionType.Cue && CueTypeByKey.TryGetValue(m.Key, out var cue)) cueTypes |= 1UL << (int)cue;
        }
        return types;
    }

    /// <summary>The sentence's mentions of one type, in text order. Read-only for callers.</summary>
    public IEnumerable<Mention> Of(MentionType type)
    {
        if ((_types & (1UL << (int)type)) == 0) return [];
        ref var list = ref (_ofType ??= new List<Mention>?[MentionTypeCount])[(int)type];
        if (list is null)
        {
            list = [];
            for (var i = 0; i < Mentions.Count; i++)
                if (Mentions[i].Type == type) list.Add(Mentions[i]);
        }
        return list;
    }

    /// <summary>The sentence's cue words of one type, in text order. Read-only for callers.</summary>
    public IEnumerable<Mention> Cues(CueType type) => Has(type) ? CueList(type) : [];

    public bool Has(CueType type) => (_cueTypes & (1UL << (int)type)) != 0;

    private List<Mention> CueList(CueType type)
    {
        ref var list = ref (_cuesOfType ??= new List<Mention>?[CueTypeCount])[(int)type];
        if (list is null)
        {
            var key = type.ToString();
            list = [];
            for (var i = 0; i < Mentions.Count; i++)
                if (Mentions[i].Type == MentionType.Cue && Mentions[i].Key == key) list.Add(Mentions[i]);
        }
        return list;
    }

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
                // "the U.S. Food and Drug Administration", "Janssen Biotech Inc. said": a full stop the sentence
                // splitter left inside the sentence mostly ends an abbreviation, which cuts no clause.
                if (marker != ". " || !Abbreviation().IsMatch(s[..(from + i + 1)]))
                    _cuts.Add(new TextSpan(at, at + marker.Length));
                from += i + marker.Length;
            }
        }
        // "lifileucel won accelerated approval in February, and afamitresgene autoleucel was approved in August": ", and"
        // followed by a product opens a clause with a subject of its own.
        foreach (var m in Mentions)
        {
            if (m.Type != MentionType.Product || m.Start - Span.Start < 6) continue;
            var before = Text.AsSpan(m.Start - 6, 6);
            // Only when the product goes on to an act of its own: "..., and Lyfgenia (lovo-cel) from bluebird bio" ends a list.
            if (before.SequenceEqual(", and ") && Mentions.Any(c => c.Type == MentionType.Cue && c.Start > m.End
                    && c.Key is nameof(CueType.ApproveVerb) or nameof(CueType.ApprovalNoun) or nameof(CueType.GrantVerb) or nameof(CueType.Reject) or nameof(CueType.Withdraw) or nameof(CueType.Submit) or nameof(CueType.Accept)))
                _cuts.Add(new TextSpan(m.Start - 6, m.Start));
        }
        _cuts.Sort((a, b) => a.Start.CompareTo(b.Start));
        return _cuts;
    }

    [GeneratedRegex(@"(?:\b(?:\p{L}\.){2,}|\b\p{Lu}\.|\b(?:Inc|Ltd|Co|Corp|Dr|Mr|Mrs|Ms|Prof|No|Nos|St|vs|Jr|Sr|approx|e\.g|i\.e|etc|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.)$", RegexOptions.CultureInvariant | RegexOptions.RightToLeft)]
    private static partial Regex Abbreviation();

    private static readonly string[] ClauseMarkers =
    [
        ";", ", while ", ", whereas ", ", with ", " but ", ", which ", " while ", ", and the ", ", and it ",
        ", after which ", ". ", " and is now ", ", following ", ", a move ", " whereas ", ", and that ",
    ];
}
