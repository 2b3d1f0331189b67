using System.IO.Compression;
using System.Text;
using CellRadar.Core.Errors;
using CellRadar.Core.Reading;
using CellRadar.Core.Reading.Html;

namespace CellRadar.Core.Tests.Reading.Html;

/// <summary>Pages that are broken, hostile or not pages at all: each gives text or a clear per-item error, never a crash.</summary>
public sealed class HostileHtmlTests : IDisposable
{
    private const string Sentence = "The trial was cleared to start, with the first patients expected to enrol before the summer, the sponsor said.";

    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private static List<ReadResult> Read(params string[] paths) => [.. new ItemSource().Read(paths)];

    [Fact]
    public void Gzipped_page_is_read_transparently_and_keyed_without_extensions()
    {
        var path = _dir.WriteGzip("KEY1.html.gz", Encoding.UTF8.GetBytes($"<html><body><article><p>{Sentence}</p></article></body></html>"));

        var item = Assert.Single(Read(path)).Item!;

        Assert.Equal("KEY1", item.Id);
        Assert.Equal(Sentence, item.Body);
    }

    [Fact]
    public void Truncated_gzip_is_E101_naming_the_file_and_the_next_file_is_still_read()
    {
        var page = Encoding.UTF8.GetBytes("<html><body>" + string.Concat(Enumerable.Repeat($"<p>{Sentence}</p>", 200)) + "</body></html>");
        var whole = _dir.WriteGzip("whole.html.gz", page);
        var bytes = File.ReadAllBytes(whole);
        var cut = _dir.WriteBytes("cut.html.gz", bytes[..(bytes.Length / 2)]);

        var results = Read(cut, whole);

        Assert.Equal(ErrorCode.UnreadableFile, results[0].Error!.Code);
        Assert.Equal(cut, results[0].Error!.Subject);
        Assert.Contains("gzip", results[0].Error!.Detail);
        Assert.True(results[1].IsSuccess);
    }

    [Fact]
    public void Malformed_markup_gives_best_effort_text_with_every_word()
    {
        var path = _dir.Write("broken.html",
            "<html><body><p>Unclosed <b>bold <i>italic</b> crossed</i> tags<p>Second part <div>inside</p></span></td> stray closers &bogus; &amp text <<>> end</body");

        var body = Assert.Single(Read(path)).Item!.Body;

        foreach (var word in new[] { "Unclosed", "bold", "italic", "crossed", "tags", "Second part", "inside", "stray closers", "&bogus;", "end" })
            Assert.Contains(word, body);
    }

    [Fact]
    public void Page_declared_latin1_but_saved_as_utf8_reads_correctly()
    {
        var path = _dir.WriteBytes("wrong.html", Encoding.UTF8.GetBytes(
            $"<html><head><meta charset=\"iso-8859-1\"></head><body><p>Résumé of the décision: {Sentence}</p></body></html>"));

        Assert.StartsWith("Résumé of the décision:", Assert.Single(Read(path)).Item!.Body);
    }

    [Theory]
    [InlineData("div")]
    [InlineData("section")]
    [InlineData("blockquote")]
    [InlineData("span")]
    [InlineData("b")]
    [InlineData("li")]
    public void Ten_thousand_deep_nesting_neither_overflows_nor_loses_the_text(string tag)
    {
        const int Depth = 10_000;
        var html = new StringBuilder("<html><body>");
        for (var i = 0; i < Depth; i++) html.Append('<').Append(tag).Append('>');
        html.Append("<p>").Append(Sentence).Append("</p>");
        for (var i = 0; i < Depth; i++) html.Append("</").Append(tag).Append('>');
        html.Append("</body></html>");
        var path = _dir.Write($"deep-{tag}.html", html.ToString());

        var item = Assert.Single(Read(path)).Item!;

        Assert.Contains(Sentence, item.Body);
    }

    [Fact]
    public void Ten_thousand_unclosed_tags_are_read()
    {
        var html = string.Concat(Enumerable.Repeat("<div><span><a href=\"/x\">", 10_000)) + Sentence;

        var page = HtmlPageReader.Read(html);

        Assert.Contains("The trial was cleared", page.Text);
    }

    [Fact]
    public void Binary_file_named_html_is_E103()
    {
        var bytes = new byte[20_000];
        new Random(11).NextBytes(bytes);
        bytes[3] = 0;
        var path = _dir.WriteBytes("image.html", bytes);

        var error = Assert.Single(Read(path)).Error!;

        Assert.Equal(ErrorCode.BinaryContent, error.Code);
        Assert.Equal(path, error.Subject);
    }

    [Fact]
    public void Empty_and_blank_documents_are_E102()
    {
        var empty = _dir.Write("empty.html", "");
        var blank = _dir.Write("blank.htm", " \n\t ");

        var results = Read(empty, blank);

        Assert.All(results, r => Assert.Equal(ErrorCode.EmptyItem, r.Error!.Code));
    }

    [Fact]
    public void Page_with_only_navigation_is_E108()
    {
        var path = _dir.Write("menu.html",
            "<html><head><title>Menu</title><script>var a = 1;</script></head><body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>" +
            "<footer><a href=\"/terms\">Terms</a></footer></body></html>");

        var error = Assert.Single(Read(path)).Error!;

        Assert.Equal(ErrorCode.MissingText, error.Code);
        Assert.Contains("no article text", error.Detail);
    }

    [Fact]
    public void Markup_without_any_element_text_is_E108_not_a_crash()
    {
        var path = _dir.Write("tags.html", "<html><head></head><body><div><div></div></div><img src=x><br><br></body></html>");

        Assert.Equal(ErrorCode.MissingText, Assert.Single(Read(path)).Error!.Code);
    }

    [Fact]
    public void Json_item_html_field_goes_through_the_same_extractor_and_fills_missing_metadata()
    {
        var html = "<html><head><meta property=\"og:title\" content=\"Page title\"><meta property=\"article:published_time\" content=\"2025-02-03\"></head>" +
            $"<body><nav><a href=\"/\">Home</a></nav><article><p>{Sentence}</p></article><footer>Footer text</footer></body></html>";
        var path = _dir.Write("item.json", System.Text.Json.JsonSerializer.Serialize(new { html, source = "Own source" }));

        var item = Assert.Single(Read(path)).Item!;

        Assert.Equal(Sentence, item.Body);
        Assert.Equal("Page title", item.Title);
        Assert.Equal("2025-02-03", item.Published.ToString());
        Assert.Equal("Own source", item.Source);
    }

    [Fact]
    public void Html_on_standard_input_is_recognised()
    {
        using var stdin = new MemoryStream(Encoding.UTF8.GetBytes($"  <!doctype html><html><body><p>{Sentence}</p></body></html>"));

        var item = Assert.Single(new ItemSource().Read(["-"], stdin)).Item!;

        Assert.Equal(Sentence, item.Body);
    }

    [Fact]
    public void Script_and_style_text_never_reach_the_body()
    {
        var path = _dir.Write("scripted.html",
            $"<html><body><style>p {{ color: red }}</style><p>{Sentence}</p><script>document.write('injected words here')</script><noscript>Enable scripts please</noscript></body></html>");

        var body = Assert.Single(Read(path)).Item!.Body;

        Assert.Equal(Sentence, body);
    }
}
