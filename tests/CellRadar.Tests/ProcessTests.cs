using System.Diagnostics;
using System.Text.Json;

namespace CellRadar.Tests;

/// <summary>The built <c>cellradar</c> as a real child process: real stdout/stderr redirection and exit codes.</summary>
public sealed class ProcessTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static (int Code, string Out, string Error) Cellradar(string? database, params string[] args)
    {
        var start = BuiltApp.StartInfo(args);
        // Points the default database at the test folder, which also proves CELLRADAR_DB is honoured.
        if (database is not null) start.Environment["CELLRADAR_DB"] = database;
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "cellradar did not finish");
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    [Fact]
    public void The_built_program_ingests_into_the_database_named_by_CELLRADAR_DB_and_lists_as_json()
    {
        _temp.File("in/hk.txt", Fixtures.HongKongApproval);
        var (code, output, error) = Cellradar(_temp.Database, "ingest", Path.Combine(_temp.Path, "in"));
        Assert.True(code == 0, error);
        Assert.StartsWith("ingested 1 ", output, StringComparison.Ordinal);
        Assert.True(File.Exists(_temp.Database));

        var (listCode, json, _) = Cellradar(_temp.Database, "events", "--format", "json");
        Assert.Equal(0, listCode);
        Assert.Equal(JsonValueKind.Array, JsonDocument.Parse(json).RootElement.ValueKind);
    }

    [Fact]
    public void The_built_program_exits_2_on_bad_usage_with_the_error_on_stderr()
    {
        var (code, output, error) = Cellradar(_temp.Database, "events", "--format", "yaml");
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.StartsWith("E301 bad usage: cellradar events", error, StringComparison.Ordinal);
    }
}
