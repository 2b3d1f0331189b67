using System.Text.Json;
using CellRadar.Core.Model;
using CellRadar.Storage;

namespace CellRadar.Tests;

/// <summary>
/// The events command over a database filled through the real store (not through ingest, so these tests
/// pin querying and formatting whatever the extractor finds).
/// </summary>
public sealed class EventsCommandTests : IDisposable
{
    private const string Text =
        "Hong Kong's health department approved Fucaso, the company said, calling it \"a first\". " +
        "The FDA granted RMAT designation to CT053 in 2024. " +
        "A Japanese filing for eque-cel [bold]is[/] planned.";

    private readonly TempFolder _temp = new();

    public EventsCommandTests()
    {
        using var store = SqliteEventStore.Open(_temp.Database);
        var item = new NewsItem { Id = "story-1", Origin = "news/story-1.txt", Title = "Three events", Body = Text, Url = "https://example.org/s1" };
        store.SaveBatch(store.StartRun("test"),
        [
            new ItemRecord(item, ContentHash.Of(item), item.Title!, Text, null, "", [
                Event("Hong Kong's health department approved Fucaso, the company said, calling it \"a first\".",
                    "equecabtagene autoleucel", EventKind.Approval, "HK", "2025-03-18") with { Indication = "=HYPERLINK(\"x\")" },
                Event("The FDA granted RMAT designation to CT053 in 2024.", "zevorcabtagene autoleucel", EventKind.Designation, "US", "2024") with { Subtype = "RMAT" },
                Event("A Japanese filing for eque-cel [bold]is[/] planned.", "equecabtagene autoleucel", EventKind.Submission, "JP", null) with { Status = EventStatus.Expected },
            ], ExtractorInfo.Version),
        ]);
    }

    public void Dispose() => _temp.Dispose();

    private static RegulatoryEvent Event(string sentence, string product, EventKind kind, string jurisdiction, string? date)
    {
        var start = Text.IndexOf(sentence, StringComparison.Ordinal);
        return new RegulatoryEvent
        {
            Product = product, Kind = kind, Jurisdiction = Jurisdiction.Parse(jurisdiction),
            Date = date is null ? null : PartialDate.Parse(date),
            Evidence = new TextSpan(start, start + sentence.Length), EvidenceText = sentence,
            Confidence = 0.75, ExtractorVersion = ExtractorInfo.Version,
        };
    }

    private JsonElement[] Jsonl(params string[] filters)
    {
        var result = CliRun.Run(["events", "--db", _temp.Database, "--format", "jsonl", .. filters]);
        Assert.Equal(0, result.ExitCode);
        return [.. result.OutLines.Select(l => JsonDocument.Parse(l).RootElement.Clone())];
    }

    private static string[] Kinds(JsonElement[] events) => [.. events.Select(e => e.GetProperty("kind").GetString()!)];

    [Fact]
    public void Without_filters_every_event_is_listed_dated_first()
    {
        Assert.Equal(["designation", "approval", "submission"], Kinds(Jsonl()));
    }

    [Fact]
    public void Product_filter_accepts_any_case_and_catalog_aliases()
    {
        Assert.Equal(["approval", "submission"], Kinds(Jsonl("--product", "EQUECABTAGENE AUTOLEUCEL")));
        Assert.Equal(["approval", "submission"], Kinds(Jsonl("--product", "Fucaso")));
        Assert.Equal(["designation"], Kinds(Jsonl("--product", "ct053")));
    }

    [Fact]
    public void Jurisdiction_kind_since_and_limit_filter()
    {
        Assert.Equal(["approval"], Kinds(Jsonl("--jurisdiction", "hk")));
        Assert.Equal(["designation"], Kinds(Jsonl("--jurisdiction", "United States")));
        Assert.Equal(["submission"], Kinds(Jsonl("--kind", "submission")));
        // A year-precise 2024 event may lie in December 2024; the undated submission never passes --since.
        Assert.Equal(["designation", "approval"], Kinds(Jsonl("--since", "2024-12")));
        Assert.Equal(["approval"], Kinds(Jsonl("--since", "2025")));
        Assert.Single(Jsonl("--limit", "1"));
    }

