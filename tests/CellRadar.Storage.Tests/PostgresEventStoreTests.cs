using CellRadar.Core.Errors;
using CellRadar.Core.Model;
using Npgsql;

namespace CellRadar.Storage.Tests;

/// <summary>
/// The store contract on a real PostgreSQL server, each test in a database of its own, plus what only a shared
/// server brings: several processes opening and writing the same database at once.
/// </summary>
[NeedsPostgres]
public sealed class PostgresEventStoreTests : EventStoreContract
{
    private readonly string _database = PostgresServer.CreateDatabase();

    protected override IEventStore OpenStore() => PostgresEventStore.Open(_database, Clock);

    protected override void ForceSchemaVersion(int version)
    {
        using var connection = new NpgsqlConnection(_database);
        connection.Open();
        using var cmd = new NpgsqlCommand("INSERT INTO schema_migrations (version, name, applied_at) VALUES (@v, 'from-the-future', '2099-01-01')", connection);
        cmd.Parameters.AddWithValue("v", version);
        cmd.ExecuteNonQuery();
    }

    public override void Dispose() => PostgresServer.DropDatabase(_database);

    private long Scalar(string sql)
    {
        using var connection = new NpgsqlConnection(_database);
        connection.Open();
        using var cmd = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [StoreFact]
    public void Processes_opening_a_new_database_at_once_each_get_a_fully_migrated_store()
    {
        var versions = new int[6];
        using var start = new Barrier(versions.Length);
        Parallel.For(0, versions.Length, new ParallelOptions { MaxDegreeOfParallelism = versions.Length }, i =>
        {
            start.SignalAndWait();
            using var store = PostgresEventStore.Open(_database, Clock);
            versions[i] = store.SchemaVersion;
        });
        Assert.All(versions, v => Assert.Equal(Migrations.LatestPostgres, v));
        Assert.Equal(Migrations.Postgres.Count, Scalar("SELECT COUNT(*) FROM schema_migrations"));
    }

    private void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(_database);
        connection.Open();
        using var cmd = new NpgsqlCommand(sql, connection);
        cmd.ExecuteNonQuery();
    }

    [StoreFact]
    public void A_migration_numbered_below_the_newest_applied_one_is_applied_when_the_database_lacks_it()
    {
        // As on SQLite: scripts 3 and 4 are written on two branches and 4 reaches a database first. Here the feeds
        // script (2) is taken out of a fully migrated database, which must get it back on the next open.
        using (OpenStore()) { }
        Execute("DROP TABLE feed_entries; DROP TABLE feeds; DELETE FROM schema_migrations WHERE version = 2");
        using var store = OpenStore();
        Assert.Equal(Migrations.LatestPostgres, store.SchemaVersion);
        store.RecordPoll("https://example.org/feed.xml", null, "ok");
        Assert.Equal("ok", store.Feed("https://example.org/feed.xml")!.LastStatus);
    }

    [StoreFact]
    public void Items_and_products_stored_before_the_search_migration_are_searchable_after_it()
    {
        const string text = "A plant in Leiden passed inspection for Zelventa.";
        using (var store = OpenStore())
            store.SaveBatch(store.StartRun("ingest"), [Items.Record("old", text, Items.Event(text, text, "Zelventa", EventKind.Gmp, "NL"))]);
        Execute("""
            DROP TRIGGER events_search_products ON events; DROP FUNCTION cellradar_events_search_products();
            DROP TABLE search_products; ALTER TABLE items DROP COLUMN search; DROP FUNCTION cellradar_search_words(text);
            DROP TEXT SEARCH CONFIGURATION cellradar_search; DELETE FROM schema_migrations WHERE version = 4
            """);
        using var reopened = OpenStore();
        Assert.Single(reopened.Search("leiden", 10), h => h.Kind == SearchHitKind.Item);
        Assert.Equal("Zelventa", Assert.Single(reopened.Search("zelv", 10), h => h.Kind == SearchHitKind.Product).Product);
    }

