using System.Collections.Frozen;

namespace CellRadar.Core.Reading.Html;

/// <summary>What the extractor knows about element names (AngleSharp gives HTML local names in lower case).</summary>
internal static class HtmlTags
{
    /// <summary>Never article text: code, media, embedded documents, form controls, page chrome.</summary>
    public static readonly FrozenSet<string> Dropped = FrozenSet.Create(StringComparer.Ordinal,
    [
        "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math",
        "canvas", "video", "audio", "source", "track", "map", "area", "button", "input", "select", "option", "optgroup",
        "textarea", "label", "link", "meta", "base", "head", "title", "dialog", "nav", "menu", "datalist", "output", "progress",
        "meter", "param", "slot", "portal",
    ]);

    /// <summary>Elements that start a new block of text: they end the paragraph before them and start one after.</summary>
    public static readonly FrozenSet<string> Block = FrozenSet.Create(StringComparer.Ordinal,
    [
        "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dir", "div", "dl", "dt", "fieldset",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend",
        "li", "listing", "main", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr",
        "ul", "caption", "plaintext", "xmp",
    ]);

    /// <summary>Blocks that hold a paragraph's worth of inline text; their text is scored for their parent.</summary>
    public static readonly FrozenSet<string> Paragraph = FrozenSet.Create(StringComparer.Ordinal, ["p", "pre", "td"]);

    /// <summary>Blocks that separate lines rather than paragraphs.</summary>
    public static readonly FrozenSet<string> Line = FrozenSet.Create(StringComparer.Ordinal, ["li", "tr", "dt", "dd", "caption", "summary", "legend"]);

    /// <summary>Cells, separated by a space within their row.</summary>
    public static readonly FrozenSet<string> Cell = FrozenSet.Create(StringComparer.Ordinal, ["td", "th"]);

    public static readonly FrozenSet<string> Heading = FrozenSet.Create(StringComparer.Ordinal, ["h1", "h2", "h3", "h4", "h5", "h6"]);

    public static bool IsBlock(string name) => Block.Contains(name);
}
