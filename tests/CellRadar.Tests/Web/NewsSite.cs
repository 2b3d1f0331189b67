using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace CellRadar.Tests.Web;

/// <summary>
/// A small news site on a <see cref="TestServer"/>: an RSS feed at <c>/feed.xml</c> (with an ETag that changes when
/// an entry is added) and one page per entry at <c>/news/story-N.html</c>. The stories are written for these tests;
/// each states one approval of a real product so the extractor finds an event in it.
/// </summary>
public sealed class NewsSite
{
    private static readonly string[] Products = ["Kymriah", "Yescarta", "Carvykti", "Breyanzi", "Abecma", "Tecartus"];

    private readonly TestServer _server;
    private readonly ConcurrentDictionary<int, bool> _published = new();
    private int _version;

    public NewsSite(TestServer server, int entries, TimeSpan pageDelay = default)
    {
        _server = server;
        PageDelay = pageDelay;
        for (var n = 1; n <= entries; n++) Publish(n);
    }

    public TimeSpan PageDelay { get; set; }

    public Uri FeedUrl => _server.Url("/feed.xml");

    public static string PagePath(int n) => $"/news/story-{n}.html";

    public string PageUrl(int n) => _server.Url(PagePath(n)).AbsoluteUri;

    public void Publish(int n)
    {
        _published[n] = true;
        _server.Map(PagePath(n), context => ServePage(context, n));
        var etag = $"\"v{Interlocked.Increment(ref _version)}\"";
        _server.MapText("/feed.xml", "application/rss+xml", Feed(), etag);
    }

    /// <summary>Replaces how a page answers (a failing page in a test).</summary>
    public void Override(int n, Func<HttpContext, Task> handler) => _server.Map(PagePath(n), handler);

    public void Restore(int n) => _server.Map(PagePath(n), context => ServePage(context, n));

    public static string Product(int n) => Products[(n - 1) % Products.Length];

    private string Feed()
    {
        var sb = new StringBuilder("""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Loopback Cell News</title>""");
        foreach (var n in _published.Keys.Order())
        {
            sb.Append(CultureInfo.InvariantCulture, $"<item><title>Story {n}: {Product(n)} cleared</title><link>{PageUrl(n)}</link>")
              .Append(CultureInfo.InvariantCulture, $"<guid isPermaLink=\"false\">story-{n}</guid><pubDate>Mon, 03 Mar 2025 09:00:00 GMT</pubDate>")
              .Append(CultureInfo.InvariantCulture, $"<description>Teaser {n}: {Product(n)} news in brief.</description></item>");
        }
        return sb.Append("</channel></rss>").ToString();
    }

    private async Task ServePage(HttpContext context, int n)
    {
        if (PageDelay > TimeSpan.Zero) await Task.Delay(PageDelay, context.RequestAborted);
        context.Response.ContentType = "text/html; charset=utf-8";
        var product = Product(n);
        await context.Response.WriteAsync($"""
            <!doctype html><html><head><title>Story {n}</title></head><body>
            <nav><a href="/">Home</a> <a href="/news">News</a></nav>
            <article><h1>Story {n}: {product} cleared</h1>
            <p>The US Food and Drug Administration approved {product} for adults with relapsed lymphoma on {n % 28 + 1} February 2025, according to a statement from the maker.</p>
            <p>Story {n} goes on to say that treatment centres are being certified, and that the first infusions are planned for the spring in several states.</p>
            </article><footer>Loopback Cell News, all rights reserved.</footer></body></html>
            """, context.RequestAborted);
    }
}