    [StoreFact]
    public void Workers_storing_events_of_one_new_product_at_once_index_it_once()
    {
        // Every batch of both workers names the same new product: the statement trigger's upserts meet on one key.
        var records = Enumerable.Range(0, 40).Select(i =>
        {
            var text = $"Note {i}: the agency cleared Ferrovance for a rare blood cancer.";
            return Items.Record($"f{i}", text, Items.Event(text, text, i % 2 == 0 ? "Ferrovance" : "ferrovance", EventKind.Approval, "US"));
        }).ToArray();
        using var start = new Barrier(2);
        Parallel.For(0, 2, new ParallelOptions { MaxDegreeOfParallelism = 2 }, w =>
        {
            using var store = PostgresEventStore.Open(_database, Clock);
            var run = store.StartRun("ingest");
            start.SignalAndWait();
            foreach (var batch in records.Skip(w * 20).Take(20).Chunk(3)) store.SaveBatch(run, batch);
        });
        Assert.Equal(40, Scalar("SELECT COUNT(*) FROM items"));
        Assert.Equal(1, Scalar("SELECT COUNT(*) FROM search_products"));
        Assert.Equal(1, Scalar("SELECT COUNT(*) FROM search_products WHERE sponsor = 'Northwind Cell Co'"));
    }

    [StoreFact]
    public void Workers_saving_the_same_articles_at_once_store_each_once_and_agree_on_the_outcomes()
    {
        // Two workers, the same 60 articles, in opposite orders and batches of 7: each waits on rows the other has
        // not committed yet, the orders cross (the server breaks such deadlocks by aborting one batch, which is retried).
        var records = Enumerable.Range(0, 60).Select(i =>
        {
            var text = $"Article {i}: regulators cleared product {i} for a rare blood cancer.";
            return Items.Record($"a{i}", text, Items.Event(text, text, $"prod-{i}", EventKind.Approval, "US"));
        }).ToArray();
        var orders = new[] { records, records.Reverse().ToArray() };
        var inserted = new int[2];
        var duplicates = new int[2];
        using var start = new Barrier(2);
        Parallel.For(0, 2, new ParallelOptions { MaxDegreeOfParallelism = 2 }, w =>
        {
            using var store = PostgresEventStore.Open(_database, Clock);
            var run = store.StartRun("ingest");
            start.SignalAndWait();
            foreach (var batch in orders[w].Chunk(7))
            {
                foreach (var outcome in store.SaveBatch(run, batch))
                {
                    if (outcome == SaveOutcome.Inserted) inserted[w]++;
                    else duplicates[w]++;
                }
            }
        });
        Assert.Equal(60, inserted.Sum());
        Assert.Equal(60, duplicates.Sum());
        Assert.Equal(60, Scalar("SELECT COUNT(*) FROM items"));
        Assert.Equal(60, Scalar("SELECT COUNT(DISTINCT content_hash) FROM items"));
        // Each article's event stored once, with the item that was stored.
        Assert.Equal(60, Scalar("SELECT COUNT(*) FROM events"));
        Assert.Equal(0, Scalar("SELECT COUNT(*) FROM events e LEFT JOIN items i ON i.id = e.item_id WHERE i.id IS NULL"));
    }

    [StoreFact]
    public void A_wrong_password_is_refused_with_E201_and_the_password_is_never_shown()
    {
        using (OpenStore()) { }
        var wrong = new NpgsqlConnectionStringBuilder(_database) { Password = "not-the-Secret-4711" }.ConnectionString;
        var ex = Assert.Throws<CellRadarException>(() => PostgresEventStore.Open(wrong));
        Assert.Equal(ErrorCode.StoreUnavailable, ex.Error.Code);
        Assert.DoesNotContain("not-the-Secret-4711", ex.ToString(), StringComparison.Ordinal);
        Assert.Contains(new NpgsqlConnectionStringBuilder(_database).Database!, ex.Message, StringComparison.Ordinal);
    }

    [StoreFact]
    public void Content_hashes_are_unique_in_the_database_itself()
    {
        using (var store = OpenStore()) store.SaveBatch(store.StartRun("ingest"), [Items.Record("a", "Some invented text about a filing.")]);
        // A writer that bypasses the store (an old worker, a hand-written script) still cannot store a second copy.
        var ex = Assert.Throws<PostgresException>(() => Scalar("INSERT INTO items (item_key, origin, content_hash, text, ingested_at, extractor_version) " +
            "SELECT 'b', 'x', content_hash, 't', 'now', 'v' FROM items"));
        Assert.Equal(PostgresErrorCodes.UniqueViolation, ex.SqlState);
    }

    [StoreFact]
    public void Event_date_ranges_are_stored_as_real_dates()
    {
        const string text = "Approved in March 2024.";
        using (var store = OpenStore())
            store.SaveBatch(store.StartRun("ingest"), [Items.Record("d", text, Items.Event(text, text, "p", EventKind.Approval, "US", "2024-02"))]);
        Assert.Equal(29, Scalar("SELECT date_end - date_start + 1 FROM events"));
    }

