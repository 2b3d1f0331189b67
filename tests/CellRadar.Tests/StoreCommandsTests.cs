using System.Diagnostics;
using CellRadar.Storage;

namespace CellRadar.Tests;

/// <summary><c>migrate</c>, <c>export</c> and <c>import</c> on SQLite files (the PostgreSQL side is in the storage tests).</summary>
public sealed class StoreCommandsTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Filled()
    {
        _temp.File("news/hk-approval.txt", Fixtures.HongKongApproval);
        _temp.File("news/rmat.txt", Fixtures.RmatDesignation);
        _temp.File("news/plants.txt", Fixtures.NoEvents);
        Assert.Equal(0, CliRun.Run("ingest", Path.Combine(_temp.Path, "news"), "--db", _temp.Database).ExitCode);
        return _temp.Database;
    }

    [Fact]
    public void Migrate_creates_the_database_and_prints_its_schema_version()
    {
        var path = Path.Combine(_temp.Path, "new", "team.db");
        var result = CliRun.Run("migrate", "--db", path);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"{path}: schema version {Migrations.Latest}", result.OutLines.Single());
        Assert.True(File.Exists(path));
    }

    [Fact]
    public void An_export_imported_into_a_new_file_exports_the_same_bytes()
    {
        var source = Filled();
        var export = CliRun.Run("export", "--db", source);
        Assert.Equal(0, export.ExitCode);
        var file = _temp.File("dump.jsonl", export.Out);

        var copy = Path.Combine(_temp.Path, "copy.db");
        var import = CliRun.Run("import", file, "--db", copy);
        Assert.Equal(0, import.ExitCode);
        Assert.Equal($"imported {export.OutLines.Length - 1} rows into {copy}", import.OutLines.Single());

        var again = CliRun.Run("export", "--db", copy, "--out", Path.Combine(_temp.Path, "again.jsonl"));
        Assert.Equal(0, again.ExitCode);
        Assert.Equal(export.Out, File.ReadAllText(Path.Combine(_temp.Path, "again.jsonl")));
        Assert.Equal(CliRun.Run("events", "--db", source, "--format", "jsonl").Out, CliRun.Run("events", "--db", copy, "--format", "jsonl").Out);
    }

    [Fact]
    public void Importing_into_a_database_that_is_not_empty_fails_with_E203_and_changes_nothing()
    {
        var source = Filled();
        var export = CliRun.Run("export", "--db", source).Out;
        var result = CliRun.RunWith(null, export, "import", "-", "--db", source);
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"E203 database write failed: {source}: import needs an empty database", result.Error, StringComparison.Ordinal);
        using var store = SqliteEventStore.Open(source);
        Assert.Equal(3, store.Counts().Items);
    }

    [Fact]
    public async Task Export_piped_into_import_between_two_processes_copies_the_store()
    {
        var source = Filled();
        var copy = Path.Combine(_temp.Path, "piped.db");
        using var exporter = Process.Start(BuiltApp.StartInfo(["export", "--db", source]))!;
        using var importer = Process.Start(BuiltApp.StartInfo(["import", "--db", copy]))!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var importerOut = importer.StandardOutput.ReadToEndAsync(timeout.Token);
        var importerErr = importer.StandardError.ReadToEndAsync(timeout.Token);
        // The shell's "export | import", done by hand: the exporter's output becomes the importer's input.
        await exporter.StandardOutput.BaseStream.CopyToAsync(importer.StandardInput.BaseStream, timeout.Token);
        importer.StandardInput.Close();
        await exporter.WaitForExitAsync(timeout.Token);
        await importer.WaitForExitAsync(timeout.Token);
        Assert.Equal(0, exporter.ExitCode);
        Assert.True(importer.ExitCode == 0, await importerErr);
        Assert.StartsWith("imported ", await importerOut, StringComparison.Ordinal);
        Assert.Equal(CliRun.Run("export", "--db", source).Out, CliRun.Run("export", "--db", copy).Out);
    }

    [Fact]
    public void A_server_that_cannot_be_reached_fails_with_E204_and_never_prints_the_password()
    {
        var result = CliRun.Run("events", "--db", "Host=127.0.0.1;Port=1;Database=cellradar;Username=analyst;Password=Tr0ub4dor&3");
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("E204 database server unreachable: postgresql://analyst@127.0.0.1:1/cellradar", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Tr0ub4dor", result.Error + result.Out, StringComparison.Ordinal);
    }
}
