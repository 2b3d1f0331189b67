using CellRadar.Core.Model;
using CellRadar.Pages;
using CellRadar.Web;

namespace CellRadar.Tests.Web;

/// <summary>The page builder encodes every text and attribute, writes only safe links, and marks evidence at its offsets.</summary>
public sealed class HtmlTests
{
    [Fact]
    public void Text_and_attribute_values_are_encoded()
    {
        var html = new Html().Open("p", ("title", "\" onmouseover=\"alert(1)")).Text("<script>alert('x') & </script>").Close("p").ToString();
        Assert.Equal("<p title=\"&quot; onmouseover=&quot;alert(1)\">&lt;script&gt;alert(&#x27;x&#x27;) &amp; &lt;/script&gt;</p>", html);
    }

    [Fact]
    public void Names_that_are_not_plain_tag_or_attribute_names_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new Html().Open("p onclick"));
        Assert.Throws<ArgumentException>(() => new Html().Open("p", ("x\"y", "1")));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,<b>x</b>")]
    [InlineData("//evil.example.org/x")]
    [InlineData("/\\evil.example.org")]
    [InlineData("vbscript:x")]
    [InlineData("")]
    public void A_link_to_anything_but_a_site_path_or_http_url_is_written_as_text(string href)
    {
        var html = new Html().Link(href, "source").ToString();
        Assert.Equal("source", html);
        Assert.Equal("source", new Html().ExternalLink(href, "source").ToString());
    }

    [Fact]
    public void External_links_go_out_without_referrer_or_opener()
    {
        var html = new Html().ExternalLink("https://news.example.org/a?b=1&c=2", "story").ToString();
        Assert.Equal("<a href=\"https://news.example.org/a?b=1&amp;c=2\" rel=\"noopener noreferrer nofollow\">story</a>", html);
    }

    [Fact]
    public void Evidence_is_marked_at_its_offsets_and_the_text_around_it_is_encoded()
    {
        const string text = "A <b> before. The FDA approved X. After & more.";
        var start = text.IndexOf("The FDA", StringComparison.Ordinal);
        var html = new Html();
        EvidenceText.Write(html, text, [new EvidenceText.Marked(new TextSpan(start, start + "The FDA approved X.".Length), true)]);
        Assert.Equal("A &lt;b&gt; before. <mark class=\"evidence selected\" id=\"evidence\">The FDA approved X.</mark> After &amp; more.", html.ToString());
    }

    [Fact]
    public void Overlapping_evidence_is_cut_into_pieces_and_only_the_first_selected_piece_gets_the_anchor()
    {
        const string text = "0123456789";
        var html = new Html();
        EvidenceText.Write(html, text, [new EvidenceText.Marked(new TextSpan(2, 6), false), new EvidenceText.Marked(new TextSpan(4, 8), true)]);
        Assert.Equal(
            "01<mark class=\"evidence\">23</mark><mark class=\"evidence selected\" id=\"evidence\">45</mark><mark class=\"evidence selected\">67</mark>89",
            html.ToString());
    }

    [Fact]
    public void Offsets_outside_the_text_are_not_drawn()
    {
        var html = new Html();
        EvidenceText.Write(html, "short", [new EvidenceText.Marked(new TextSpan(2, 50), true), new EvidenceText.Marked(new TextSpan(4, 2), false)]);
        Assert.Equal("short", html.ToString());
    }

    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("C:\\Users\\me\\story.html.gz", "story.html.gz")]
    [InlineData("a b;c$.txt", "a_b_c_.txt")]
    [InlineData("...", "upload.txt")]
    [InlineData(".hidden.json", "hidden.json")]
    public void Uploaded_file_names_are_reduced_to_a_safe_last_segment(string given, string safe) =>
        Assert.Equal(safe, ItemIntake.SafeFileName(given));
}
