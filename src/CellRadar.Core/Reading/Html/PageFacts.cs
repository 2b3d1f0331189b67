using AngleSharp.Dom;

namespace CellRadar.Core.Reading.Html;

/// <summary>
/// The metadata-bearing parts of a page, gathered in one walk of the tree (with a stack, not recursion):
/// meta tags, the canonical link, the title, JSON-LD blocks, &lt;time&gt; values and the first headline.
/// </summary>
internal sealed class PageFacts
{
    public List<(string Name, string Value)> Metas { get; } = [];

    public List<string> JsonLd { get; } = [];

    /// <summary>Datetime values of &lt;time&gt; elements outside page furniture, marked publication dates first.</summary>
    public List<string> Times { get; } = [];

    public string? Canonical { get; private set; }

    public string? Title { get; private set; }

    public IElement? FirstH1 { get; private set; }

    public string? Meta(string name)
    {
        foreach (var (n, v) in Metas)
            if (string.Equals(n, name, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(v)) return v;
        return null;
    }

    public static PageFacts Collect(IDocument document)
    {
        var facts = new PageFacts();
        if (document.DocumentElement is not { } root) return facts;
        var marked = new List<string>();
        var plain = new List<string>();
        var stack = new Stack<(IElement Element, bool InFurniture)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (e, furniture) = stack.Pop();
            switch (e.LocalName)
            {
                case "meta":
                    var name = e.GetAttribute("property") ?? e.GetAttribute("name") ?? e.GetAttribute("itemprop");
                    var content = e.GetAttribute("content");
                    if (name is not null && content is not null) facts.Metas.Add((name.Trim(), content));
                    continue;
                case "link":
                    if (facts.Canonical is null && HasToken(e.GetAttribute("rel"), "canonical")) facts.Canonical = e.GetAttribute("href");
                    continue;
                case "title" when facts.Title is null && e.ParentElement?.LocalName == "head":
                    facts.Title = e.TextContent;
                    continue;
                case "script":
                    if (e.GetAttribute("type") is { } type && type.Trim().Equals("application/ld+json", StringComparison.OrdinalIgnoreCase))
                        facts.JsonLd.Add(e.TextContent);
                    continue;
                case "time":
                    var value = e.GetAttribute("datetime");
                    if (string.IsNullOrWhiteSpace(value)) value = e.TextContent;
                    if (e.GetAttribute("itemprop") is "datePublished" || e.HasAttribute("pubdate")) marked.Add(value);
                    else if (!furniture) plain.Add(value);
                    break;
                case "h1" when facts.FirstH1 is null && !furniture:
                    facts.FirstH1 = e;
                    break;
            }
            var inFurniture = furniture || e.LocalName is "nav" or "aside" or "footer" || ClassHints.IsUnlikely(e);
            // ChildNodes, not Children: AngleSharp's element collection is slow to index.
            var children = e.ChildNodes;
            for (var i = children.Length - 1; i >= 0; i--)
                if (children[i] is IElement c) stack.Push((c, inFurniture));
        }
        facts.Times.AddRange(marked);
        facts.Times.AddRange(plain);
        return facts;
    }

    private static bool HasToken(string? value, string token)
    {
        if (value is null) return false;
        foreach (var range in value.AsSpan().Split(' '))
            if (value.AsSpan()[range].Equals(token, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }
}
