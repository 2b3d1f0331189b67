using System.Text.Json;

namespace CellRadar.Tests;

public sealed class ExtractAndCleanTests : IDisposable
{
    private static readonly string[] ExtractFields =
        ["item", "product", "kind", "subtype", "jurisdiction", "agency", "date", "status", "sponsor", "indication", "evidence", "confidence"];

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Extract_prints_one_json_object_per_event_with_the_spec_fields_in_order()
    {
        _temp.File("in/hk-approval.txt", Fixtures.HongKongApproval);
        _temp.File("in/rmat.txt", Fixtures.RmatDesignation);

        var result = CliRun.Run("extract", Path.Combine(_temp.Path, "in"));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        Assert.NotEmpty(result.OutLines);
        foreach (var line in result.OutLines)
        {
            using var doc = JsonDocument.Parse(line);
            Assert.Equal(ExtractFields, doc.RootElement.EnumerateObject().Select(p => p.Name));
            Assert.Contains(doc.RootElement.GetProperty("item").GetString(), new[] { "hk-approval", "rmat" });
            Assert.Equal(JsonValueKind.Number, doc.RootElement.GetProperty("confidence").ValueKind);
        }
        // Extraction never creates a database, not even the default one.
        Assert.False(File.Exists(_temp.Database));
    }

    [Fact]
    public void Extract_reports_unreadable_items_on_stderr_and_exits_1()
    {
        _temp.File("in/empty.txt", "");
        _temp.File("in/plants.txt", Fixtures.NoEvents);

        var result = CliRun.Run("extract", Path.Combine(_temp.Path, "in"));

        Assert.Equal(1, result.ExitCode);
        var error = Assert.Single(result.ErrorLines);
        Assert.StartsWith("E102 ", error, StringComparison.Ordinal);
        Assert.Contains("empty.txt", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Clean_output_keeps_non_ascii_text_readable_but_escapes_markup_characters()
    {
        var path = _temp.File("in/quotes.txt", "title: Zürich’s <b>news</b>\n\nThe agency’s note named Ärzte & clinics.\n");

        var line = Assert.Single(CliRun.Run("clean", path).OutLines);

        Assert.Contains("Zürich’s", line, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", line, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(line);
        Assert.Equal("Zürich’s <b>news</b>", doc.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public void Clean_prints_item_title_url_published_and_text()
    {
        var path = _temp.File("in/hk-approval.txt", Fixtures.HongKongApproval);

        var result = CliRun.Run("clean", path);

        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(Assert.Single(result.OutLines));
        var o = doc.RootElement;
        Assert.Equal(["item", "title", "url", "published", "text"], o.EnumerateObject().Select(p => p.Name));
        Assert.Equal("hk-approval", o.GetProperty("item").GetString());
        Assert.Equal("Hong Kong regulator clears Fucaso for myeloma", o.GetProperty("title").GetString());
        Assert.Equal("2025-03-18", o.GetProperty("published").GetString());
        Assert.Contains("approved Fucaso", o.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("published:", o.GetProperty("text").GetString(), StringComparison.Ordinal);
    }
}
