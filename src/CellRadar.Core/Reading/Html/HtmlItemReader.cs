using CellRadar.Core.Errors;
using CellRadar.Core.Model;

namespace CellRadar.Core.Reading.Html;

/// <summary>
/// Reads <c>.html</c> and <c>.htm</c> pages (<c>.gz</c> ones through <see cref="ItemSource"/>): decodes
/// them, keeps the article text and takes title, canonical URL, publication date and site name from the page.
/// </summary>
public sealed class HtmlItemReader : IItemReader
{
    public bool CanRead(string fileName) => ItemKey.Extension(fileName) is ".html" or ".htm" or ".xhtml";

    public IEnumerable<ReadResult> Read(string origin, string fileName, ReadOnlyMemory<byte> content)
    {
        var text = HtmlDecoder.Decode(content.Span, origin, out _, out var error);
        yield return text is null ? ReadResult.Fail(error!) : Parse(origin, ItemKey.FromFileName(fileName), text);
    }

    /// <summary>Reads a decoded page (also used for standard input and JSON items' <c>html</c> field).</summary>
    public static ReadResult Parse(string origin, string id, string html)
    {
        var page = HtmlPageReader.Read(html);
        if (TextDecoder.IsBlank(page.Text))
            return ReadResult.Fail(ErrorCode.MissingText, origin, "the page holds no article text (only navigation, scripts or markup)");
        return ReadResult.Ok(new NewsItem
        {
            Id = id,
            Origin = origin,
            Title = page.Title,
            Body = page.Text,
            Url = page.Url,
            Published = page.Published,
            Source = page.SiteName,
        });
    }
}
