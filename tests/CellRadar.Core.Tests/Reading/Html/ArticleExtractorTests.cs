using CellRadar.Core.Reading.Html;

namespace CellRadar.Core.Tests.Reading.Html;

/// <summary>Main-content extraction on small pages written for each rule: what is kept, what is dropped, how text is laid out.</summary>
public sealed class ArticleExtractorTests
{
    private const string ParagraphOne =
        "The regulator said on Tuesday that it had cleared the cell therapy for adults whose lymphoma returned after two earlier treatments, a decision that doctors had expected for months.";

    private const string ParagraphTwo =
        "In the pivotal study, most patients responded, and about half were still in remission a year later, according to data the company presented at a medical meeting in December.";

    private const string ParagraphThree =
        "The company said it would start shipping the therapy to certified hospitals within weeks, and that its new plant had enough capacity for the first year of demand.";

    private static string Text(string html) => HtmlPageReader.Read(html).Text;

    private static string Page(string body, string head = "") =>
        $"<!doctype html><html><head><title>Example</title>{head}</head><body>{body}</body></html>";

    private static string Article(string inside = "") =>
        $"<article class=\"story\"><h1>Regulator clears lymphoma cell therapy</h1><div class=\"story-body\"><p>{ParagraphOne}</p>{inside}<p>{ParagraphTwo}</p><p>{ParagraphThree}</p></div></article>";

    [Fact]
    public void Article_paragraphs_are_kept_as_paragraphs_and_the_headline_is_not_body_text()
    {
        var text = Text(Page(Article()));

        Assert.Equal($"{ParagraphOne}\n\n{ParagraphTwo}\n\n{ParagraphThree}", text);
    }

    [Fact]
    public void Navigation_sidebar_footer_and_cookie_banner_are_dropped()
    {
        var html = Page(
            "<div id=\"cookie-consent\"><p>We use cookies to improve your experience, to measure traffic, and to show you offers. Accept all cookies?</p></div>" +
            "<header class=\"site-header\"><nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/news\">News</a></li><li><a href=\"/about\">About us</a></li></ul></nav></header>" +
            "<main><div class=\"layout\">" + Article() +
            "<div class=\"sidebar\"><h3>Most read</h3><p>A long sidebar paragraph about a different story, with commas, clauses, and enough words to look like text.</p></div>" +
            "</div></main>" +
            "<footer><p>Copyright Example Media. All rights reserved, everywhere, always, for ever and ever.</p></footer>");

        var text = Text(html);

        Assert.Contains(ParagraphOne, text);
        Assert.Contains(ParagraphThree, text);
        Assert.DoesNotContain("cookies", text);
        Assert.DoesNotContain("About us", text);
        Assert.DoesNotContain("sidebar paragraph", text);
        Assert.DoesNotContain("Copyright", text);
    }

    [Fact]
    public void Newsletter_box_share_bar_ad_and_related_list_inside_the_article_are_pruned()
    {
        var inside =
            "<div class=\"share-bar\"><a href=\"https://social.example/share\">Share</a> <a href=\"mailto:?\">Email</a></div>" +
            "<div class=\"newsletter-signup\"><p>Get the morning briefing, with the day's top regulatory news, in your inbox. Sign up now.</p></div>" +
            "<div class=\"ad-slot\"><p>Advertisement</p></div>" +
            "<p>Related stories</p><ul><li><a href=\"/a\">Another agency delays its decision on a gene therapy</a></li><li><a href=\"/b\">Five things to know about cell therapy prices</a></li></ul>";

        var text = Text(Page(Article(inside)));

        Assert.Equal($"{ParagraphOne}\n\n{ParagraphTwo}\n\n{ParagraphThree}", text);
    }

    [Fact]
    public void Comments_section_is_not_article_text()
    {
        var comments = "<section id=\"comments\"><h2>12 comments</h2>" +
            string.Concat(Enumerable.Range(1, 6).Select(i => $"<div class=\"comment\"><p>Reader {i} wrote a long reply, with opinions, asides, and some more words to make it long enough.</p></div>")) +
            "</section>";

        var text = Text(Page(Article() + comments));

        Assert.DoesNotContain("Reader", text);
        Assert.Contains(ParagraphTwo, text);
    }

