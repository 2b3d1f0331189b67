using System.Text;
using CellRadar.Core.Errors;
using CellRadar.Core.Reading;

namespace CellRadar.Core.Tests.Reading;

public sealed class ItemSourceTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private static List<ReadResult> ReadAll(params string[] paths) => [.. new ItemSource().Read(paths)];

    [Fact]
    public void Folder_walk_is_recursive_and_in_ordinal_order()
    {
        _dir.Write("b.txt", "Second item body.");
        _dir.Write("A.txt", "First item body.");
        _dir.Write("sub/c.md", "Third item body.");
        _dir.Write("a.txt", "Fourth item body.");

        var ids = ReadAll(_dir.Path).Select(r => r.Item!.Id).ToList();

        Assert.Equal(["A", "a", "b", "c"], ids);
    }

    [Fact]
    public void Folder_walk_skips_gold_hidden_readme_licence_feed_lists_and_unknown_files()
    {
        _dir.Write("item.txt", "The only real item.");
        _dir.Write("gold/item.jsonl", "{\"product\":\"x\"}");
        _dir.Write(".hidden.txt", "Hidden notes.");
        _dir.Write(".cache/other.txt", "Cached copy.");
        _dir.Write("README.md", "How this folder is laid out.");
        _dir.Write("LICENSE", "Licence text.");
        _dir.Write("notes.docx", "not a format we read");
        _dir.Write("feeds.txt", "https://example.com/feed.rss\n");

        var results = ReadAll(_dir.Path);

        var only = Assert.Single(results);
        Assert.Equal("item", only.Item!.Id);
    }

    [Fact]
    public void Unknown_extension_named_explicitly_is_E106()
    {
        var path = _dir.Write("page.docx", "some text");

        var error = Assert.Single(ReadAll(path)).Error!;

        Assert.Equal(ErrorCode.UnsupportedFormat, error.Code);
        Assert.Equal(path, error.Subject);
        Assert.Contains(".docx", error.Detail);
    }

    [Fact]
    public void Missing_path_is_E109_and_the_run_carries_on()
    {
        var good = _dir.Write("good.txt", "A readable item.");
        var missing = System.IO.Path.Combine(_dir.Path, "nope.txt");

        var results = ReadAll(missing, good);

        Assert.Equal(ErrorCode.PathNotFound, results[0].Error!.Code);
        Assert.Equal(missing, results[0].Error!.Subject);
        Assert.Equal("good", results[1].Item!.Id);
    }

    [Fact]
    public void Oversize_text_file_fails_fast_naming_size_and_limit()
    {
        var path = System.IO.Path.Combine(_dir.Path, "big.txt");
        using (var fs = File.Create(path)) fs.SetLength(50L * 1024 * 1024);

        var error = Assert.Single(ReadAll(path)).Error!;

        Assert.Equal(ErrorCode.TooLarge, error.Code);
        Assert.Contains("52428800 bytes", error.Detail);
        Assert.Contains("10485760", error.Detail);
    }

    [Fact]
    public void Gzip_is_read_transparently_and_the_id_drops_both_extensions()
    {
        var path = _dir.WriteGzip("KEY.txt.gz", Encoding.UTF8.GetBytes("title: Packed\n\nA compressed body."));

        var item = Assert.Single(ReadAll(path)).Item!;

        Assert.Equal("KEY", item.Id);
        Assert.Equal("Packed", item.Title);
        Assert.Equal("A compressed body.", item.Body);
    }

    [Fact]
    public void Gzip_bomb_stops_at_the_cap_while_decompressing()
    {
        var path = _dir.WriteGzip("bomb.txt.gz", Encoding.ASCII.GetBytes(new string('a', 3 * 1024 * 1024)));
        var source = new ItemSource(new ItemSourceOptions { MaxItemBytes = 1024 * 1024 });

        var error = Assert.Single(source.Read([path])).Error!;

        Assert.True(new FileInfo(path).Length < 1024 * 1024, "the compressed file itself is under the cap");
        Assert.Equal(ErrorCode.TooLarge, error.Code);
        Assert.Contains("after decompression", error.Detail);
    }

    [Fact]
    public void Corrupt_gzip_is_E101_naming_the_file()
    {
        // A gzip header followed by a deflate block of the reserved (invalid) type.
        var path = _dir.WriteBytes("broken.txt.gz", [0x1F, 0x8B, 0x08, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]);

        var error = Assert.Single(ReadAll(path)).Error!;

        Assert.Equal(ErrorCode.UnreadableFile, error.Code);
        Assert.Equal(path, error.Subject);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t\r\n  ")]
    public void Empty_or_whitespace_file_is_E102(string content)
    {
        var path = _dir.Write("empty.txt", content);

        Assert.Equal(ErrorCode.EmptyItem, Assert.Single(ReadAll(path)).Error!.Code);
    }

    [Fact]
    public void Nul_bytes_are_binary_E103()
    {
        var path = _dir.WriteBytes("image.txt", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x0D, 0x0A, 0x1A]);

        Assert.Equal(ErrorCode.BinaryContent, Assert.Single(ReadAll(path)).Error!.Code);
    }

    [Fact]
    public void Items_are_read_lazily_one_file_at_a_time()
    {
        _dir.Write("1.txt", "First.");
        var second = _dir.Write("2.txt", "Second.");

        using var results = new ItemSource().Read([_dir.Path]).GetEnumerator();
        Assert.True(results.MoveNext());
        Assert.Equal("1", results.Current.Item!.Id);
        // Had the walk read every file up front, the second item would still arrive.
        File.Delete(second);
        Assert.True(results.MoveNext());

        Assert.Equal(ErrorCode.PathNotFound, results.Current.Error!.Code);
    }

    [Fact]
    public void Standard_input_text_is_one_item_with_its_header()
    {
        var stdin = new MemoryStream(Encoding.UTF8.GetBytes("title: From a pipe\npublished: 2024-11-02\n\nPiped body text."));

        var item = Assert.Single(new ItemSource().Read(["-"], stdin)).Item!;

        Assert.Equal("From a pipe", item.Title);
        Assert.Equal("2024-11-02", item.Published.ToString());
        Assert.Equal("-", item.Origin);
    }

    [Fact]
    public void Standard_input_json_is_sniffed()
    {
        var stdin = new MemoryStream(Encoding.UTF8.GetBytes("  {\"title\":\"Piped JSON\",\"text\":\"Body from JSON.\"}"));

        var item = Assert.Single(new ItemSource().Read(["-"], stdin)).Item!;

        Assert.Equal("Piped JSON", item.Title);
        Assert.Equal("Body from JSON.", item.Body);
    }
}
