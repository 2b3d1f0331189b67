using System.Runtime.CompilerServices;

namespace CellRadar.Tests;

public sealed class UsageTests
{
    [Theory]
    [InlineData("frobnicate")]
    [InlineData("ingest")]
    [InlineData("ingest", "x.txt", "--batch-size", "0")]
    [InlineData("ingest", "x.txt", "--batch-size", "many")]
    [InlineData("events", "--no-such-option")]
    [InlineData("eval", "items")]
    [InlineData("eval", "--gold", "g", "items", "--min-f1", "1.5")]
    [InlineData("extract")]
    [InlineData("watch")]
    [InlineData("status")]
    [InlineData("changes")]
    [InlineData("changes", "--since", "last-week")]
    [InlineData("export", "--what", "items")]
    [InlineData("report", "fucaso", "--format", "pdf")]
    [InlineData("watch", "--feeds", "feeds.txt", "--every", "soon")]
    [InlineData("watch", "--feeds", "feeds.txt", "--every", "0s")]
    [InlineData("ingest", "--feed")]
    [InlineData("import", "a.jsonl", "b.jsonl")]
    [InlineData("export", "--out")]
    public void Bad_usage_exits_2_with_E301_naming_the_command(params string[] args)
    {
        var result = CliRun.Run(args);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("E301 bad usage: cellradar", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public void No_command_at_all_is_bad_usage()
    {
        Assert.Equal(2, CliRun.Run().ExitCode);
    }

    [Theory]
    [InlineData("root")]
    [InlineData("ingest")]
    [InlineData("events")]
    [InlineData("extract")]
    [InlineData("clean")]
    [InlineData("eval")]
    [InlineData("article-body")]
    [InlineData("watch")]
    [InlineData("serve")]
    [InlineData("migrate")]
    [InlineData("export")]
    [InlineData("import")]
    [InlineData("status")]
    [InlineData("timeline")]
    [InlineData("landscape")]
    [InlineData("changes")]
    [InlineData("report")]
    [InlineData("reconcile")]
    public void Help_text_matches_its_golden_file(string command)
    {
        var result = command == "root" ? CliRun.Run("--help") : CliRun.Run(command, "--help");
        Assert.Equal(0, result.ExitCode);
        var golden = Path.Combine(GoldenFolder(), $"help-{command}.txt");
        var actual = result.Out.ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(golden, actual);
            return;
        }
        Assert.True(File.Exists(golden), $"{golden} is missing; run the tests once with UPDATE_GOLDEN=1 and review the file.");
        Assert.Equal(File.ReadAllText(golden).ReplaceLineEndings("\n"), actual);
    }

    /// <summary>The Golden folder next to this source file, so UPDATE_GOLDEN=1 rewrites the committed files.</summary>
    private static string GoldenFolder([CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, "Golden");
}
