using System.Text;
using AngleSharp.Dom;

namespace CellRadar.Core.Reading.Html;

/// <summary>
/// Writes the text of element trees as paragraphs: each block element is its own paragraph (blank line
/// between), list items, table rows and <c>&lt;br&gt;</c> are lines, inline text is joined and white space
/// collapsed, <c>&lt;pre&gt;</c> keeps its line breaks. Walks the tree with an explicit stack, so a
/// page nested ten thousand deep cannot overflow the call stack.
/// </summary>
internal sealed class BlockTextWriter
{
    private readonly StringBuilder _sb = new();
    private readonly Stack<(INode Node, bool Leaving)> _stack = new();
    private int _pendingBreak;   // 0 none, 1 line, 2 paragraph
    private bool _pendingSpace;
    private int _preDepth;

    /// <summary>Elements (with their subtrees) left out of the text.</summary>
    public IReadOnlySet<IElement>? Skip { get; init; }

    /// <summary>Leave out <c>&lt;h1&gt;</c> headlines: they are the item's title, not its body.</summary>
    public bool SkipHeadlines { get; init; }

    /// <summary>Appends the text of <paramref name="root"/> as a block of its own.</summary>
    public void Write(INode root)
    {
        _stack.Push((root, false));
        while (_stack.Count > 0)
        {
            var (node, leaving) = _stack.Pop();
            if (node is IText t)
            {
                Text(t.Data);
                continue;
            }
            if (node is not IElement e) continue;
            var name = e.LocalName;
            if (leaving)
            {
                Close(name);
                continue;
            }
            if (Skip is not null && Skip.Contains(e)) continue;
            if (HtmlTags.Dropped.Contains(name) || (SkipHeadlines && name == "h1")) continue;
            Open(name);
            _stack.Push((e, true));
            var children = e.ChildNodes;
            for (var i = children.Length - 1; i >= 0; i--)
            {
                var c = children[i];
                if (c.NodeType is NodeType.Element or NodeType.Text) _stack.Push((c, false));
            }
        }
        Break(2);
    }

    public override string ToString() => _sb.ToString();

    private void Open(string name)
    {
        if (name == "br") { Break(1); return; }
        if (name == "pre") _preDepth++;
        if (HtmlTags.Cell.Contains(name)) { _pendingSpace = true; return; }
        if (HtmlTags.Line.Contains(name)) { Break(1); return; }
        if (HtmlTags.Block.Contains(name)) Break(2);
    }

    private void Close(string name)
    {
        if (name == "pre") _preDepth--;
        if (HtmlTags.Cell.Contains(name)) { _pendingSpace = true; return; }
        if (HtmlTags.Line.Contains(name)) { Break(1); return; }
        if (HtmlTags.Block.Contains(name)) Break(2);
    }

    private void Break(int level)
    {
        if (level > _pendingBreak) _pendingBreak = level;
        _pendingSpace = false;
    }

    private void Text(string data)
    {
        foreach (var c in data)
        {
            if (c == '\n' && _preDepth > 0) { Break(1); continue; }
            if (char.IsWhiteSpace(c) || c == '\u200B' || c == '\u00AD')
            {
                // Zero-width spaces and soft hyphens are invisible; other white space joins words.
                if (c is not '\u200B' and not '\u00AD') _pendingSpace = true;
                continue;
            }
            if (_pendingBreak > 0)
            {
                if (_sb.Length > 0) _sb.Append(_pendingBreak == 2 ? "\n\n" : "\n");
                _pendingBreak = 0;
                _pendingSpace = false;
            }
            else if (_pendingSpace && _sb.Length > 0)
            {
                _sb.Append(' ');
            }
            _pendingSpace = false;
            _sb.Append(c);
        }
    }
}
