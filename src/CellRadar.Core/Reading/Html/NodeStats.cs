using AngleSharp.Dom;

namespace CellRadar.Core.Reading.Html;

/// <summary>Numbers about one element's subtree, computed once bottom-up for the whole page.</summary>
internal struct NodeStats
{
    /// <summary>Characters of text, white space runs inside a text node counted once.</summary>
    public int Text;

    /// <summary>Characters of that text inside links.</summary>
    public int Links;

    public int Commas;

    /// <summary>Text directly in this element or in inline children, not inside child blocks.</summary>
    public int Loose;

    public int LooseCommas;

    public bool HasBlock;

    public int Paragraphs;

    public int Images;

    public int ListItems;

    public int Embeds;

    public int Headings;

    public int HeadingText;

    /// <summary>Table header cells: a table with them holds data, not layout.</summary>
    public int HeaderCells;

    public double LinkDensity => Text == 0 ? 0 : (double)Links / Text;
}

/// <summary>
/// <see cref="NodeStats"/> for every element under a root, skipping dropped subtrees. Computed with an
/// explicit stack (post-order), never by recursion.
/// </summary>
internal sealed class NodeStatsTable
{
    private readonly Dictionary<IElement, NodeStats> _stats = new(ReferenceEqualityComparer.Instance);

    public NodeStats this[IElement e] => _stats.TryGetValue(e, out var s) ? s : default;

    public static NodeStatsTable Compute(IElement root, IReadOnlySet<IElement> dropped)
    {
        var table = new NodeStatsTable();
        var stack = new Stack<(IElement Element, bool Done)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (e, done) = stack.Pop();
            if (!done)
            {
                stack.Push((e, true));
                foreach (var c in e.Children)
                {
                    if (!dropped.Contains(c) && !HtmlTags.Dropped.Contains(c.LocalName)) stack.Push((c, false));
                }
                continue;
            }
            table._stats[e] = table.Aggregate(e, dropped);
        }
        return table;
    }

    private NodeStats Aggregate(IElement e, IReadOnlySet<IElement> dropped)
    {
        var s = default(NodeStats);
        foreach (var node in e.ChildNodes)
        {
            if (node is IText t)
            {
                var (len, commas) = Measure(t.Data);
                s.Text += len;
                s.Commas += commas;
                s.Loose += len;
                s.LooseCommas += commas;
            }
            else if (node is IElement c && _stats.TryGetValue(c, out var cs))
            {
                s.Text += cs.Text;
                s.Links += cs.Links;
                s.Commas += cs.Commas;
                s.Paragraphs += cs.Paragraphs;
                s.Images += cs.Images;
                s.ListItems += cs.ListItems;
                s.Embeds += cs.Embeds;
                s.Headings += cs.Headings;
                s.HeadingText += cs.HeadingText;
                s.HeaderCells += cs.HeaderCells;
                var block = HtmlTags.IsBlock(c.LocalName);
                s.HasBlock |= block || cs.HasBlock;
                if (!block && !cs.HasBlock)
                {
                    s.Loose += cs.Text;
                    s.LooseCommas += cs.Commas;
                }
            }
            else if (node is IElement d && !dropped.Contains(d) && d.LocalName is "iframe" or "embed" or "object" or "video")
            {
                s.Embeds++;
            }
        }
        switch (e.LocalName)
        {
            case "a":
                // Links to places on the same page (footnotes, tabs) are less of a sign of navigation.
                var href = e.GetAttribute("href");
                s.Links = href is not null && href.StartsWith('#') ? (int)(s.Text * 0.3) : s.Text;
                break;
            case "p":
                s.Paragraphs++;
                break;
            case "img":
                s.Images++;
                break;
            case "li":
                s.ListItems++;
                break;
            case "th":
                s.HeaderCells++;
                break;
            case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                s.Headings++;
                s.HeadingText += s.Text;
                break;
        }
        return s;
    }

    /// <summary>Visible length (white space runs count as one, leading and trailing ones not at all) and commas.</summary>
    public static (int Length, int Commas) Measure(string text)
    {
        var length = 0;
        var commas = 0;
        var inSpace = false;
        var any = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                inSpace = any;
                continue;
            }
            if (inSpace) { length++; inSpace = false; }
            any = true;
            length++;
            if (c is ',' or '\uFF0C' or '\u3001' or '\u060C') commas++;
        }
        return (length, commas);
    }
}
