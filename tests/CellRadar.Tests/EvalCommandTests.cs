using System.Text.Json;
using CellRadar.Core.Dates;
using CellRadar.Core.Cleaning;
using CellRadar.Core.Model;
using CellRadar.Core.Pipeline;

namespace CellRadar.Tests;

public sealed class EvalCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _items;
    private readonly string _gold;

    public EvalCommandTests()
    {
        _items = _temp.Folder("items");
        _gold = _temp.Folder("gold");
        _temp.File("items/alpha.txt", "title: Alpha news\npublished: 2024-03-05\n\nRegulators cleared Alphacel in America. Alphacel also holds RMAT status.\n");
        _temp.File("items/beta.txt", "title: Beta news\n\nBetacel was filed in Japan. Betacel won an orphan label in Europe.\n");
        _temp.File("items/gamma.txt", "title: Gamma news\n\nNothing about any regulator here.\n");
        // Gold for alpha and beta only; gamma has none and must be warned about, not scored.
        _temp.File("gold/alpha.jsonl",
            """
            {"product":"alphacel","kind":"approval","jurisdiction":"US","agency":"FDA","date":"2024-03-05","status":"occurred"}
            {"product":"alphacel","kind":"designation","subtype":"RMAT","jurisdiction":"US","agency":"FDA","date":"","status":"occurred"}
            """);
        _temp.File("gold/beta.jsonl",
            """
            {"product":"betacel","kind":"submission","subtype":"NDA","jurisdiction":"JP","agency":"PMDA","date":"2023-11","status":"occurred"}

            {"product":"betacel","kind":"designation","subtype":"PRIME","jurisdiction":"EU","agency":"EMA","date":"","status":"occurred"}
            """);
    }

    public void Dispose() => _temp.Dispose();

    /// <summary>
    /// alpha: approval US dated only 2024-03 (gold wants 2024-03-05: matched, date wrong), RMAT US undated (right),
    /// and an EU approval gold does not have (false). beta: submission JP dated 2023-11-20 (gold 2023-11: right at
    /// gold's precision), and an OrphanDrug designation where gold has PRIME (one false, one miss).
    /// </summary>
    private static ItemPipeline Pipeline() => new(
    [
        new PublicationDateFinder(),
        new TextCleaner(),
        new ScriptedExtractor(new Dictionary<string, (string, string, EventKind, string, string, string?)[]>
        {
            ["alpha"] =
            [
                ("Regulators cleared Alphacel in America.", "alphacel", EventKind.Approval, "", "US", "2024-03"),
                ("Alphacel also holds RMAT status.", "alphacel", EventKind.Designation, "RMAT", "US", null),
                ("Regulators cleared Alphacel in America.", "alphacel", EventKind.Approval, "", "EU", null),
            ],
            ["beta"] =
            [
                ("Betacel was filed in Japan.", "betacel", EventKind.Submission, "NDA", "JP", "2023-11-20"),
                ("Betacel won an orphan label in Europe.", "betacel", EventKind.Designation, "OrphanDrug", "EU", null),
            ],
            ["gamma"] = [("Nothing about any regulator here.", "gammacel", EventKind.Approval, "", "US", null)],
        }),
    ]);

    [Fact]
    public void Eval_prints_hand_computed_scores_and_ends_with_the_overall_line()
    {
        var result = CliRun.RunWith(Pipeline, null, "eval", "--gold", _gold, _items);

        // Found 5, gold 4, matched 3: precision 3/5, recall 3/4, F1 2PR/(P+R) = 0.9/1.35; dates right 2 of 3.
        Assert.Equal("overall: precision 0.600 recall 0.750 f1 0.667 date-accuracy 0.667 (2/3) items 2", result.OutLines[^1]);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains(result.OutLines, l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries) is ["approval", "1", "2", "1", "1", "0", "0.500", "1.000", "0.667"]);
        Assert.Contains(result.OutLines, l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries) is ["designation", "2", "2", "1", "1", "1", "0.500", "0.500", "0.500"]);
        Assert.Contains(result.OutLines, l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries) is ["submission", "1", "1", "1", "0", "0", "1.000", "1.000", "1.000"]);
        Assert.Contains("missed (1):", result.OutLines);
        Assert.Contains(result.OutLines, l => l.Trim() == "beta  betacel designation PRIME EU");
        Assert.Contains("false (2):", result.OutLines);
        Assert.Contains(result.OutLines, l => l.Trim().StartsWith("alpha  alphacel approval EU  evidence: \"Regulators cleared Alphacel in America.\"", StringComparison.Ordinal));
        Assert.Contains(result.OutLines, l => l.Trim() == "alpha  alphacel approval US  gold 2024-03-05 found 2024-03");

        var warning = Assert.Single(result.ErrorLines);
        Assert.StartsWith("E303 no gold file for item: ", warning, StringComparison.Ordinal);
        Assert.Contains("gamma", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Thresholds_turn_a_low_score_into_exit_1()
    {
        Assert.Equal(0, CliRun.RunWith(Pipeline, null, "eval", "--gold", _gold, _items, "--min-f1", "0.667").ExitCode);
        var low = CliRun.RunWith(Pipeline, null, "eval", "--gold", _gold, _items, "--min-f1", "0.7");
        Assert.Equal(1, low.ExitCode);
        Assert.Contains("f1 0.667 is below --min-f1 0.700", low.Error, StringComparison.Ordinal);
        Assert.Equal(1, CliRun.RunWith(Pipeline, null, "eval", "--gold", _gold, _items, "--min-date-accuracy", "0.9").ExitCode);
    }

    [Fact]
    public void Json_format_carries_the_same_numbers()
    {
        var result = CliRun.RunWith(Pipeline, null, "eval", "--gold", _gold, _items, "--format", "json");
        using var doc = JsonDocument.Parse(result.Out);
        var overall = doc.RootElement.GetProperty("overall");
        Assert.Equal(3, overall.GetProperty("tp").GetInt32());
        Assert.Equal(2, overall.GetProperty("fp").GetInt32());
        Assert.Equal(1, overall.GetProperty("fn").GetInt32());
        Assert.Equal(0.667, overall.GetProperty("f1").GetDouble());
        Assert.Equal(2, doc.RootElement.GetProperty("items").GetInt32());
        Assert.Equal(1, doc.RootElement.GetProperty("date_errors").GetArrayLength());
    }

    [Fact]
    public void A_broken_gold_line_is_named_and_gives_exit_1()
    {
        _temp.File("gold/gamma.jsonl", "{\"product\":\"gammacel\",\"kind\":\"licence\",\"jurisdiction\":\"US\"}\n");
        var result = CliRun.RunWith(Pipeline, null, "eval", "--gold", _gold, _items);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(result.ErrorLines, l => l.StartsWith("E302 ", StringComparison.Ordinal) && l.Contains("gamma.jsonl:1", StringComparison.Ordinal));
        Assert.EndsWith("items 2", result.OutLines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Gold_files_inside_the_item_folder_are_not_read_as_items()
    {
        // The seed layout: items and a gold/ folder side by side under one folder given as the items path.
        var result = CliRun.RunWith(Pipeline, null, "eval", "--gold", _gold, _temp.Path);
        Assert.Equal("overall: precision 0.600 recall 0.750 f1 0.667 date-accuracy 0.667 (2/3) items 2", result.OutLines[^1]);
        Assert.DoesNotContain("alpha.jsonl", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_gold_folder_is_bad_usage()
    {
        var result = CliRun.RunWith(Pipeline, null, "eval", "--gold", Path.Combine(_temp.Path, "nope"), _items);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("E109 ", result.Error, StringComparison.Ordinal);
    }
}
