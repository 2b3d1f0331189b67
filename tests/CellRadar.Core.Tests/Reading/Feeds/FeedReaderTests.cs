using System.Diagnostics;
using System.Text;
using CellRadar.Core.Errors;
using CellRadar.Core.Model;
using CellRadar.Core.Reading;
using CellRadar.Core.Reading.Feeds;

namespace CellRadar.Core.Tests.Reading.Feeds;

/// <summary>RSS and Atom entries as items, and every hostile feed the reader must survive. Feeds written for these tests.</summary>
public sealed class FeedReaderTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private const string Rss = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom">
          <channel>
            <title>Northwind Cell Bulletin</title>
            <link>https://bulletin.example.com/</link>
            <atom:link rel="self" href="https://bulletin.example.com/feed.rss"/>
            <item>
              <title>Kymriah cleared for a new group &amp; setting</title>
              <link>https://bulletin.example.com/2025/kymriah-new-group</link>
              <guid isPermaLink="false">nw-2025-0611</guid>
              <pubDate>Wed, 11 Jun 2025 07:30:00 +0200</pubDate>
              <description>&lt;p&gt;Regulators in Washington signed off on the therapy.&lt;/p&gt;&lt;script&gt;track()&lt;/script&gt;&lt;p&gt;More next week.&lt;/p&gt;</description>
            </item>
            <item>
              <title>Second story</title>
              <link>/2025/second-story</link>
              <description>Only a teaser here.</description>
              <content:encoded><![CDATA[<div><p>The full second story, first paragraph.</p><p>And its second paragraph.</p></div>]]></content:encoded>
            </item>
          </channel>
        </rss>
        """;

    private static List<FeedEntryResult> ReadFeed(string xml, Uri? baseUri = null) =>
        [.. FeedReader.Read("test.rss", Encoding.UTF8.GetBytes(xml), baseUri)];

    private static List<ReadResult> ReadFile(string path) => [.. new ItemSource().Read([path])];

    [Fact]
    public void Rss_item_becomes_an_item_with_its_guid_link_date_and_description_as_text()
    {
        var items = ReadFile(_dir.Write("bulletin.rss", Rss));
        Assert.All(items, r => Assert.True(r.IsSuccess, r.Error?.ToString()));
        var first = items[0].Item!;
        Assert.Equal("nw-2025-0611", first.Id);
        Assert.Equal("Kymriah cleared for a new group & setting", first.Title);
        Assert.Equal("https://bulletin.example.com/2025/kymriah-new-group", first.Url);
        // The date as the publisher wrote it, in its own zone.
        Assert.Equal(PartialDate.OfDay(2025, 6, 11), first.Published);
        Assert.Equal("Northwind Cell Bulletin", first.Source);
        Assert.Contains("Regulators in Washington signed off on the therapy.", first.Body, StringComparison.Ordinal);
        Assert.Contains("More next week.", first.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("track()", first.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("<p>", first.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Content_encoded_wins_over_the_teaser_and_keeps_its_paragraphs()
    {
        var second = ReadFile(_dir.Write("bulletin.rss", Rss))[1].Item!;
        Assert.Equal("The full second story, first paragraph.\n\nAnd its second paragraph.", second.Body);
        Assert.DoesNotContain("teaser", second.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Relative_links_resolve_against_the_feed_address_or_else_the_site_link()
    {
        var fromSite = ReadFeed(Rss)[1].Entry!;
        Assert.Equal("https://bulletin.example.com/2025/second-story", fromSite.Link);
        var fromFeed = ReadFeed(Rss, new Uri("https://mirror.example.net/feeds/cells.rss"))[1].Entry!;
        Assert.Equal("https://mirror.example.net/2025/second-story", fromFeed.Link);
    }

    [Fact]
    public void Entry_without_guid_is_keyed_by_a_hash_of_its_link_stable_across_reads()
    {
        var a = ReadFeed(Rss)[1].Entry!;
        var b = ReadFeed(Rss.Replace("And its second paragraph.", "Edited later.", StringComparison.Ordinal))[1].Entry!;
        Assert.StartsWith("link-", a.Key, StringComparison.Ordinal);
        // The text changed, the link did not: still the same entry.
        Assert.Equal(a.Key, b.Key);
        var moved = ReadFeed(Rss.Replace("/2025/second-story", "/2025/other-story", StringComparison.Ordinal))[1].Entry!;
        Assert.NotEqual(a.Key, moved.Key);
    }

    [Fact]
    public void Atom_entry_takes_id_alternate_link_published_and_xhtml_content()
    {
        const string atom = """
            <feed xmlns="http://www.w3.org/2005/Atom">
              <title type="text">Atom Desk</title>
              <entry>
                <id>tag:desk.example.org,2025:entry-42</id>
                <title type="html">Opinion &lt;em&gt;adopted&lt;/em&gt;</title>
                <link rel="self" href="https://desk.example.org/api/42"/>
                <link rel="alternate" type="text/html" href="https://desk.example.org/stories/42"/>
                <updated>2025-07-02T10:00:00Z</updated>
                <published>2025-06-30T23:30:00-05:00</published>
                <summary>Summary that loses to content.</summary>
                <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>First &amp; foremost.</p><p>Second part.</p></div></content>
              </entry>
            </feed>
            """;
        var entry = Assert.Single(ReadFeed(atom)).Entry!;
        Assert.Equal("tag:desk.example.org,2025:entry-42", entry.Key);
        Assert.Equal("https://desk.example.org/stories/42", entry.Link);
        Assert.Equal("Opinion adopted", entry.Title);
        Assert.Equal(PartialDate.OfDay(2025, 6, 30), entry.Published);
        Assert.Equal("First & foremost.\n\nSecond part.", entry.Text);
        Assert.Equal("Atom Desk", entry.Source);
    }

    [Fact]
    public void Rss_1_rdf_items_are_read_with_their_dublin_core_date()
    {
        const string rdf = """
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel rdf:about="https://old.example.com/"><title>Old Style</title></channel>
              <item rdf:about="https://old.example.com/a"><title>A</title><link>https://old.example.com/a</link><dc:date>2024-12-01</dc:date><description>Text of A.</description></item>
            </rdf:RDF>
            """;
        var entry = Assert.Single(ReadFeed(rdf)).Entry!;
        Assert.Equal("https://old.example.com/a", entry.Link);
        Assert.Equal(PartialDate.OfDay(2024, 12, 1), entry.Published);
        Assert.Equal("Text of A.", entry.Text);
    }

    [Fact]
    public void Script_links_never_become_an_items_url()
    {
        var xml = Rss.Replace("https://bulletin.example.com/2025/kymriah-new-group", "javascript:alert(1)", StringComparison.Ordinal);
        var entry = ReadFeed(xml)[0].Entry!;
        Assert.Null(entry.Link);
    }

    [Fact]
    public void Billion_laughs_dtd_is_refused_at_once_with_E111()
    {
        var xml = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n  <!ENTITY lol \"lol\">\n");
        for (var i = 1; i <= 9; i++)
            xml.Append($"  <!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{(i == 1 ? "" : (i - 1).ToString())};", 10))}\">\n");
        xml.Append("]>\n<rss><channel><item><title>&lol9;</title><description>x</description></item></channel></rss>");
        var clock = Stopwatch.StartNew();
        var results = ReadFile(_dir.Write("laughs.rss", xml.ToString()));
        var error = Assert.Single(results).Error!;
        Assert.Equal(ErrorCode.MalformedFeed, error.Code);
        Assert.Contains("DTD", error.Detail, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Malformed_xml_is_E111_naming_the_file_and_line()
    {
        var path = _dir.Write("broken.rss", "<rss><channel>\n<item><title>One</titel></item></channel></rss>");
        var error = Assert.Single(ReadFile(path)).Error!;
        Assert.Equal(ErrorCode.MalformedFeed, error.Code);
        Assert.Equal(path, error.Subject);
        Assert.Contains("line 2", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_feed_gives_the_entries_before_the_break_then_E111()
    {
        var cut = Rss[..Rss.IndexOf("<content:encoded>", StringComparison.Ordinal)];
        var results = ReadFile(_dir.Write("cut.rss", cut));
        Assert.Equal(2, results.Count);
        Assert.Equal("nw-2025-0611", results[0].Item!.Id);
        Assert.Equal(ErrorCode.MalformedFeed, results[1].Error!.Code);
        Assert.Contains("after entry 2", results[1].Error!.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "the feed is empty")]
    [InlineData("  \n\t ", "only white space")]
    [InlineData("<rss version=\"2.0\"><channel><title>Nothing yet</title></channel></rss>", "no entries")]
    [InlineData("<feed xmlns=\"http://www.w3.org/2005/Atom\"/>", "no entries")]
    public void Empty_feeds_are_E102(string content, string detail)
    {
        var error = Assert.Single(ReadFile(_dir.Write("empty.rss", content))).Error!;
        Assert.Equal(ErrorCode.EmptyItem, error.Code);
        Assert.Contains(detail, error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_file_named_rss_is_E103()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        bytes[10] = 0;
        var error = Assert.Single(ReadFile(_dir.WriteBytes("image.rss", bytes))).Error!;
        Assert.Equal(ErrorCode.BinaryContent, error.Code);
    }

    [Fact]
    public void Xml_that_is_not_a_feed_is_E106()
    {
        var error = Assert.Single(ReadFile(_dir.Write("config.xml", "<configuration><add key=\"a\"/></configuration>"))).Error!;
        Assert.Equal(ErrorCode.UnsupportedFormat, error.Code);
        Assert.Contains("<configuration>", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_entry_is_skipped_with_its_own_error_and_the_rest_are_read()
    {
        const string xml = """
            <rss><channel>
              <item><title>Fine one</title><description>Words.</description></item>
              <item></item>
              <item><title>Link only</title><link>https://x.example.com/only-link</link></item>
              <item><title>Fine two</title><description>More words.</description></item>
            </channel></rss>
            """;
        var results = ReadFile(_dir.Write("mixed.rss", xml));
        Assert.Equal(4, results.Count);
        Assert.Equal("Fine one", results[0].Item!.Title);
        Assert.Equal(ErrorCode.MissingText, results[1].Error!.Code);
        Assert.Contains("entry 2", results[1].Error!.Subject, StringComparison.Ordinal);
        // A link without text cannot be an item when read from a file; its page is named so it can be fetched.
        Assert.Equal(ErrorCode.MissingText, results[2].Error!.Code);
        Assert.Contains("https://x.example.com/only-link", results[2].Error!.Detail, StringComparison.Ordinal);
        Assert.Equal("Fine two", results[3].Item!.Title);
    }

    [Theory]
    [InlineData("description")]
    [InlineData("unknown")]
    public void Ten_thousand_deep_nesting_neither_overflows_nor_loses_the_text(string where)
    {
        const int depth = 10_000;
        var deep = string.Concat(Enumerable.Repeat("<b>", depth)) + "Deep words survive." + string.Concat(Enumerable.Repeat("</b>", depth));
        var inner = where == "description" ? $"<description>{deep}</description>" : $"<description>Shallow words.</description><extra>{deep}</extra>";
        var item = Assert.Single(ReadFile(_dir.Write("deep.rss", $"<rss><channel><item><title>Deep</title>{inner}</item></channel></rss>"))).Item!;
        Assert.Contains(where == "description" ? "Deep words survive." : "Shallow words.", item.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Windows_1252_bytes_in_a_feed_declared_utf8_are_read_as_windows_1252()
    {
        var head = Encoding.ASCII.GetBytes("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss><channel><item><title>Caf");
        byte[] tail = [0xE9, .. Encoding.ASCII.GetBytes(" news</title><description>Price 5 "), 0x80, .. Encoding.ASCII.GetBytes(" a dose.</description></item></channel></rss>")];
        var item = Assert.Single(ReadFile(_dir.WriteBytes("legacy.rss", [.. head, .. tail]))).Item!;
        Assert.Equal("Café news", item.Title);
        Assert.Equal("Price 5 € a dose.", item.Body);
    }

    [Fact]
    public void Feed_declared_latin1_is_decoded_in_that_encoding()
    {
        byte[] bytes = [.. Encoding.ASCII.GetBytes("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><channel><item><title>M"), 0xFC,
            .. Encoding.ASCII.GetBytes("nchen</title><description>Text.</description></item></channel></rss>")];
        Assert.Equal("München", Assert.Single(ReadFile(_dir.WriteBytes("latin.rss", bytes))).Item!.Title);
    }

    [Fact]
    public void Gzipped_feed_and_feed_on_standard_input_are_recognised()
    {
        var gz = ReadFile(_dir.WriteGzip("bulletin.rss.gz", Encoding.UTF8.GetBytes(Rss)));
        Assert.Equal(2, gz.Count(r => r.IsSuccess));
        var stdin = new ItemSource().Read(["-"], new MemoryStream(Encoding.UTF8.GetBytes(Rss))).ToList();
        Assert.Equal(["nw-2025-0611", ReadFeed(Rss)[1].Entry!.Key], stdin.Select(r => r.Item!.Id));
    }

    [Theory]
    [InlineData("Tue, 10 Jun 2025 08:00:00 GMT", "2025-06-10")]
    [InlineData("10 Jun 2025 08:00 +0000", "2025-06-10")]
    [InlineData("Sat, 3 Feb 01 00:00:00 EST", "2001-02-03")]
    [InlineData("2025-06-10T23:59:00-07:00", "2025-06-10")]
    [InlineData("Thursday, 05 September 2024 12:00:00 GMT", "2024-09-05")]
    public void Feed_dates_in_rfc822_and_iso_forms_are_read_as_written(string value, string expected)
    {
        Assert.Equal(PartialDate.Parse(expected), FeedDates.Parse(value));
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("31 Feb 2025")]
    [InlineData("")]
    public void Unreadable_feed_dates_are_absent(string value)
    {
        Assert.Null(FeedDates.Parse(value));
    }
}
