using CellRadar.Core.Errors;
using CellRadar.Core.Fetching;
using CellRadar.Core.Model;
using Npgsql;

namespace CellRadar.Storage.Tests;

/// <summary>Export and import of whole stores: lossless between SQLite files, and between SQLite and PostgreSQL.</summary>
public sealed class StoreDumpTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cellradar-dump-").FullName;
    private readonly List<string> _databases = [];

    // Times with 100 ns ticks: a timestamp column rounding to microseconds would show up as a changed export.
    private readonly FixedTimeProvider _clock = new(new DateTimeOffset(2025, 5, 6, 7, 8, 9, TimeSpan.Zero).AddTicks(1234567));

    public void Dispose()
    {
        foreach (var database in _databases) PostgresServer.DropDatabase(database);
        Directory.Delete(_folder, recursive: true);
    }

    private IEventStore Sqlite(string name) => SqliteEventStore.Open(Path.Combine(_folder, name + ".db"), _clock);

    private IEventStore Postgres()
    {
        var database = PostgresServer.CreateDatabase();
        _databases.Add(database);
        return PostgresEventStore.Open(database, _clock);
    }

    /// <summary>A store with something in every table and every awkward value: nulls, non-ASCII, quotes, partial dates.</summary>
    private void Fill(IEventStore store)
    {
        var first = store.StartRun("ingest");
        const string text = "Zürich — the «agency» said \"Zelventa\" is approved.\nFiled 2023; opinion in 2024-03; decision on 2024-06-30. 😀 done.";
        var record = Items.Record("k1", text,
            Items.Event(text, "Zürich — the «agency» said \"Zelventa\" is approved.", "zelventa", EventKind.Approval, "CH", "2024-06-30"),
            Items.Event(text, "Filed 2023;", "zelventa", EventKind.Submission, "CH", "2023") with { ProductIsNew = true, Confidence = 0.1 + 0.2 },
            Items.Event(text, "opinion in 2024-03;", "zelventa", EventKind.Opinion, "EU", "2024-03"),
            Items.Event(text, "done.", "zelventa", EventKind.Access, "CH"));
        record = record with { Published = PartialDate.Parse("2024-07"), PublishedFrom = "meta", Item = record.Item with { Source = "Example Wire", Url = null } };
        store.SaveBatch(first, [record, Items.Record("k2", "A second, plain article.")]);
        store.RecordFailures(first, [new CellRadarError(ErrorCode.TooLarge, "in/huge.txt", "52428800 bytes"), new CellRadarError(ErrorCode.EmptyItem, "in/ä.txt", "")]);
        _clock.Now = _clock.Now.AddSeconds(1.5);
        store.FinishRun(first, new RunCounts(4, 2, 0, 2, 4));
        var watch = store.StartRun("watch");
        const string feed = "https://news.example.com/feed.xml";
        store.SaveBatch(watch, [Items.Record("e1", "An entry's article text.") with { Entry = new FeedEntryRef(feed, "e1", "https://news.example.com/1") }]);
        store.MarkEntryFailed(new FeedEntryRef(feed, "e2", null), new CellRadarError(ErrorCode.MissingText, feed, "no text"));
        store.RecordPoll(feed, new HttpValidators("W/\"abc\"", null), "ok");
        store.RecordPoll("https://b.example.com/rss", null, "failed");
    }

    private static string Export(IEventStore store)
    {
        var output = new StringWriter();
        StoreDump.Export(store, output, "test");
        return output.ToString();
    }

    private static void Import(IEventStore store, string export) => StoreDump.Import(store, new StringReader(export), "export.jsonl", "test");

    [Fact]
    public void Sqlite_to_sqlite_and_back_gives_the_same_export_and_the_same_events()
    {
        string first;
        List<StoredEvent> events;
        using (var source = Sqlite("source"))
        {
            Fill(source);
            first = Export(source);
            events = [.. source.QueryEvents(new EventQuery())];
        }
        using var copy = Sqlite("copy");
        Import(copy, first);
        Assert.Equal(first, Export(copy));
        Assert.Equal(events, copy.QueryEvents(new EventQuery()));
        // Every table was carried: 2 runs, 3 items, 4 events, 2 failures, 2 feeds, 2 entries; one fingerprint per
        // item; the 4 events of one product make 4 facts (approval, submission, access in CH; opinion in the EU),
        // each supported by its event, in 2 markets; and the change log of the merge.
        var rows = first.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .GroupBy(line => System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("table").GetString())
            .ToDictionary(g => g.Key!, g => g.Count());
        Assert.Equal(
            new Dictionary<string, int>
            {
                ["runs"] = 2, ["items"] = 3, ["events"] = 4, ["failures"] = 2, ["feeds"] = 2, ["feed_entries"] = 2,
                ["item_fingerprints"] = 3, ["facts"] = 4, ["fact_supports"] = 4, ["market_status"] = 2, ["changes"] = rows.GetValueOrDefault("changes"),
            },
            rows);
        Assert.True(rows["changes"] >= 4);
        Assert.Contains("\"started_at\":\"2025-05-06T07:08:09.1234567+00:00\"", first, StringComparison.Ordinal);
    }

    [PostgresFact]
    public void Sqlite_to_postgres_and_back_is_lossless()
    {
        string fromSqlite;
        using (var source = Sqlite("source"))
        {
            Fill(source);
            fromSqlite = Export(source);
        }
        using var postgres = Postgres();
        Import(postgres, fromSqlite);
        var fromPostgres = Export(postgres);
        Assert.Equal(fromSqlite, fromPostgres);

        using var back = Sqlite("back");
        Import(back, fromPostgres);
        Assert.Equal(fromSqlite, Export(back));
        Assert.Equal(back.QueryEvents(new EventQuery { Since = PartialDate.Parse("2024-03-15") }), postgres.QueryEvents(new EventQuery { Since = PartialDate.Parse("2024-03-15") }));
    }

    [PostgresFact]
    public void After_an_import_into_postgres_new_rows_get_ids_after_the_imported_ones()
    {
        string export;
        using (var source = Sqlite("source"))
        {
            Fill(source);
            export = Export(source);
        }
        using var postgres = Postgres();
        Import(postgres, export);
        Assert.Equal(3, postgres.StartRun("ingest"));
        Assert.Equal([SaveOutcome.Inserted], postgres.SaveBatch(3, [Items.Record("new", "A new article after the move.")]));
        Assert.Equal(4, postgres.Counts().Items);
    }

    // The search index is not in the export: the target rebuilds it from the imported items and events.
    private void ImportedRowsAreSearchable(IEventStore target)
    {
        string export;
        using (var source = Sqlite("searchable"))
        {
            Fill(source);
            export = Export(source);
        }
        Assert.DoesNotContain("search", export.Split('\n')[0], StringComparison.Ordinal);
        Import(target, export);
        // The product from the imported events, then the item from its imported text.
        var hits = target.Search("zelventa", 10);
        Assert.Equal([SearchHitKind.Product, SearchHitKind.Item], hits.Select(h => h.Kind));
        Assert.Equal("zelventa", hits[0].Product);
        Assert.Single(target.Search("zurich agency", 10));
        Assert.Equal(export, Export(target));
    }

    [Fact]
    public void An_import_into_sqlite_rebuilds_the_search_index()
    {
        using var target = Sqlite("target");
        ImportedRowsAreSearchable(target);
    }

    [PostgresFact]
    public void An_import_into_postgres_rebuilds_the_search_index()
    {
        using var target = Postgres();
        ImportedRowsAreSearchable(target);
    }

    [Fact]
    public void A_store_that_is_not_empty_is_refused_and_left_as_it_was()
    {
        string export;
        using (var source = Sqlite("source"))
        {
            Fill(source);
            export = Export(source);
        }
        using var target = Sqlite("target");
        target.StartRun("ingest");
        var ex = Assert.Throws<CellRadarException>(() => Import(target, export));
        Assert.Equal(ErrorCode.StoreWriteFailed, ex.Error.Code);
        Assert.Contains("empty database", ex.Message, StringComparison.Ordinal);
        Assert.Equal(new StoreCounts(0, 0, 0, 1), target.Counts());
    }

    [Fact]
    public void A_bad_line_names_the_line_and_nothing_is_imported()
    {
        string export;
        using (var source = Sqlite("source"))
        {
            Fill(source);
            export = Export(source);
        }
        var lines = export.Split('\n');
        lines[5] = lines[5].Replace("\"item_key\":", "\"item_kee\":", StringComparison.Ordinal);
        using var target = Sqlite("target");
        var ex = Assert.Throws<CellRadarException>(() => Import(target, string.Join('\n', lines)));
        Assert.Equal(ErrorCode.MalformedJson, ex.Error.Code);
        Assert.Equal("export.jsonl:6", ex.Error.Subject);
        Assert.Equal(new StoreCounts(0, 0, 0, 0), target.Counts());

        var notAnExport = Assert.Throws<CellRadarException>(() => Import(target, "{\"id\":1}\n"));
        Assert.Equal(ErrorCode.UnsupportedFormat, notAnExport.Error.Code);
    }

    [Fact]
    public void A_table_the_export_does_not_know_is_refused_rather_than_left_out()
    {
        var path = Path.Combine(_folder, "newer.db");
        using (SqliteEventStore.Open(path, _clock)) { }
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)";
            cmd.ExecuteNonQuery();
        }
        using var store = SqliteEventStore.Open(path, _clock);
        var ex = Assert.Throws<CellRadarException>(() => Export(store));
        Assert.Equal(ErrorCode.StoreSchemaTooNew, ex.Error.Code);
        Assert.Contains("notes", ex.Message, StringComparison.Ordinal);
    }
}
