using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using CellRadar.Core.Dates;
using CellRadar.Core.Model;

namespace CellRadar.Core.Reading.Html;

/// <summary>
/// Reads a web page (already decoded text): parses it as a browser would, takes the metadata it states
/// about itself and the article text <see cref="ArticleExtractor"/> finds.
/// </summary>
public static class HtmlPageReader
{
    /// <summary>Meta names for the publication date in the first rank of trust (Open Graph article).</summary>
    private static readonly HashSet<string> PublishedTimeMeta = new(StringComparer.OrdinalIgnoreCase)
        { "article:published_time", "og:article:published_time", "article:published" };

    /// <summary>Other meta names that state a publication date, trusted after JSON-LD.</summary>
    private static readonly HashSet<string> OtherDateMeta = new(StringComparer.OrdinalIgnoreCase)
    {
        "datePublished", "pubdate", "publishdate", "publish-date", "publish_date", "date", "dc.date", "dc.date.issued",
        "dcterms.created", "dcterms.issued", "dcterms.date", "parsely-pub-date", "sailthru.date", "og:published_time",
        "published_time", "article.published", "citation_publication_date", "originalpublicationdate",
    };

    public static HtmlPage Read(string html)
    {
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        using var document = parser.ParseDocument(html);
        var facts = PageFacts.Collect(document);
        var ld = JsonLdArticle.Find(facts.JsonLd);

        var title = Clean(facts.Meta("og:title")) ?? Clean(facts.Title) ?? Clean(ld?.Headline) ?? Clean(facts.FirstH1?.TextContent);
        var url = AbsoluteHttp(facts.Canonical) ?? AbsoluteHttp(facts.Meta("og:url")) ?? AbsoluteHttp(ld?.Url);
        var (published, from) = PublishedDate(facts, ld);

        var text = ArticleExtractor.Extract(document, title);
        var textFrom = "markup";
        if (ld?.ArticleBody is { } ldBody && BodyText(ldBody) is { } ldText && PreferJsonLd(text, ldText))
        {
            text = ldText;
            textFrom = "json-ld";
        }
        if (published is null && DatelineText(facts) is { } header && PublicationDateFinder.FindDateline(header) is { } d)
        {
            (published, from) = (d, "dateline");
        }

        return new HtmlPage
        {
            Text = text,
            Title = title,
            Url = url,
            Published = published,
            PublishedFrom = from,
            SiteName = Clean(facts.Meta("og:site_name")),
            TextFrom = textFrom,
        };
    }

    /// <summary>The publication date in order of trust: article:published_time, JSON-LD, other date metas, a &lt;time&gt; element.</summary>
    private static (PartialDate? Date, string From) PublishedDate(PageFacts facts, JsonLdArticle? ld)
    {
        foreach (var (name, value) in facts.Metas)
            if (PublishedTimeMeta.Contains(name) && ParseDate(value) is { } d) return (d, "article:published_time");
        if (ParseDate(ld?.DatePublished) is { } j) return (j, "json-ld");
        foreach (var (name, value) in facts.Metas)
            if (OtherDateMeta.Contains(name) && ParseDate(value) is { } d) return (d, "meta");
        foreach (var value in facts.Times)
            if (ParseDate(value) is { } d) return (d, "time");
        return (null, "");
    }

    /// <summary>An ISO date or timestamp (the date as written, whatever the zone), else a written date with day, month and year.</summary>
    internal static PartialDate? ParseDate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var v = value.Trim();
        if (PartialDate.TryParse(v, out var iso) && iso.Precision == DatePrecision.Day) return iso;
        if (v.Length > 200) return null;
        foreach (var e in DateExpressions.Find(v))
        {
            if (e.Kind == DateExpressionKind.Date && e.Year > 0 && e.Month > 0 && e.Day > 0) return e.Absolute;
        }
        return null;
    }

    /// <summary>The articleBody text: plain, or HTML that some sites put there, rendered like the page.</summary>
    private static string? BodyText(string body)
    {
        string text;
        if (body.Contains('<') && body.Contains('>'))
        {
            var parser = new HtmlParser();
            using var fragment = parser.ParseDocument(body);
            var writer = new BlockTextWriter();
            if (fragment.Body is { } b) writer.Write(b);
            text = writer.ToString();
        }
        else
        {
            text = WebUtility.HtmlDecode(body);
        }
        text = text.Trim();
        return text.Length == 0 ? null : text;
    }

    /// <summary>
    /// The page's own articleBody wins when the markup gave much less: the article is then loaded by script
    /// or split in ways the scoring missed. A longer markup text is kept (articleBody is often cut short).
    /// </summary>
    private static bool PreferJsonLd(string markup, string jsonLd) => jsonLd.Length >= 200 && markup.Length < jsonLd.Length * 0.6;

    /// <summary>Text around the headline, where a dateline stands when the page states its date nowhere else.</summary>
    private static string? DatelineText(PageFacts facts)
    {
        var h1 = facts.FirstH1;
        if (h1 is null) return null;
        var region = h1.ParentElement ?? h1;
        // A headline alone in its wrapper: the dateline is in the wrapper's parent.
        if (region.ChildElementCount <= 2 && region.ParentElement is { } up && up.LocalName != "body") region = up;
        var writer = new BlockTextWriter();
        writer.Write(region);
        var text = writer.ToString();
        return text.Length > 4000 ? text[..4000] : text;
    }

    private static string? AbsoluteHttp(string? value) =>
        ItemFields.TryUrl(value, "", out var url, out _) ? url : null;

    private static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var s = string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return s.Length == 0 ? null : s;
    }
}
