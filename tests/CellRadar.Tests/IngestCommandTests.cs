using System.Text;
using CellRadar.Storage;

namespace CellRadar.Tests;

public sealed class IngestCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string NewsFolder()
    {
        _temp.File("news/hk-approval.txt", Fixtures.HongKongApproval);
        _temp.File("news/sub/rmat.txt", Fixtures.RmatDesignation);
        _temp.File("news/plants.txt", Fixtures.NoEvents);
        return Path.Combine(_temp.Path, "news");
    }

    [Fact]
    public void Ingesting_the_same_folder_twice_adds_nothing_the_second_time()
    {
        var news = NewsFolder();
        var first = CliRun.Run("ingest", news, "--db", _temp.Database);
        Assert.Equal(0, first.ExitCode);
        Assert.StartsWith("ingested 3 (events ", first.OutLines[0], StringComparison.Ordinal);
        Assert.EndsWith("duplicates 0, failed 0", first.OutLines[0], StringComparison.Ordinal);

        long eventsAfterFirst;
        using (var store = SqliteEventStore.Open(_temp.Database)) eventsAfterFirst = store.Counts().Events;

        var second = CliRun.Run("ingest", news, "--db", _temp.Database, "--batch-size", "1");
        Assert.Equal(0, second.ExitCode);
        Assert.Equal("ingested 0 (events 0), duplicates 3, failed 0", second.OutLines[0]);
        using var reopened = SqliteEventStore.Open(_temp.Database);
        Assert.Equal(3, reopened.Counts().Items);
        Assert.Equal(eventsAfterFirst, reopened.Counts().Events);
        Assert.Equal(2, reopened.Runs().Count);
    }

    [Fact]
    public void Bad_files_are_skipped_named_and_give_exit_1_while_the_rest_is_stored()
    {
        var news = NewsFolder();
        File.WriteAllBytes(Path.Combine(news, "photo.txt"), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]);
        File.WriteAllText(Path.Combine(news, "empty.txt"), "");
        // 50 MB of ordinary text: too large to be one news item. Made here, never committed.
        var big = Path.Combine(news, "huge.txt");
        using (var writer = new StreamWriter(big, append: false, Encoding.UTF8))
        {
            var line = "This line repeats until the file is far larger than any news story could be.\n";
            for (long written = 0; written < 50L * 1024 * 1024; written += line.Length) writer.Write(line);
        }

        var result = CliRun.Run("ingest", news, "--db", _temp.Database);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("ingested 3 ", result.OutLines[0], StringComparison.Ordinal);
        Assert.EndsWith("failed 3", result.OutLines[0], StringComparison.Ordinal);
        var failures = result.OutLines.Skip(1).ToArray();
        Assert.Equal(3, failures.Length);
        Assert.Contains(failures, l => l.StartsWith("E103 ", StringComparison.Ordinal) && l.Contains("photo.txt", StringComparison.Ordinal));
        Assert.Contains(failures, l => l.StartsWith("E102 ", StringComparison.Ordinal) && l.Contains("empty.txt", StringComparison.Ordinal));
        Assert.Contains(failures, l => l.StartsWith("E104 item too large: ", StringComparison.Ordinal) && l.Contains("huge.txt", StringComparison.Ordinal));

        using var store = SqliteEventStore.Open(_temp.Database);
        Assert.Equal(3, store.Counts().Items);
        var run = Assert.Single(store.Runs());
        Assert.Equal(3, run.Counts.Failed);
        Assert.Equal(3, store.Failures(run.Id).Count);
    }

    [Fact]
    public void Standard_input_is_one_item()
    {
        var result = CliRun.RunWith(null, Fixtures.RmatDesignation, "ingest", "-", "--db", _temp.Database);
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("ingested 1 ", result.OutLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Show_events_prints_the_events_this_run_stored_as_a_plain_table()
    {
        var result = CliRun.Run("ingest", NewsFolder(), "--db", _temp.Database, "--show-events");
        Assert.Equal(0, result.ExitCode);
        var header = Array.FindIndex(result.OutLines, l => l.StartsWith("date ", StringComparison.Ordinal));
        Assert.True(header > 0, result.Out);
        Assert.Contains("product", result.OutLines[header], StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', result.Out);
    }

    [Fact]
    public void A_file_that_is_not_a_database_stops_the_run_with_E201()
    {
        var notADatabase = _temp.File("notes.db", new string('z', 5000));
        var result = CliRun.Run("ingest", NewsFolder(), "--db", notADatabase);
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("E201 database unavailable: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("notes.db", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_path_that_does_not_exist_is_reported_and_gives_exit_1()
    {
        var result = CliRun.Run("ingest", Path.Combine(_temp.Path, "missing-folder"), "--db", _temp.Database);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(result.OutLines, l => l.StartsWith("E109 ", StringComparison.Ordinal) && l.Contains("missing-folder", StringComparison.Ordinal));
    }
}
