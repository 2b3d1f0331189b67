using System.Text.RegularExpressions;
using CellRadar.Core.Annotation;

namespace CellRadar.Core.Extraction;

/// <summary>What the whole item says, for references across sentences: its products and agencies in order.</summary>
internal sealed partial class DocumentState
{
    private readonly List<Mention> _products;
    private readonly List<Mention> _agencies;

    private readonly IReadOnlyList<CellRadar.Core.Model.TextSpan> _sentences;

    public DocumentState(string text, IReadOnlyList<Mention> mentions, IReadOnlyList<CellRadar.Core.Model.TextSpan> sentences)
    {
        _sentences = sentences;
        _products = mentions.Where(m => m.Type == MentionType.Product).ToList();
        // "ALSO READ: Hyderabad CDMO bags USFDA EIR ...": a link to another story names no agency of this one.
        _agencies = mentions.Where(m => m.Type == MentionType.Agency && !InLinkLine(text, m)).ToList();
        DistinctProducts = _products.Select(p => p.Key).Distinct(StringComparer.OrdinalIgnoreCase).Count();
        _text = text;
        _places = mentions.Where(m => m.Type == MentionType.Jurisdiction && !ArgumentBinder.NamesActorsNotPlace(text, m) && !InLinkLine(text, m)).ToList();
        // Every place the item names, through an agency or by name, counted once per mention; "Chinese
        // companies", "a US-based biotech" say who acts, not where, and do not count.
        var counts = _agencies.Select(m => m.Detail)
            .Concat(mentions.Where(m => m.Type == MentionType.Jurisdiction && !ArgumentBinder.NamesActorsNotPlace(text, m) && !InLinkLine(text, m)).Select(m => m.Key))
            .GroupBy(c => c, StringComparer.Ordinal).Select(g => (Code: g.Key, Count: g.Count())).OrderByDescending(g => g.Count).ToList();
        NamesNoPlace = counts.Count == 0;
        if (counts.Count == 0) return;
        var top = (counts[0].Code, _agencies.FirstOrDefault(a => a.Detail == counts[0].Code)?.Key ?? "");
        if (counts.Count == 1)
        {
            SoleJurisdiction = top;
            SoleJurisdictionNamedOnce = counts[0].Count == 1 && _agencies.Count == 0;
        }
        var total = counts.Sum(c => c.Count);
        if (counts[0].Count >= 3 && counts[0].Count * 10 >= total * 6) DominantJurisdiction = top;
        if (counts[0].Count >= 4 && counts[0].Count * 4 >= total * 3) OverwhelmingJurisdiction = top;
    }

    public int DistinctProducts { get; }

    /// <summary>True when the item names no place and no agency at all (outside link lines).</summary>
    public bool NamesNoPlace { get; }

    private readonly string _text;
    private readonly List<Mention> _places;

    /// <summary>
    /// The one place the sentence before <paramref name="index"/> names (through agencies or by name), when
    /// that sentence is in the same paragraph: "... reached US patients after FDA approval. Then, in 2024,
    /// lifileucel won accelerated approval" continues in the US. Null when it names none or several.
    /// </summary>
    public (string Code, string Agency)? PlaceOfPreviousSentence(int index)
    {
        if (index <= 0 || index >= _sentences.Count) return null;
        var previous = _sentences[index - 1];
        var gap = _text.AsSpan(previous.End, Math.Max(0, _sentences[index].Start - previous.End));
        if (gap.Contains('\n')) return null;
        string? code = null;
        var agency = "";
        foreach (var a in _agencies)
        {
            if (a.Start < previous.Start || a.End > previous.End) continue;
            if (code is not null && code != a.Detail) return null;
            code = a.Detail;
            if (agency.Length == 0) agency = a.Key;
        }
        foreach (var p in _places)
        {
            if (p.Start < previous.Start || p.End > previous.End) continue;
            if (code is not null && code != p.Key) return null;
            code = p.Key;
        }
        return code is null ? null : (code, agency);
    }

    private static bool InLinkLine(string text, Mention m)
    {
        var lineStart = m.Start == 0 ? 0 : text.LastIndexOf('\n', m.Start - 1) + 1;
        return LinkLead().IsMatch(text.AsSpan(lineStart, Math.Min(40, text.Length - lineStart)));
    }

    [GeneratedRegex(@"^\W*(?:Read\s+more|See\s+also|Related(?:\s+stories|\s+articles|\s+news|\s+content)?|More\s+on\s+this|Also\s+read|Further\s+reading|You\s+may\s+also\s+like|Most\s+read|Popular)\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LinkLead();

    /// <summary>The place three in four of the item's places and agencies are (four at least); null otherwise.</summary>
    public (string Code, string Agency)? OverwhelmingJurisdiction { get; }

    /// <summary>The only jurisdiction the item names at all, with its first-named agency; null when it names several or none.</summary>
    public (string Code, string Agency)? SoleJurisdiction { get; }

    /// <summary>The sole jurisdiction is named once, by place name only ("making China one of the fastest-growing markets"): no regulator acts in the item.</summary>
    public bool SoleJurisdictionNamedOnce { get; }

    /// <summary>The place most of the item's places and agencies are (six in ten, three at least); null otherwise.</summary>
    public (string Code, string Agency)? DominantJurisdiction { get; }

    /// <summary>
    /// The product a reference at <paramref name="position"/> most likely means: the one named most often
    /// so far (a combination partner named once does not take over), the latest named between equals;
    /// with none named yet, the first one named after.
    /// </summary>
    /// <summary>
    /// The product a markdown heading above <paramref name="position"/> names ("## Teclistamab (Tecvayli), BCMAxCD3,
    /// Janssen"), when the heading names exactly one: a reference page's section is about that product.
    /// </summary>
    public Mention? SectionProduct(int position)
    {
        if (position <= 0 || position > _text.Length) return null;
        var at = _text.LastIndexOf("\n#", position - 1, StringComparison.Ordinal);
        int start;
        if (at >= 0) start = at + 1;
        else if (_text.StartsWith('#')) start = 0;
        else return null;
        var end = _text.IndexOf('\n', start);
        if (end < 0 || end > position) end = position;
        Mention? only = null;
        foreach (var p in _products)
        {
            if (p.Start < start) continue;
            if (p.Start >= end) break;
            if (only is not null && only.Key != p.Key) return null;
            only ??= p;
        }
        return only;
    }

    public Mention? SalientProduct(int position)
    {
        Mention? best = null;
        var bestCount = 0;
        var counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in _products)
        {
            if (p.End > position) break;
            var c = counts[p.Key] = counts.GetValueOrDefault(p.Key) + 1;
            if (c >= bestCount || best?.Key == p.Key) { best = p; bestCount = Math.Max(c, bestCount); }
        }
        if (best is not null && counts[best.Key] < bestCount)
            best = _products.Last(p => p.End <= position && counts[p.Key] == bestCount);
        return best ?? _products.FirstOrDefault();
    }

    public Mention? LastAgencyBefore(int position) => _agencies.LastOrDefault(a => a.End <= position);

    /// <summary>Where sentence <paramref name="index"/> starts (0 before the first).</summary>
    public int SentenceStart(int index) => index <= 0 || _sentences.Count == 0 ? 0 : _sentences[Math.Min(index, _sentences.Count - 1)].Start;

    public bool MentionsAgency(string shortName) => _agencies.Any(a => a.Key == shortName);
}
