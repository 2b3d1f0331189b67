using System.Collections.Frozen;
using AngleSharp.Dom;

namespace CellRadar.Core.Reading.Html;

/// <summary>
/// Finds a page's article text. Page furniture that is never text (scripts, forms, navigation, hidden
/// elements) is set aside first; every paragraph then scores its parent and, less, its ancestors (more
/// for length and commas); candidates lose score for link density and gain or lose it for class and id
/// hints; the best candidate, climbed to the ancestor that holds the article's other paragraphs, is
/// taken with the siblings that score nearly as well; inside it, blocks that look like furniture (link
/// lists, share bars, related stories, image galleries) are pruned. When that yields little text the
/// search is repeated with fewer prunings and the longest result kept.
/// </summary>
internal sealed class ArticleExtractor
{
    /// <summary>Below this many characters a result is suspect, and a looser attempt is made.</summary>
    private const int EnoughText = 500;

    /// <summary>Paragraphs shorter than this are not scored (captions, labels, bylines).</summary>
    private const int MinParagraph = 25;

    private const int TopCandidates = 5;

    private static readonly FrozenSet<string> HiddenClasses = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        ["hidden", "hide", "sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text", "screen-reader-only", "offscreen", "d-none", "is-hidden"]);

    private static readonly FrozenSet<string> FurnitureRoles = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        ["navigation", "complementary", "contentinfo", "banner", "menu", "menubar", "search", "dialog", "alertdialog", "toolbar", "tablist"]);

    /// <summary>Elements that only hold a paragraph of text when they have no block inside.</summary>
    private static readonly FrozenSet<string> DivLike = FrozenSet.Create(StringComparer.Ordinal,
        ["div", "section", "article", "main", "center", "blockquote", "font"]);

    /// <summary>Elements whose loose text (beside child blocks) is scored as a paragraph of their own.</summary>
    private static readonly FrozenSet<string> LooseTextHolders = FrozenSet.Create(StringComparer.Ordinal,
        ["div", "section", "article", "main", "center", "blockquote", "font", "body", "td", "span"]);

    /// <summary>Blocks pruned inside the article when they look like furniture.</summary>
    private static readonly FrozenSet<string> Prunable = FrozenSet.Create(StringComparer.Ordinal,
        ["form", "fieldset", "table", "ul", "ol", "dl", "div", "section", "aside", "header", "footer", "figure"]);

    [Flags]
    private enum Attempt
    {
        None = 0,
        StripUnlikely = 1,
        WeighClasses = 2,
        PruneConditionally = 4,
        All = StripUnlikely | WeighClasses | PruneConditionally,
    }

    private readonly IElement _body;
    private readonly HashSet<IElement> _base = new(ReferenceEqualityComparer.Instance);
    private readonly string? _title;

    private ArticleExtractor(IElement body, string? title)
    {
        _body = body;
        _title = title;
    }

    /// <summary>The article text of <paramref name="document"/>; empty when the page holds none. <paramref name="title"/> helps drop a repeated headline.</summary>
    public static string Extract(IDocument document, string? title)
    {
        if (document.Body is not { } body) return "";
        var extractor = new ArticleExtractor(body, title);
        extractor.SetAsideFurniture();
        var best = "";
        foreach (var attempt in (ReadOnlySpan<Attempt>)[Attempt.All, Attempt.All & ~Attempt.StripUnlikely, Attempt.PruneConditionally, Attempt.None])
        {
            var text = extractor.Run(attempt);
            if (text.Length > best.Length) best = text;
            if (best.Length >= EnoughText) return best;
        }
        // A small page is all article: when the search found little and the whole page holds hardly more,
        // the whole page is the better answer (scoring needs several paragraphs to tell article from chrome).
        var whole = new BlockTextWriter { Skip = extractor._base, SkipHeadlines = true };
        whole.Write(body);
        var all = whole.ToString().Trim();
        return all.Length > best.Length && all.Length <= best.Length * 1.5 + SmallPageSlack ? all : best;
    }

    /// <summary>How much more than the best attempt a small page may hold and still be taken whole.</summary>
    private const int SmallPageSlack = 200;

    /// <summary>
    /// Sets aside what is never article text, whatever the attempt: hidden elements, furniture by role,
    /// and footers and asides unless one holds most of the page (a page wrapped in the wrong element).
    /// </summary>
    private void SetAsideFurniture()
    {
        var stats = NodeStatsTable.Compute(_body, _base);
        var half = stats[_body].Text / 2;
        var stack = new Stack<IElement>();
        stack.Push(_body);
        while (stack.Count > 0)
        {
            var e = stack.Pop();
            var name = e.LocalName;
            if (e != _body && (HtmlTags.Dropped.Contains(name) || IsHidden(e) || IsFurnitureRole(e)
                || (name is "footer" or "aside" && (stats[e].Text <= half || stats[e].Text < EnoughText))))
            {
                _base.Add(e);
                continue;
            }
            var children = e.ChildNodes;
            for (var i = children.Length - 1; i >= 0; i--)
                if (children[i] is IElement c) stack.Push(c);
        }
    }

    private static bool IsHidden(IElement e)
    {
        if (e.HasAttribute("hidden")) return true;
        if (e.GetAttribute("aria-hidden") is "true") return true;
        var style = e.GetAttribute("style");
        if (style is not null && (Contains(style, "display:none") || Contains(style, "visibility:hidden"))) return true;
        var cls = e.GetAttribute("class");
        if (cls is null) return false;
        foreach (var range in cls.AsSpan().Split(' '))
        {
            var word = cls.AsSpan()[range];
            if (!word.IsEmpty && HiddenClasses.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word)) return true;
        }
        return false;
    }

    /// <summary>Case- and space-insensitive search in an inline style.</summary>
    private static bool Contains(string style, string compact)
    {
        var j = 0;
        foreach (var c in style)
        {
            if (char.IsWhiteSpace(c)) continue;
            if (char.ToLowerInvariant(c) == compact[j])
            {
                if (++j == compact.Length) return true;
            }
            else
            {
                j = char.ToLowerInvariant(c) == compact[0] ? 1 : 0;
            }
        }
        return false;
    }

    private static bool IsFurnitureRole(IElement e) => e.GetAttribute("role") is { } role && FurnitureRoles.Contains(role);

    private string Run(Attempt attempt)
    {
        var dropped = new HashSet<IElement>(_base, ReferenceEqualityComparer.Instance);
        if (attempt.HasFlag(Attempt.StripUnlikely)) StripUnlikely(dropped);
        var stats = NodeStatsTable.Compute(_body, dropped);
        var scores = ScoreParagraphs(stats, dropped, attempt.HasFlag(Attempt.WeighClasses));
        var top = PickTop(scores, dropped);
        var content = WithSiblings(top, scores, stats, dropped);
        Prune(content, scores, stats, dropped, attempt);
        var writer = new BlockTextWriter { Skip = dropped };
        foreach (var e in content) writer.Write(e);
        return writer.ToString().Trim();
    }

    /// <summary>
    /// Drops elements whose class or id names furniture (sidebar, comments, related, share...) unless they
    /// hold most of the page's text, which happens when such a word sits on a wrapper of the whole page.
    /// </summary>
    private void StripUnlikely(HashSet<IElement> dropped)
    {
        var stats = NodeStatsTable.Compute(_body, dropped);
        var pageText = Math.Max(1, stats[_body].Text);
        var stack = new Stack<IElement>();
        stack.Push(_body);
        while (stack.Count > 0)
        {
            var e = stack.Pop();
            if (dropped.Contains(e)) continue;
            var name = e.LocalName;
            var furniture = name is "aside" or "footer" or "form" || name == "header" || ClassHints.IsUnlikely(e);
            if (e != _body && furniture && name is not ("article" or "main" or "body") && stats[e].Text * 2 < pageText && !InsideTableOrCode(e))
            {
                dropped.Add(e);
                continue;
            }
            foreach (var c in e.Children) stack.Push(c);
        }
    }

    private static bool InsideTableOrCode(IElement e)
    {
        for (var p = e.ParentElement; p is not null; p = p.ParentElement)
        {
            if (p.LocalName is "table" or "code" or "pre") return true;
        }
        return false;
    }

    private Dictionary<IElement, double> ScoreParagraphs(NodeStatsTable stats, HashSet<IElement> dropped, bool weighClasses)
    {
        var scores = new Dictionary<IElement, double>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<IElement>();
        stack.Push(_body);
        while (stack.Count > 0)
        {
            var e = stack.Pop();
            foreach (var c in e.Children)
            {
                if (!dropped.Contains(c) && !HtmlTags.Dropped.Contains(c.LocalName)) stack.Push(c);
            }
            var name = e.LocalName;
            var s = stats[e];
            int length, commas;
            IElement? first;
            if (HtmlTags.Paragraph.Contains(name) || (DivLike.Contains(name) && !s.HasBlock))
            {
                length = s.Text;
                commas = s.Commas;
                first = e.ParentElement;
            }
            else if (LooseTextHolders.Contains(name) && s.HasBlock)
            {
                length = s.Loose;
                commas = s.LooseCommas;
                first = e;
            }
            else
            {
                continue;
            }
            if (length < MinParagraph || first is null) continue;

            var score = 1.0 + commas + Math.Min(length / 100, 3);
            var level = 0;
            for (var a = first; a is not null && a.ParentElement is not null && level < 5; a = a.ParentElement, level++)
            {
                if (!scores.TryGetValue(a, out var current)) current = InitialScore(a, weighClasses);
                var divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                scores[a] = current + score / divider;
            }
        }
        // Links are navigation, not article: a candidate keeps only its share of text outside links.
        foreach (var e in scores.Keys.ToArray()) scores[e] *= 1 - stats[e].LinkDensity;
        return scores;
    }

    private static double InitialScore(IElement e, bool weighClasses)
    {
        var score = e.LocalName switch
        {
            "div" => 5,
            "pre" or "td" or "blockquote" => 3,
            "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
            _ => 0,
        };
        return weighClasses ? score + ClassHints.Weight(e) : score;
    }

    private IElement PickTop(Dictionary<IElement, double> scores, HashSet<IElement> dropped)
    {
        var ranked = new List<(IElement Element, double Score)>(TopCandidates + 1);
        foreach (var (e, score) in scores)
        {
            var i = ranked.Count;
            while (i > 0 && ranked[i - 1].Score < score) i--;
            if (i < TopCandidates) ranked.Insert(i, (e, score));
            if (ranked.Count > TopCandidates) ranked.RemoveAt(TopCandidates);
        }
        if (ranked.Count == 0) return _body;
        var top = ranked[0].Element;
        var topScore = ranked[0].Score;
        if (top == _body) return top;

        // When several strong candidates share an ancestor, the article is that ancestor (paragraphs split into sections).
        var alternatives = new List<HashSet<IElement>>();
        for (var i = 1; i < ranked.Count; i++)
        {
            if (ranked[i].Score / topScore < 0.75) continue;
            var set = new HashSet<IElement>(ReferenceEqualityComparer.Instance);
            for (var a = ranked[i].Element.ParentElement; a is not null; a = a.ParentElement) set.Add(a);
            alternatives.Add(set);
        }
        if (alternatives.Count >= 3)
        {
            for (var p = top.ParentElement; p is not null && p != _body; p = p.ParentElement)
            {
                var count = 0;
                foreach (var set in alternatives) if (set.Contains(p)) count++;
                if (count >= 3) { top = p; break; }
            }
        }

        // Climb while the parent scores better: the article's paragraphs may sit in several children of it.
        var lastScore = scores.GetValueOrDefault(top);
        var threshold = lastScore / 3;
        for (var p = top.ParentElement; p is not null && p != _body; p = p.ParentElement)
        {
            if (!scores.TryGetValue(p, out var ps)) continue;
            if (ps < threshold) break;
            if (ps > lastScore) { top = p; break; }
            lastScore = ps;
        }

        // A lone child says nothing its parent does not; the parent may hold siblings worth keeping.
        for (var p = top.ParentElement; p is not null && p != _body && ChildCount(p, dropped) == 1; p = top.ParentElement) top = p;
        return top;
    }

    private static int ChildCount(IElement e, HashSet<IElement> dropped)
    {
        var n = 0;
        foreach (var c in e.Children) if (!dropped.Contains(c) && !HtmlTags.Dropped.Contains(c.LocalName)) n++;
        return n;
    }

    private List<IElement> WithSiblings(IElement top, Dictionary<IElement, double> scores, NodeStatsTable stats, HashSet<IElement> dropped)
    {
        if (top == _body || top.ParentElement is not { } parent) return [top];
        var topScore = scores.GetValueOrDefault(top);
        var threshold = Math.Max(10, topScore * 0.2);
        var topClass = top.GetAttribute("class") ?? "";
        var content = new List<IElement>();
        foreach (var sibling in parent.Children)
        {
            if (dropped.Contains(sibling) || HtmlTags.Dropped.Contains(sibling.LocalName)) continue;
            var append = sibling == top;
            if (!append)
            {
                var bonus = topClass.Length > 0 && sibling.GetAttribute("class") == topClass ? topScore * 0.2 : 0;
                if (scores.TryGetValue(sibling, out var score) && score + bonus >= threshold)
                {
                    append = true;
                }
                else if (sibling.LocalName == "p")
                {
                    var s = stats[sibling];
                    var density = s.LinkDensity;
                    if (s.Text > 80 && density < 0.25) append = true;
                    else if (s.Text is > 0 and <= 80 && density == 0 && EndsSentence(sibling.TextContent)) append = true;
                }
            }
            if (append) content.Add(sibling);
        }
        return content;
    }

    private static bool EndsSentence(string text)
    {
        var t = text.AsSpan().TrimEnd();
        return t.Length > 0 && (t[^1] == '.' || t.Contains(". ", StringComparison.Ordinal));
    }

    /// <summary>Removes, inside the chosen content, blocks that look like furniture (readability's conditional cleaning and more).</summary>
    private void Prune(List<IElement> content, Dictionary<IElement, double> scores, NodeStatsTable stats, HashSet<IElement> dropped, Attempt attempt)
    {
        var contentText = 0;
        foreach (var root in content) contentText += stats[root].Text;
        var weigh = attempt.HasFlag(Attempt.WeighClasses);
        var prune = attempt.HasFlag(Attempt.PruneConditionally);
        // Pre-order with a stack: a dropped block's inside is never looked at.
        var stack = new Stack<(IElement Element, Context Context)>();
        for (var i = content.Count - 1; i >= 0; i--) stack.Push((content[i], Context.None));
        while (stack.Count > 0)
        {
            var (e, context) = stack.Pop();
            if (dropped.Contains(e)) continue;
            if (!IsRoot(content, e) && IsFurniture(e, context, contentText, scores, stats, dropped, weigh, prune, attempt))
            {
                dropped.Add(e);
                continue;
            }
            context |= e.LocalName switch
            {
                "table" => Context.Table,
                "blockquote" => Context.Quote,
                "figure" => Context.Figure,
                _ => ClassHints.IsEmbed(e) ? Context.Quote : Context.None,
            };
            // ChildNodes, not Children: AngleSharp's element collection is slow to index.
            var children = e.ChildNodes;
            for (var i = children.Length - 1; i >= 0; i--)
                if (children[i] is IElement c) stack.Push((c, context));
        }
    }

    /// <summary>What an element sits inside, tracked during the walk instead of climbing ancestors for each element.</summary>
    [Flags]
    private enum Context
    {
        None = 0,
        Table = 1,
        Quote = 2,
        Figure = 4,
    }

    private bool IsFurniture(IElement e, Context context, int contentText, Dictionary<IElement, double> scores, NodeStatsTable stats,
        HashSet<IElement> dropped, bool weigh, bool prune, Attempt attempt)
    {
        var name = e.LocalName;
        var s = stats[e];
        // The headline is the item's title and captions describe pictures: neither is article text.
        if (name is "h1" or "figcaption" || (HtmlTags.Heading.Contains(name) && IsTitle(e))) return true;
        // Share bars, bylines, captions, related boxes named as such, unless the name sits on most of the article.
        if (weigh && ClassHints.IsNegative(e) && s.Text * 2 < contentText) return true;
        // Quoted posts and data tables are made of links and short cells by nature.
        if (!prune || (context & (Context.Quote | Context.Table)) != 0 || ClassHints.IsEmbed(e)) return false;
        if (IsLinkBlock(e, s))
        {
            DropLabel(e, stats, dropped);
            return true;
        }
        if (!Prunable.Contains(name) || !LooksLikeFurniture(e, context, scores, stats, attempt)) return false;
        // A list of links dropped as furniture takes its label ("Related stories") along.
        if (s.LinkDensity >= 0.5) DropLabel(e, stats, dropped);
        return true;
    }

    /// <summary>A paragraph, list item or heading that is (nearly) all link text: "Read more", related headlines, promotions.</summary>
    private static bool IsLinkBlock(IElement e, NodeStats s)
    {
        if (s.Text == 0 || s.LinkDensity < 0.8) return false;
        var name = e.LocalName;
        return name is "p" or "li" or "dt" or "dd" or "ul" or "ol" or "dl" or "h2" or "h3" or "h4" or "h5" or "h6" || (DivLike.Contains(name) && !s.HasBlock);
    }

    /// <summary>The short label over a dropped list of links ("More:", "You may also like", "DON'T MISS") goes with it.</summary>
    private static void DropLabel(IElement links, NodeStatsTable stats, HashSet<IElement> dropped)
    {
        if (links.ParentElement is not { } parent) return;
        var siblings = parent.ChildNodes;
        var at = -1;
        for (var i = 0; i < siblings.Length; i++)
            if (ReferenceEquals(siblings[i], links)) { at = i; break; }
        IElement? previous = null;
        for (var i = at - 1; i >= 0; i--)
        {
            if (siblings[i] is not IElement candidate) continue;
            // Skip empty blocks and other dropped link lists; stop at anything else.
            if (dropped.Contains(candidate) ? stats[candidate].LinkDensity >= 0.5 : stats[candidate].Text == 0 && HtmlTags.IsBlock(candidate.LocalName)) continue;
            if (dropped.Contains(candidate)) return;
            previous = candidate;
            break;
        }
        if (previous is null) return;
        var s = stats[previous];
        if (s.Text is > 0 and <= 40 && previous.LocalName is "p" or "h2" or "h3" or "h4" or "h5" or "h6" or "div" or "strong" or "b")
            dropped.Add(previous);
    }

    private static bool IsRoot(List<IElement> content, IElement e)
    {
        foreach (var c in content) if (ReferenceEquals(c, e)) return true;
        return false;
    }

    private bool IsTitle(IElement heading) =>
        _title is not null && string.Equals(Normalise(heading.TextContent), Normalise(_title), StringComparison.OrdinalIgnoreCase);

    private static string Normalise(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static bool LooksLikeFurniture(IElement e, Context context, Dictionary<IElement, double> scores, NodeStatsTable stats, Attempt attempt)
    {
        var weight = attempt.HasFlag(Attempt.WeighClasses) ? ClassHints.Weight(e) : 0;
        if (weight + scores.GetValueOrDefault(e) < 0) return true;
        var s = stats[e];
        if (s.Commas >= 10) return false;
        var name = e.LocalName;
        var isList = name is "ul" or "ol" or "dl";
        if (name == "table" && IsDataTable(e, s)) return false;
        var p = s.Paragraphs;
        var inFigure = (context & Context.Figure) != 0;
        var headingDensity = s.Text == 0 ? 0 : (double)s.HeadingText / s.Text;
        var density = s.LinkDensity;
        return (s.Images > 1 && (double)p / s.Images < 0.5 && !inFigure)
            || (!isList && s.ListItems - 100 > p)
            || (!isList && headingDensity < 0.9 && s.Text < 25 && (s.Images == 0 || s.Images > 2) && !inFigure)
            || (!isList && weight < 25 && density > 0.2)
            || (weight >= 25 && density > 0.5)
            || (s.Embeds == 1 && s.Text < 75) || s.Embeds > 1;
    }

    private static bool IsDataTable(IElement table, NodeStats s)
    {
        if (table.GetAttribute("role") == "presentation") return false;
        if (s.HeaderCells > 0) return true;
        foreach (var c in table.Children)
        {
            if (c.LocalName is "caption" or "thead" or "colgroup") return true;
        }
        return false;
    }

}
