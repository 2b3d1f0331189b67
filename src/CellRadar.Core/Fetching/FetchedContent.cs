using CellRadar.Core.Errors;
using CellRadar.Core.Reading;
using CellRadar.Core.Reading.Feeds;
using CellRadar.Core.Reading.Html;

namespace CellRadar.Core.Fetching;

/// <summary>
/// Turns a fetched body into items: a feed (judged by its root element, whatever the server calls it) gives its
/// entries, plain text is read as a text item, anything else as a web page. The item's URL is the page's own
/// canonical address when it states one, else the address it was fetched from after redirects.
/// </summary>
public static class FetchedContent
{
    public static IEnumerable<ReadResult> Read(FetchResult fetched)
    {
        if (fetched.Status != FetchStatus.Ok)
        {
            if (fetched.Error is { } error) yield return ReadResult.Fail(error);
            yield break;
        }
        var origin = fetched.Url.AbsoluteUri;
        var final = fetched.FinalUrl ?? fetched.Url;
        if (FeedReader.Sniff(fetched.Body.Span) != FeedFormat.None)
        {
            foreach (var r in FeedItemReader.Read(origin, fetched.Body, final)) yield return r;
            yield break;
        }
        yield return ReadPage(fetched, KeyOf(final));
    }

    /// <summary>Reads a fetched body as one page (web page or plain text), whose key is <paramref name="id"/>.</summary>
    public static ReadResult ReadPage(FetchResult fetched, string id)
    {
        var origin = fetched.Url.AbsoluteUri;
        var final = fetched.FinalUrl ?? fetched.Url;
        ReadResult result;
        if (fetched.MediaType is "text/plain" or "text/markdown")
        {
            var text = TextDecoder.Decode(fetched.Body.Span, origin, out var error);
            result = text is null ? ReadResult.Fail(error!) : TextItemReader.Parse(origin, id, text);
        }
        else
        {
            if (fetched.MediaType is { } type && !IsMarkup(type))
                return ReadResult.Fail(ErrorCode.UnsupportedFormat, origin, $"the server sent {type}, not a web page, text or feed");
            var html = HtmlDecoder.Decode(fetched.Body.Span, origin, out _, out var error);
            result = html is null ? ReadResult.Fail(error!) : HtmlItemReader.Parse(origin, id, html);
        }
        return result.Item is { } item ? ReadResult.Ok(item with { Url = item.Url ?? final.AbsoluteUri }) : result;
    }

    private static bool IsMarkup(string mediaType) =>
        mediaType is "text/html" or "application/xhtml+xml" or "text/xml" or "application/xml" || mediaType.StartsWith("text/", StringComparison.Ordinal);

    /// <summary>The key of a fetched page: the last segment of its path without extension (<c>/news/cart-approval.html</c> gives <c>cart-approval</c>), else the host.</summary>
    public static string KeyOf(Uri url)
    {
        var path = url.AbsolutePath.TrimEnd('/');
        var slash = path.LastIndexOf('/');
        var last = Uri.UnescapeDataString(path[(slash + 1)..]);
        if (last.Length == 0) return url.IdnHost;
        var key = ItemKey.FromFileName(last);
        return key.Length == 0 ? url.IdnHost : key;
    }
}
