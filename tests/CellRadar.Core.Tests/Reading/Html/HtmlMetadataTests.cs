using CellRadar.Core.Reading.Html;

namespace CellRadar.Core.Tests.Reading.Html;

/// <summary>Title, canonical URL and publication date as the page states them, in their order of trust.</summary>
public sealed class HtmlMetadataTests
{
    private const string Body =
        "<article><h1>Headline in the page</h1><p>The agency granted the designation after reviewing early data from a small study, the company said, adding that a larger trial would start next year.</p></article>";

    private static HtmlPage Read(string head, string body = Body) =>
        HtmlPageReader.Read($"<!doctype html><html><head>{head}</head><body>{body}</body></html>");

    [Fact]
    public void Title_prefers_open_graph_then_title_element_then_headline()
    {
        Assert.Equal("From Open Graph", Read("<meta property=\"og:title\" content=\"From Open Graph\"><title>From title | Site</title>").Title);
        Assert.Equal("From title | Site", Read("<title>\n  From title | Site \n</title>").Title);
        Assert.Equal("Headline in the page", Read("").Title);
    }

    [Fact]
    public void Canonical_link_beats_og_url_and_must_be_absolute_http()
    {
        Assert.Equal("https://news.example.org/story/1", Read(
            "<link rel=\"canonical\" href=\"https://news.example.org/story/1\"><meta property=\"og:url\" content=\"https://news.example.org/og\">").Url);
        // A relative or script address is refused, and the next source is used.
        Assert.Equal("https://news.example.org/og", Read(
            "<link rel=\"canonical\" href=\"/story/1\"><meta property=\"og:url\" content=\"https://news.example.org/og\">").Url);
        Assert.Null(Read("<link rel=\"canonical\" href=\"javascript:alert(1)\">").Url);
    }

    [Fact]
    public void Published_time_meta_is_trusted_first()
    {
        var page = Read(
            "<meta property=\"article:published_time\" content=\"2024-03-05T22:10:00-05:00\">" +
            "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":\"2024-01-01\"}</script>",
            "<time datetime=\"2023-12-31\">Dec 31</time>" + Body);

        // The date as written in the page's own zone, not converted.
        Assert.Equal("2024-03-05", page.Published.ToString());
        Assert.Equal("article:published_time", page.PublishedFrom);
    }

    [Fact]
    public void Json_ld_date_comes_next_even_inside_a_graph()
    {
        var page = Read(
            """<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"x"},{"@type":["NewsArticle"],"datePublished":"2024-02-29T08:00:00Z","headline":"H"}]}</script>""",
            "<time datetime=\"2023-12-31\">Dec 31</time>" + Body);

        Assert.Equal("2024-02-29", page.Published.ToString());
        Assert.Equal("json-ld", page.PublishedFrom);
    }

    [Fact]
    public void Broken_json_ld_is_skipped_and_the_time_element_used()
    {
        var page = Read("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\", \"datePublished\": </script>",
            "<div class=\"byline\"><time datetime=\"2023-11-20T09:00:00Z\">20 November</time></div>" + Body);

        Assert.Equal("2023-11-20", page.Published.ToString());
        Assert.Equal("time", page.PublishedFrom);
    }

    [Fact]
    public void Time_elements_in_sidebars_are_not_the_publication_date()
    {
        var page = Read("",
            "<aside class=\"sidebar\"><time datetime=\"2020-01-01\">old</time></aside>" +
            "<div class=\"related-stories\"><time datetime=\"2021-01-01\">older</time></div>" + Body);

        Assert.Null(page.Published);
    }

    [Fact]
    public void Dateline_under_the_headline_is_the_last_resort()
    {
        var page = Read("",
            "<article><div class=\"head\"><h1>Headline in the page</h1><p class=\"meta\">By Jane Roe | March 3, 2025</p></div>" +
            "<p>The agency granted the designation after reviewing early data from a small study, the company said, adding that a larger trial would start next year.</p></article>");

        Assert.Equal("2025-03-03", page.Published.ToString());
        Assert.Equal("dateline", page.PublishedFrom);
    }

    [Fact]
    public void Site_name_comes_from_open_graph()
    {
        Assert.Equal("Example Health News", Read("<meta property=\"og:site_name\" content=\"Example Health News\">").SiteName);
    }
}
