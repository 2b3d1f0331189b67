using System.Text;
using CellRadar.Core.Errors;
using CellRadar.Core.Reading;

namespace CellRadar.Core.Tests.Reading;

public sealed class ItemReaderTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private static List<ReadResult> Read(string path) => [.. new ItemSource().Read([path])];

    [Fact]
    public void Text_header_block_gives_metadata_and_the_rest_is_body()
    {
        var path = _dir.Write("story.txt",
            "title: Regulator clears a new lymphoma therapy\nurl: https://news.example.org/a/1\npublished: 2024-05-06\nsource: Example News\nauthor: ignored\n\nFirst paragraph.\n\nSecond paragraph.");

        var item = Assert.Single(Read(path)).Item!;

        Assert.Equal("story", item.Id);
        Assert.Equal("Regulator clears a new lymphoma therapy", item.Title);
        Assert.Equal("https://news.example.org/a/1", item.Url);
        Assert.Equal("2024-05-06", item.Published.ToString());
        Assert.Equal("Example News", item.Source);
        Assert.Equal("First paragraph.\n\nSecond paragraph.", item.Body);
    }

    [Fact]
    public void Text_whose_first_line_is_not_a_known_key_has_no_header()
    {
        const string text = "Update: the agency changed its mind.\n\nThe rest of the story.";
        var path = _dir.Write("plain.md", text);

        var item = Assert.Single(Read(path)).Item!;

        Assert.Null(item.Title);
        Assert.Equal(text, item.Body);
    }

    [Fact]
    public void Bad_published_header_is_E107_naming_the_file_and_value()
    {
        var path = _dir.Write("bad.txt", "published: last Tuesday\n\nBody.");

        var error = Assert.Single(Read(path)).Error!;

        Assert.Equal(ErrorCode.BadHeaderValue, error.Code);
        Assert.Equal(path, error.Subject);
        Assert.Contains("last Tuesday", error.Detail);
    }

    [Fact]
    public void Script_url_in_a_header_is_refused()
    {
        var path = _dir.Write("evil.txt", "url: javascript:alert(1)\n\nBody.");

        Assert.Equal(ErrorCode.BadHeaderValue, Assert.Single(Read(path)).Error!.Code);
    }

    [Fact]
    public void Json_item_fields_are_mapped()
    {
        var path = _dir.Write("one.json",
            """{"title":"Agency accepts filing","text":"The filing was accepted.","url":"https://example.com/x","published":"2025-01-31T09:00:00Z","source":"Wire"}""");

        var item = Assert.Single(Read(path)).Item!;

        Assert.Equal("one", item.Id);
        Assert.Equal("Agency accepts filing", item.Title);
        Assert.Equal("The filing was accepted.", item.Body);
        Assert.Equal("2025-01-31", item.Published.ToString());
    }

    [Fact]
    public void Json_html_without_text_is_reduced_to_its_text()
    {
        var path = _dir.Write("page.json",
            """{"html":"<html><head><style>p{color:red}</style></head><body><p>First &amp; only.</p><script>track()</script><p>Second.</p></body></html>"}""");

        var item = Assert.Single(Read(path)).Item!;

        Assert.Equal("First & only.\n\nSecond.", item.Body);
    }

    [Fact]
    public void Json_without_text_or_html_is_E108()
    {
        var path = _dir.Write("hollow.json", """{"title":"Only a title"}""");

        Assert.Equal(ErrorCode.MissingText, Assert.Single(Read(path)).Error!.Code);
    }

    [Fact]
    public void Malformed_json_is_E105()
    {
        var path = _dir.Write("broken.json", """{"title": "unterminated""");

        Assert.Equal(ErrorCode.MalformedJson, Assert.Single(Read(path)).Error!.Code);
    }

    [Fact]
    public void Jsonl_ids_come_from_the_line_or_file_and_line_number()
    {
        var path = _dir.Write("batch.jsonl", "{\"id\":\"alpha\",\"text\":\"One.\"}\n\n{\"text\":\"Two.\"}\n");

        var ids = Read(path).Select(r => r.Item!.Id).ToList();

        Assert.Equal(["alpha", "batch#3"], ids);
    }

    [Fact]
    public void Bad_jsonl_line_fails_alone_and_the_rest_are_read()
    {
        var path = _dir.Write("mixed.jsonl", "{\"text\":\"Good one.\"}\n{not json\n{\"text\":\"Good two.\"}\n{\"text\":\"x\",\"published\":\"soon\"}\n");

        var results = Read(path);

        Assert.Equal(4, results.Count);
        Assert.True(results[0].IsSuccess);
        Assert.Equal(ErrorCode.MalformedJson, results[1].Error!.Code);
        Assert.Equal($"{path}:2", results[1].Error!.Subject);
        Assert.True(results[2].IsSuccess);
        Assert.Equal(ErrorCode.BadHeaderValue, results[3].Error!.Code);
    }

    [Fact]
    public void Oversize_jsonl_line_fails_alone()
    {
        var big = "{\"text\":\"" + new string('x', 5000) + "\"}";
        var path = _dir.Write("lines.jsonl", $"{{\"text\":\"Small.\"}}\n{big}\n{{\"text\":\"Also small.\"}}");
        var source = new ItemSource(new ItemSourceOptions { MaxItemBytes = 1000 });

        var results = source.Read([path]).ToList();

        Assert.Equal(3, results.Count);
        Assert.Equal(ErrorCode.TooLarge, results[1].Error!.Code);
        Assert.Contains(big.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), results[1].Error!.Detail);
        Assert.Equal("Also small.", results[2].Item!.Body);
    }

    [Fact]
    public void Windows_1252_text_is_decoded_best_effort()
    {
        // "Caf\xe9 \x93quoted\x94" is not UTF-8; as Windows-1252 it has an accent and curly quotes.
        var path = _dir.WriteBytes("legacy.txt", [.. "Caf"u8, 0xE9, .. " "u8, 0x93, .. "quoted"u8, 0x94]);

        var item = Assert.Single(Read(path)).Item!;

        Assert.Equal("Café \u201Cquoted\u201D", item.Body);
    }

    [Fact]
    public void Mostly_eight_bit_bytes_that_are_not_utf8_are_E110()
    {
        var bytes = new byte[400];
        for (var i = 0; i < bytes.Length; i++) bytes[i] = (byte)(0xC0 + (i % 7 == 0 ? 0x3F : 0x20));
        var path = _dir.WriteBytes("noise.txt", bytes);

        Assert.Equal(ErrorCode.BadEncoding, Assert.Single(Read(path)).Error!.Code);
    }

    [Fact]
    public void Byte_order_marks_are_honoured_and_removed()
    {
        var utf8 = _dir.WriteBytes("bom8.txt", [0xEF, 0xBB, 0xBF, .. "title: With BOM\n\nBody."u8]);
        var utf16 = _dir.WriteBytes("bom16.txt", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("Wide body.")]);

        var first = Assert.Single(Read(utf8)).Item!;
        var second = Assert.Single(Read(utf16)).Item!;

        Assert.Equal("With BOM", first.Title);
        Assert.Equal("Wide body.", second.Body);
    }
}