    private void MakeReadOnly()
    {
        var name = new NpgsqlConnectionStringBuilder(_database).Database;
        using var connection = new NpgsqlConnection(_database);
        connection.Open();
        using var cmd = new NpgsqlCommand($"ALTER DATABASE {name} SET default_transaction_read_only = on", connection);
        cmd.ExecuteNonQuery();
        NpgsqlConnection.ClearPool(connection);
    }

    [StoreFact]
    public void A_read_only_database_like_a_replica_is_read_without_migrating()
    {
        const string text = "Regulators approved Zelventa.";
        using (var store = OpenStore())
            store.SaveBatch(store.StartRun("ingest"), [Items.Record("r", text, Items.Event(text, text, "zelventa", EventKind.Approval, "US"))]);
        MakeReadOnly();
        using var replica = OpenStore();
        Assert.Equal(Migrations.LatestPostgres, replica.SchemaVersion);
        Assert.Equal("zelventa", Assert.Single(replica.QueryEvents(new EventQuery())).Event.Product);
        var ex = Assert.Throws<CellRadarException>(() => replica.StartRun("ingest"));
        Assert.Equal(ErrorCode.StoreWriteFailed, ex.Error.Code);
    }

    [StoreFact]
    public void A_read_only_database_that_was_never_migrated_says_to_migrate_the_primary()
    {
        MakeReadOnly();
        var ex = Assert.Throws<CellRadarException>(() => OpenStore());
        Assert.Equal(ErrorCode.StoreUnavailable, ex.Error.Code);
        Assert.Contains("run 'cellradar migrate' against the primary", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>The fact and status bodies of a store, in the store's order: what reconciliation concluded.</summary>
    private static (string[] Facts, string[] Statuses) Conclusions(IEventStore store) =>
        ([.. store.QueryFacts(new FactQuery()).Select(f => System.Text.Json.JsonSerializer.Serialize(f))],
         [.. store.MarketStatuses().Select(s => System.Text.Json.JsonSerializer.Serialize(s))]);

    [StoreFact]
    public void Workers_merging_the_same_facts_at_once_conclude_what_one_sqlite_process_does()
    {
        // 60 reports of 3 products in 2 markets, some reprinted with a changed line (near-duplicates, so clusters
        // and independent-source counts depend on seeing each other), split between two workers that save them
        // at once in small batches, merging facts in each batch's transaction.
        var records = new List<ItemRecord>();
        for (var i = 0; i < 60; i++)
        {
            var product = $"prod-{i / 4 % 3}";
            var country = i / 4 % 2 == 0 ? "US" : "DE";
            // Words of its own per story (i / 4), so stories differ; the four copies of a story differ in one line.
            var story = string.Join(' ', Enumerable.Range(0, 30).Select(k => $"s{i / 4}w{k}"));
            var body = $"Story {story}. Then the agency approved {product} in {country} after a long review. Copy line {i % 4}.";
            var sentence = $"the agency approved {product} in {country}";
            var record = Items.Titled($"r{i}", $"{product} news", body, Items.Event(body, sentence, product, EventKind.Approval, country, $"2024-0{1 + (i / 4 % 5)}"));
            // Each copy from another outlet: only the near-duplicate clusters tell that they are one source.
            records.Add(record with { Item = record.Item with { Url = $"https://outlet{i}.example/r{i}" } });
        }
        var folder = Directory.CreateTempSubdirectory("cellradar-facts-").FullName;
        try
        {
            using var sqlite = SqliteEventStore.Open(Path.Combine(folder, "one.db"), Clock);
            var run = sqlite.StartRun("ingest");
            foreach (var batch in records.Chunk(5)) sqlite.SaveBatch(run, batch);

            using var start = new Barrier(2);
            Parallel.For(0, 2, new ParallelOptions { MaxDegreeOfParallelism = 2 }, w =>
            {
                using var store = PostgresEventStore.Open(_database, Clock);
                var worker = store.StartRun("ingest");
                start.SignalAndWait();
                foreach (var batch in records.Where((_, i) => i % 2 == w).Chunk(3)) store.SaveBatch(worker, batch);
            });
            using var postgres = OpenStore();
            var expected = Conclusions(sqlite);
            Assert.NotEmpty(expected.Facts);
            // Reprints counted once: fewer independent sources than supporting items, and more than one.
            Assert.Contains(sqlite.QueryFacts(new FactQuery()), f => f.IndependentSources > 1 && f.IndependentSources < f.Supports.Count);
            var actual = Conclusions(postgres);
            Assert.Equal(expected.Facts, actual.Facts);
            Assert.Equal(expected.Statuses, actual.Statuses);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
