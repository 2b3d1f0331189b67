using System.Text.Json;
using CellRadar.Storage;

namespace CellRadar.Tests;

public sealed class GenerateAndBenchTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Generate_writes_json_lines_with_ids_that_ingest_stores_and_gold_files_beside_them()
    {
        var corpus = Path.Combine(_temp.Path, "corpus.jsonl");
        var gold = Path.Combine(_temp.Path, "gold");
        var generated = CliRun.Run("generate", "--items", "30", "--seed", "4", "--out", corpus, "--gold", gold);
        Assert.Equal(0, generated.ExitCode);
        Assert.StartsWith("generated 30 items", generated.OutLines[0], StringComparison.Ordinal);

        var lines = File.ReadAllLines(corpus);
        Assert.Equal(30, lines.Length);
        var ids = lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()!).ToArray();
        Assert.Equal(30, ids.Distinct().Count());
        Assert.All(ids, id => Assert.True(File.Exists(Path.Combine(gold, id + ".jsonl")), id));

        var ingest = CliRun.Run("ingest", corpus, "--db", _temp.Database);
        Assert.Equal(0, ingest.ExitCode);
        Assert.StartsWith("ingested 30 ", ingest.OutLines[0], StringComparison.Ordinal);
        using var store = SqliteEventStore.Open(_temp.Database);
        Assert.Equal(30, store.Counts().Items);
    }

    [Fact]
    public void Generate_into_a_folder_gives_text_items_that_eval_scores_against_their_gold()
    {
        var folder = Path.Combine(_temp.Path, "syn");
        Assert.Equal(0, CliRun.Run("generate", "--items", "60", "--seed", "8", "--out", folder).ExitCode);
        Assert.Equal(60, Directory.GetFiles(folder, "*.txt").Length);
        Assert.Equal(60, Directory.GetFiles(Path.Combine(folder, "gold"), "*.jsonl").Length);

        var eval = CliRun.Run("eval", "--gold", Path.Combine(folder, "gold"), folder, "--format", "json");
        Assert.Equal(0, eval.ExitCode);
        var report = JsonDocument.Parse(eval.Out).RootElement;
        Assert.Equal(60, report.GetProperty("items").GetInt32());
        Assert.True(report.GetProperty("overall").GetProperty("recall").GetDouble() > 0.7, eval.Out);
    }

    [Fact]
    public void The_same_seed_writes_the_same_file_twice()
    {
        var a = Path.Combine(_temp.Path, "a.jsonl");
        var b = Path.Combine(_temp.Path, "b.jsonl");
        CliRun.Run("generate", "--items", "25", "--seed", "12", "--out", a);
        CliRun.Run("generate", "--items", "25", "--seed", "12", "--out", b);
        Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
    }

    [Fact]
    public void Extract_prints_the_same_lines_in_the_same_order_on_one_thread_and_on_four()
    {
        var corpus = Path.Combine(_temp.Path, "corpus.jsonl");
        CliRun.Run("generate", "--items", "80", "--seed", "21", "--out", corpus);
        var one = CliRun.Run("extract", corpus, "--threads", "1");
        var four = CliRun.Run("extract", corpus, "--threads", "4");
        Assert.Equal(0, four.ExitCode);
        Assert.True(one.OutLines.Length > 40, "too few events to compare");
        Assert.Equal(one.Out, four.Out);
    }

    [Fact]
    public void Bench_with_tiny_sizes_prints_its_table_growth_and_targets()
    {
        var result = CliRun.Run("bench", "--items", "30,60", "--threads", "2", "--seed", "3");
        Assert.True(result.ExitCode == 0, result.Error);
        var lines = result.OutLines;
        Assert.Contains(lines, l => l.Contains("items/s", StringComparison.Ordinal) && l.Contains("MB/s/core", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.TrimStart().StartsWith("30 ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.TrimStart().StartsWith("60 ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("growth 30 -> 60", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("planted events: ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("target clean+extract >= 10 MB/s per core: ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("target ingest >= 2,000 items/s: ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("target memory flat as the corpus grows: ", StringComparison.Ordinal));
    }

    [Fact]
    public void Bench_keeps_its_databases_in_a_named_folder_and_refuses_to_reuse_one()
    {
        var folder = _temp.Folder("benchdb");
        Assert.Equal(0, CliRun.Run("bench", "--items", "20", "--db", folder).ExitCode);
        var db = Path.Combine(folder, "bench-20.db");
        using (var store = SqliteEventStore.Open(db)) Assert.Equal(20, store.Counts().Items);

        var again = CliRun.Run("bench", "--items", "20", "--db", folder);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("bench-20.db", again.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--items", "0")]
    [InlineData("--items", "ten")]
    [InlineData("--items", "5,,x")]
    [InlineData("--threads", "0")]
    public void Bench_rejects_bad_sizes_and_thread_counts_as_bad_usage(string option, string value)
    {
        var result = CliRun.Run("bench", option, value);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("E301 bad usage: cellradar bench", result.Error, StringComparison.Ordinal);
    }
}