    [Fact]
    public void Json_is_one_array_with_dates_at_their_stated_precision_and_evidence_offsets()
    {
        var result = CliRun.Run("events", "--db", _temp.Database, "--format", "json");
        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Out);
        var events = doc.RootElement.EnumerateArray().ToArray();
        Assert.Equal(3, events.Length);
        Assert.Equal("2024", events[0].GetProperty("date").GetString());
        Assert.Equal("2025-03-18", events[1].GetProperty("date").GetString());
        Assert.Equal("", events[2].GetProperty("date").GetString());
        Assert.Equal("expected", events[2].GetProperty("status").GetString());
        var start = events[1].GetProperty("evidence_start").GetInt32();
        var end = events[1].GetProperty("evidence_end").GetInt32();
        Assert.Equal(Text[start..end], events[1].GetProperty("evidence").GetString());
        Assert.Equal("story-1", events[1].GetProperty("item").GetString());
    }

    [Fact]
    public void Json_of_no_events_is_an_empty_array()
    {
        var result = CliRun.Run("events", "--db", _temp.Database, "--format", "json", "--kind", "gmp");
        Assert.Equal(0, JsonDocument.Parse(result.Out).RootElement.GetArrayLength());
    }

    [Fact]
    public void Csv_has_a_header_row_quotes_commas_and_quotes_and_defuses_formulas()
    {
        var result = CliRun.Run("events", "--db", _temp.Database, "--format", "csv");
        Assert.Equal(0, result.ExitCode);
        var rows = CsvReader.Parse(result.Out);
        Assert.Equal(4, rows.Count);
        var header = rows[0];
        Assert.Equal(["item", "product", "kind", "subtype", "jurisdiction", "agency", "date", "status", "sponsor", "indication", "evidence"], header.Take(11));
        var approval = rows.Single(r => r[2] == "approval");
        Assert.Equal("Hong Kong's health department approved Fucaso, the company said, calling it \"a first\".", approval[Array.IndexOf(header, "evidence")]);
        Assert.Equal("'=HYPERLINK(\"x\")", approval[Array.IndexOf(header, "indication")]);
        Assert.Equal("2025-03-18", approval[Array.IndexOf(header, "date")]);
        Assert.All(rows, r => Assert.Equal(header.Length, r.Length));
    }

    [Fact]
    public void Table_output_is_plain_aligned_text_when_redirected()
    {
        var result = CliRun.Run("events", "--db", _temp.Database);
        Assert.Equal(0, result.ExitCode);
        var lines = result.OutLines;
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("date", lines[0], StringComparison.Ordinal);
        // Columns line up: the product column starts at the same place on every line.
        var productColumn = lines[0].IndexOf("product", StringComparison.Ordinal);
        Assert.Equal("zevorcabtagene autoleucel", lines[1].Substring(productColumn, "zevorcabtagene autoleucel".Length));
        Assert.Equal("equecabtagene autoleucel", lines[2].Substring(productColumn, "equecabtagene autoleucel".Length));
        Assert.DoesNotContain('\u001b', result.Out);
        Assert.DoesNotContain('│', result.Out);
    }

    [Fact]
    public void On_a_terminal_the_table_is_drawn_and_article_text_is_never_read_as_markup()
    {
        var result = CliRun.RunAs(terminal: true, null, null, "events", "--db", _temp.Database);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("│", result.Out, StringComparison.Ordinal);
        // Spectre would have swallowed "[bold]" (or thrown on a stray "[/]") had the evidence been markup.
        Assert.Contains("[bold]is[/]", result.Out, StringComparison.Ordinal);
        Assert.Contains("3 event(s)", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_filter_values_are_bad_usage()
    {
        Assert.Equal(2, CliRun.Run("events", "--db", _temp.Database, "--since", "March 2024").ExitCode);
        Assert.Equal(2, CliRun.Run("events", "--db", _temp.Database, "--kind", "licence").ExitCode);
        Assert.Equal(2, CliRun.Run("events", "--db", _temp.Database, "--jurisdiction", "Atlantis").ExitCode);
        Assert.Equal(2, CliRun.Run("events", "--db", _temp.Database, "--limit", "0").ExitCode);
        Assert.Equal(2, CliRun.Run("events", "--db", _temp.Database, "--format", "xml").ExitCode);
    }
}
