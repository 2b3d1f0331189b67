using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace CellRadar.Tests;

/// <summary><c>cellradar article-body</c> on a small benchmark folder built in the test, and <c>clean</c> on a page.</summary>
public sealed class ArticleBodyCommandTests : IDisposable
{
    private const string Body = "The agency cleared the therapy on Monday, after a review that took less than six months, the company said in a statement.";

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Benchmark(string secondExpected)
    {
        var dir = _temp.Folder("bench");
        WriteGzip(Path.Combine(dir, "html", "aaa.html.gz"), $"<html><body><nav><a href=\"/\">Home</a></nav><article><h1>T</h1><p>{Body}</p></article></body></html>");
        WriteGzip(Path.Combine(dir, "html", "bbb.html.gz"), $"<html><body><article><p>{Body}</p></article></body></html>");
        var truth = new Dictionary<string, object>
        {
            ["aaa"] = new { articleBody = Body, url = "https://example.org/a" },
            ["bbb"] = new { articleBody = secondExpected, url = "https://example.org/b" },
        };
        File.WriteAllText(Path.Combine(dir, "ground-truth.json"), JsonSerializer.Serialize(truth));
        return dir;
    }

    private static void WriteGzip(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var file = File.Create(path);
        using var gz = new GZipStream(file, CompressionLevel.Fastest);
        gz.Write(Encoding.UTF8.GetBytes(text));
    }

    [Fact]
    public void Last_line_gives_precision_recall_f1_and_pages()
    {
        var result = CliRun.Run("article-body", Benchmark(Body));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("article-body: precision 1.000 recall 1.000 f1 1.000 pages 2", result.OutLines[^1]);
    }

    [Fact]
    public void Verbose_prints_a_line_per_page_and_min_f1_fails_the_run_when_missed()
    {
        // The second page's truth is a different text: that page scores 0, the average 0.5.
        var result = CliRun.Run("article-body", Benchmark("Entirely different words that the page never states anywhere at all."), "--verbose", "--min-f1", "0.9");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(3, result.OutLines.Length);
        Assert.StartsWith("aaa  precision 1.000 recall 1.000 f1 1.000", result.OutLines[0], StringComparison.Ordinal);
        Assert.StartsWith("bbb  precision 0.000 recall 0.000 f1 0.000", result.OutLines[1], StringComparison.Ordinal);
        var f1 = double.Parse(result.OutLines[2].Split(' ')[6], CultureInfo.InvariantCulture);
        Assert.Equal(0.5, f1, 3);
    }

    [Fact]
    public void Key_prefixes_select_a_subset()
    {
        var result = CliRun.Run("article-body", Benchmark(Body), "--key-prefixes", "b");

        Assert.EndsWith("pages 1", result.OutLines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_ground_truth_is_E302()
    {
        var result = CliRun.Run("article-body", _temp.Folder("empty"));

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("E302 ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Clean_on_a_web_page_prints_its_metadata_and_article_text_only()
    {
        var page = _temp.File("story.html",
            "<html><head><meta property=\"og:title\" content=\"Agency clears therapy\"><link rel=\"canonical\" href=\"https://example.org/story\">" +
            "<meta property=\"article:published_time\" content=\"2025-04-02T10:00:00Z\"></head>" +
            $"<body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><article><h1>Agency clears therapy</h1><p>{Body}</p></article><footer>Terms and privacy</footer></body></html>");

        var result = CliRun.Run("clean", page);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(Assert.Single(result.OutLines));
        var root = json.RootElement;
        Assert.Equal("story", root.GetProperty("item").GetString());
        Assert.Equal("Agency clears therapy", root.GetProperty("title").GetString());
        Assert.Equal("https://example.org/story", root.GetProperty("url").GetString());
        Assert.Equal("2025-04-02", root.GetProperty("published").GetString());
        Assert.Equal(Body, root.GetProperty("text").GetString());
    }
}
