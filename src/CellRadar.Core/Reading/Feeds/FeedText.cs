using AngleSharp.Html.Parser;
using CellRadar.Core.Reading.Html;

namespace CellRadar.Core.Reading.Feeds;

/// <summary>Turns a feed field (markup or plain text) into the paragraph text items carry.</summary>
internal static class FeedText
{
    /// <summary>
    /// Markup goes through the same text conversion as web pages (blocks become paragraphs, scripts and styles
    /// are dropped); text with no tag in it is only entity-decoded, since RSS often escapes plain text.
    /// </summary>
    public static string FromHtml(string html)
    {
        if (html.AsSpan().IndexOfAny('<', '&') < 0) return FromPlain(html);
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        using var document = parser.ParseDocument(html);
        if (document.Body is not { } body) return "";
        var writer = new BlockTextWriter();
        writer.Write(body);
        return writer.ToString().Trim();
    }

    /// <summary>Plain text keeps its paragraph breaks; runs of spaces inside a line are folded.</summary>
    public static string FromPlain(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
            lines[i] = string.Join(' ', lines[i].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return string.Join('\n', lines).Trim();
    }
}
