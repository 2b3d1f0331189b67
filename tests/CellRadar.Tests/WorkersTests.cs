using System.Diagnostics;
using System.Text.Json;
using Npgsql;

namespace CellRadar.Tests;

/// <summary>
/// Four real <c>cellradar ingest</c> processes on overlapping halves of one synthetic corpus, into one PostgreSQL
/// database at once, one of them killed mid-run: the whole of issue 7's concurrency requirement.
/// </summary>
public sealed class WorkersTests : IDisposable
{
    private const int CorpusSize = 20_000;

    private readonly TempFolder _temp = new();
    private readonly PostgresTestDatabase _postgres = new("cellradar_w_");

    private string Database => _postgres.ConnectionString;

    public void Dispose()
    {
        _postgres.Dispose();
        _temp.Dispose();
    }

    private T Scalar<T>(string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = new NpgsqlConnection(Database);
        connection.Open();
        using var cmd = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value);
        return (T)Convert.ChangeType(cmd.ExecuteScalar()!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A worker process, its output read as it comes so a full pipe never stalls it.</summary>
    private sealed class Worker : IDisposable
    {
        private readonly Process _process;
        private readonly System.Text.StringBuilder _out = new();
        private readonly System.Text.StringBuilder _error = new();

        public Worker(string input, string database, string id)
        {
            var start = BuiltApp.StartInfo(["ingest", input, "--db", database, "--worker-id", id, "--lease", "5s", "--batch-size", "64", "--threads", "1"]);
            _process = Process.Start(start)!;
            _process.StandardInput.Close();
            _process.OutputDataReceived += (_, e) => { lock (_out) _out.AppendLine(e.Data); };
            _process.ErrorDataReceived += (_, e) => { lock (_error) _error.AppendLine(e.Data); };
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        public void Kill() => _process.Kill();

        public (int Code, string Out, string Error) Wait()
        {
            Assert.True(_process.WaitForExit(TimeSpan.FromMinutes(20)), "a worker did not finish");
            _process.WaitForExit();
            lock (_out) lock (_error) return (_process.ExitCode, _out.ToString(), _error.ToString());
        }

        public void Dispose()
        {
            if (!_process.HasExited) _process.Kill();
            _process.Dispose();
        }
    }

    /// <summary>Writes lines [from, to) of the corpus to a file of its own.</summary>
    private string Slice(string corpus, string name, int from, int to)
    {
        var path = Path.Combine(_temp.Path, name);
        File.WriteAllLines(path, File.ReadLines(corpus).Skip(from).Take(to - from));
        return path;
    }

    /// <summary>The facts export without the time each fact was first seen (a wall-clock time of the run).</summary>
    private static string[] Facts(string database)
    {
        var result = CliRun.Run("export", "--db", database, "--what", "facts", "--format", "jsonl");
        Assert.True(result.ExitCode == 0, result.Error);
        return [.. result.OutLines.Select(line =>
        {
            var fact = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(line)!;
            fact.Remove("first_seen");
            return JsonSerializer.Serialize(fact);
        })];
    }

    [PostgresFact]
    public void Four_workers_on_overlapping_halves_store_each_item_once_take_over_a_killed_worker_and_conclude_what_one_sqlite_process_does()
    {
        var corpus = Path.Combine(_temp.Path, "corpus.jsonl");
        Assert.Equal(0, CliRun.Run("generate", "--items", CorpusSize.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", corpus).ExitCode);
        var first = Slice(corpus, "first.jsonl", 0, 12_000);
        var second = Slice(corpus, "second.jsonl", 8_000, CorpusSize);
        Assert.Equal(0, CliRun.Run("migrate", "--db", Database).ExitCode);

        // Worker 1 starts alone until its run exists, so its run is the first; the others join it.
        using var w1 = new Worker(first, Database, "w1");
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (Scalar<long>("SELECT COUNT(*) FROM runs") == 0 && DateTime.UtcNow < deadline) Thread.Sleep(50);
        var killedRun = Scalar<long>("SELECT MIN(id) FROM runs");
        using var w2 = new Worker(first, Database, "w2");
        using var w3 = new Worker(second, Database, "w3");
        using var w4 = new Worker(second, Database, "w4");

        // Killed once it has stored some batches and holds claims on items it has not stored yet.
        deadline = DateTime.UtcNow.AddMinutes(10);
        // Both are polled: on a loaded machine the worker can be caught between batches holding no unstored claim.
        while ((Scalar<long>("SELECT COUNT(*) FROM items WHERE run_id = @run", ("run", killedRun)) < 200
                || Scalar<long>("SELECT COUNT(*) FROM work_claims c WHERE worker = 'w1' AND NOT EXISTS (SELECT 1 FROM items i WHERE i.content_hash = c.unit)") == 0)
               && DateTime.UtcNow < deadline) Thread.Sleep(20);
        w1.Kill();
        w1.Wait();
        var storedByKilled = Scalar<long>("SELECT COUNT(*) FROM items WHERE run_id = @run", ("run", killedRun));
        Assert.True(storedByKilled >= 200, $"worker 1 stored {storedByKilled} items before the deadline");
        // Its open transaction dies with its connection; what it claimed and did not store stays claimed until the lease ends.
        Thread.Sleep(500);
        var orphaned = new List<string>();
        using (var connection = new NpgsqlConnection(Database))
        {
            connection.Open();
            using var cmd = new NpgsqlCommand("SELECT unit FROM work_claims c WHERE worker = 'w1' AND NOT EXISTS (SELECT 1 FROM items i WHERE i.content_hash = c.unit)", connection);
            using var r = cmd.ExecuteReader();
            while (r.Read()) orphaned.Add(r.GetString(0));
        }
        Assert.NotEmpty(orphaned);

        var results = new[] { w2.Wait(), w3.Wait(), w4.Wait() };
        foreach (var (code, output, error) in results) Assert.True(code == 0, $"a worker failed ({code}): {output} {error}");
        Assert.Contains(results, r => !r.Out.Contains("taken over 0", StringComparison.Ordinal));

        // Every item once, the orphaned ones stored by the survivors, no claim left, no fact merge left pending.
        using var single = new TempFolder();
        var sqlite = CliRun.Run("ingest", corpus, "--db", single.Database);
        Assert.True(sqlite.ExitCode == 0, sqlite.Error);
        var sqliteItems = long.Parse(sqlite.OutLines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(sqliteItems, Scalar<long>("SELECT COUNT(*) FROM items"));
        Assert.Equal(sqliteItems, Scalar<long>("SELECT COUNT(DISTINCT content_hash) FROM items"));
        Assert.Equal(orphaned.Count, Scalar<long>("SELECT COUNT(*) FROM items WHERE content_hash = ANY(@units) AND run_id <> @run",
            ("units", orphaned.ToArray()), ("run", killedRun)));
        Assert.Equal(0, Scalar<long>("SELECT COUNT(*) FROM work_claims"));
        Assert.Equal(0, Scalar<long>("SELECT COUNT(*) FROM pending_facts"));

        var expected = Facts(single.Database);
        Assert.True(expected.Length > 1000, $"only {expected.Length} facts");
        Assert.Equal(expected, Facts(Database));
    }
}