    [Fact]
    public void Hidden_elements_are_not_text()
    {
        var inside = "<p style=\"display: none\">Hidden teaser text that a browser never shows to the reader at all.</p>" +
            "<p hidden>Another hidden paragraph, also long enough to count as a paragraph of text.</p>";

        var text = Text(Page(Article(inside)));

        Assert.DoesNotContain("hidden", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Captions_are_not_article_text()
    {
        var inside = "<figure><img src=\"a.jpg\" alt=\"\"><figcaption>A technician in a clean room handles a bag of cells. (Photo: Example)</figcaption></figure>";

        Assert.DoesNotContain("technician", Text(Page(Article(inside))));
    }

    [Fact]
    public void Embedded_post_is_kept_although_it_is_mostly_links()
    {
        var inside = "<div class=\"social-embed\"><blockquote class=\"twitter-tweet\"><p>Huge day for patients: the approval is in. <a href=\"https://t.example/x\">https://t.example/x</a></p>— A Doctor (@doc) <a href=\"https://x.example/1\">March 3, 2025</a></blockquote></div>";

        Assert.Contains("Huge day for patients", Text(Page(Article(inside))));
    }

    [Fact]
    public void Lists_are_lines_headings_are_paragraphs_and_inline_text_is_joined()
    {
        var inside = "<h2>What the label says</h2><ul><li>Adults only</li><li>After two <em>earlier</em> treatments</li></ul><p>Line one<br>line two</p>";

        var text = Text(Page(Article(inside)));

        Assert.Contains("\n\nWhat the label says\n\nAdults only\nAfter two earlier treatments\n\nLine one\nline two\n\n", text);
    }

    [Fact]
    public void White_space_is_normalised_and_entities_decoded()
    {
        var inside = "<p>  Spaced\n\t out &amp; <b>bold</b>&nbsp;text,   with   gaps. </p>";

        Assert.Contains("\n\nSpaced out & bold text, with gaps.\n\n", Text(Page(Article(inside))));
    }

    [Fact]
    public void Json_ld_article_body_is_used_when_the_markup_holds_little()
    {
        var ld = $$"""<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"H","articleBody":"{{ParagraphOne}} {{ParagraphTwo}} {{ParagraphThree}}"}</script>""";
        var html = Page("<div id=\"app\"><p>Loading…</p></div>", ld);

        var page = HtmlPageReader.Read(html);

        Assert.Equal("json-ld", page.TextFrom);
        Assert.StartsWith(ParagraphOne, page.Text);
    }

    [Fact]
    public void Markup_text_is_kept_when_json_ld_holds_only_a_teaser()
    {
        var ld = """<script type="application/ld+json">{"@type":"NewsArticle","articleBody":"The regulator said on Tuesday that it had cleared the cell therapy for adults whose lymphoma returned after two earlier treatments and more..."}</script>""";

        var page = HtmlPageReader.Read(Page(Article(), ld));

        Assert.Equal("markup", page.TextFrom);
        Assert.Contains(ParagraphThree, page.Text);
    }

    [Fact]
    public void Small_page_without_structure_is_taken_whole()
    {
        var text = Text("<p>Short notice: the site is closed<p>Back on Monday");

        Assert.Equal("Short notice: the site is closed\n\nBack on Monday", text);
    }

    [Fact]
    public void Page_of_navigation_only_has_no_text()
    {
        var html = Page("<nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/news\">News</a></li></ul></nav><footer><a href=\"/privacy\">Privacy</a> © Example</footer>");

        Assert.Equal("", Text(html));
    }

    [Fact]
    public void Paragraphs_split_across_sibling_blocks_are_gathered()
    {
        // Sites that break the body into several "text" blocks around inline ads.
        var html = Page(
            "<div class=\"main\"><h1>Title</h1>" +
            $"<div class=\"body-text\"><p>{ParagraphOne}</p></div>" +
            "<div class=\"inline-ad\"><p>Advertisement</p></div>" +
            $"<div class=\"body-text\"><p>{ParagraphTwo}</p><p>{ParagraphThree}</p></div>" +
            "</div><div class=\"rail\"><p>Sponsored: buy our conference tickets, early bird prices, limited seats, book now.</p></div>");

        Assert.Equal($"{ParagraphOne}\n\n{ParagraphTwo}\n\n{ParagraphThree}", Text(html));
    }
}
