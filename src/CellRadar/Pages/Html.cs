using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace CellRadar.Pages;

/// <summary>
/// Builds a page's HTML. Every text and attribute value goes through the HTML encoder, so article text can
/// never become markup; tag and attribute names come only from this program's code (checked), and links only
/// to this site's paths or http(s) URLs. No Razor: the pages are a few tables and forms, and one place that
/// always encodes is easier to check than a template language whose raw-output escape hatches must be audited.
/// </summary>
internal sealed class Html
{
    // All of Unicode passes as itself (names in Chinese, typographic quotes); <, >, &, quotes are always encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly StringBuilder _out = new(16 * 1024);

    /// <summary>Writes encoded text.</summary>
    public Html Text(string? text)
    {
        if (!string.IsNullOrEmpty(text)) _out.Append(Encoder.Encode(text));
        return this;
    }

    /// <summary>Writes a part of a string, encoded.</summary>
    public Html Text(string text, int start, int length)
    {
        if (length > 0) _out.Append(Encoder.Encode(text.Substring(start, length)));
        return this;
    }

    /// <summary>Opens an element; attributes with a null value are left out, an empty one is written bare (boolean).</summary>
    public Html Open(string tag, params ReadOnlySpan<(string Name, string? Value)> attributes)
    {
        CheckName(tag);
        _out.Append('<').Append(tag);
        foreach (var (name, value) in attributes)
        {
            if (value is null) continue;
            CheckName(name);
            _out.Append(' ').Append(name);
            if (value.Length == 0) continue;
            _out.Append("=\"");
            Text(value);
            _out.Append('"');
        }
        _out.Append('>');
        return this;
    }

    public Html Close(string tag)
    {
        CheckName(tag);
        _out.Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>An element holding only text.</summary>
    public Html Element(string tag, string? text, params ReadOnlySpan<(string Name, string? Value)> attributes) =>
        Open(tag, attributes).Text(text).Close(tag);

    /// <summary>A link; a target that is neither a path on this site nor an http(s) URL is written as plain text.</summary>
    public Html Link(string? href, string text, params ReadOnlySpan<(string Name, string? Value)> attributes)
    {
        if (!IsSafeHref(href)) return Text(text);
        var all = new (string, string?)[attributes.Length + 1];
        all[0] = ("href", href);
        attributes.CopyTo(all.AsSpan(1));
        return Element("a", text, all);
    }

    /// <summary>A link to another site: opened without a referrer or access to this page.</summary>
    public Html ExternalLink(string? url, string text) =>
        IsHttpUrl(url) ? Link(url, text, ("rel", "noopener noreferrer nofollow")) : Text(text);

    /// <summary>The document type line; the only markup written without the builder's checks.</summary>
    public Html Doctype()
    {
        _out.Append("<!doctype html>\n");
        return this;
    }

    public override string ToString() => _out.ToString();

    /// <summary>Absolute http(s) URLs: the only outside links pages write (never javascript:, data: or the like).</summary>
    public static bool IsHttpUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>A path on this site ("/items/3", not "//other.host") or an http(s) URL.</summary>
    public static bool IsSafeHref(string? href) =>
        href is { Length: > 0 }
        && ((href[0] == '/' && (href.Length == 1 || (href[1] != '/' && href[1] != '\\'))) || href[0] == '#' || IsHttpUrl(href));

    private static void CheckName(string name)
    {
        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
                throw new ArgumentException($"'{name}' is not a tag or attribute name this builder writes.", nameof(name));
        }
    }
}
