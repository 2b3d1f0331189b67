using CellRadar.Core.Errors;
using Microsoft.Data.Sqlite;

namespace CellRadar.Storage.Tests;

/// <summary>The store contract on a real SQLite file in a fresh temp folder, plus what is SQLite-specific.</summary>
public sealed class SqliteEventStoreTests : EventStoreContract
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cellradar-store-").FullName;

    private string DatabasePath => Path.Combine(_folder, "nested", "events.db");

    protected override IEventStore OpenStore() => SqliteEventStore.Open(DatabasePath, Clock);

    protected override void ForceSchemaVersion(int version)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ConnectionString);
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($v, 'from-the-future', '2099-01-01')";
        cmd.Parameters.AddWithValue("$v", version);
        cmd.ExecuteNonQuery();
    }

    public override void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Processes_opening_a_new_file_at_once_each_get_a_fully_migrated_store()
    {
        // A watcher and a reader (or two commands) starting together on a fresh database; several rounds,
        // since who reads the version first is up to the scheduler.
        for (var round = 0; round < 10; round++)
        {
            var path = Path.Combine(_folder, $"race-{round}.db");
            using var start = new Barrier(4);
            var versions = new int[4];
            Parallel.For(0, versions.Length, new ParallelOptions { MaxDegreeOfParallelism = versions.Length }, i =>
            {
                start.SignalAndWait();
                using var store = SqliteEventStore.Open(path, Clock);
                versions[i] = store.SchemaVersion;
            });
            Assert.All(versions, v => Assert.Equal(Migrations.Latest, v));
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ConnectionString);
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "SELECT COUNT(*) FROM schema_migrations";
            Assert.Equal((long)Migrations.Scripts.Count, cmd.ExecuteScalar());
        }
    }

    [Fact]
    public void A_migration_numbered_below_the_newest_applied_one_is_applied_when_the_database_lacks_it()
    {
        // As when scripts 3 and 4 are written on two branches and 4 reaches a database first: here the feeds script
        // (2) is taken out of a fully migrated database, which must get it back on the next open.
        using (OpenStore()) { }
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ConnectionString))
        {
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "DROP TABLE feed_entries; DROP TABLE feeds; DELETE FROM schema_migrations WHERE version = 2";
            cmd.ExecuteNonQuery();
        }
        using var store = OpenStore();
        Assert.Equal(Migrations.Latest, store.SchemaVersion);
        store.RecordPoll("https://example.org/feed.xml", null, "ok");
        Assert.Equal("ok", store.Feed("https://example.org/feed.xml")!.LastStatus);
    }

    [Fact]
    public void Items_stored_before_the_search_migration_are_searchable_after_it()
    {
        using (var store = OpenStore())
        {
            store.SaveBatch(store.StartRun("ingest"), [Items.Record("old", "A plant in Leiden passed inspection.")]);
        }
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ConnectionString))
        {
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = """
                DROP TRIGGER items_search_delete; DROP TRIGGER items_search_update;
                DROP TRIGGER events_search_product;
                DROP TABLE items_search; DROP TABLE products_search; DROP TABLE search_products; DROP TABLE items_search_state;
                DELETE FROM schema_migrations WHERE version IN (4, 6)
                """;
            cmd.ExecuteNonQuery();
        }
        using var reopened = OpenStore();
        Assert.Single(reopened.Search("leiden", 10));
    }

    [Fact]
    public void A_database_at_schema_5_upgrades_to_bulk_search_indexing_without_indexing_an_item_twice()
    {
        using (var store = OpenStore())
        {
            store.SaveBatch(store.StartRun("ingest"), [Items.Record("old", "A plant in Leiden passed inspection.")]);
        }
        // Back to schema 5: the per-row trigger, no index state.
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ConnectionString))
        {
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = """
                DROP TABLE items_search_state;
                CREATE TRIGGER items_search_insert AFTER INSERT ON items BEGIN
                    INSERT INTO items_search (rowid, title, text) VALUES (new.id, new.title, new.text);
                END;
                DELETE FROM schema_migrations WHERE version = 6
                """;
            cmd.ExecuteNonQuery();
        }
        using var reopened = OpenStore();
        Assert.Equal(Migrations.Latest, reopened.SchemaVersion);
        reopened.SaveBatch(reopened.StartRun("ingest"), [Items.Record("new", "Another plant in Leiden.")], FactMerge.Deferred);
        reopened.ReconcilePending();
        Assert.Equal(2, reopened.Search("leiden", 10).Count);
        using var check = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ConnectionString);
        check.Open();
        using var integrity = check.CreateCommand();
        integrity.CommandText = "INSERT INTO items_search (items_search, rank) VALUES ('integrity-check', 1)";
        integrity.ExecuteNonQuery();
    }

    [Fact]
    public void Opening_creates_the_folder_and_uses_wal_with_foreign_keys()
    {
        using (OpenStore()) { }
        Assert.True(File.Exists(DatabasePath));
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ConnectionString);
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", cmd.ExecuteScalar() as string);
        // Foreign keys are a per-connection setting: check the schema declares them, the store turns them on.
        cmd.CommandText = "SELECT COUNT(*) FROM pragma_foreign_key_list('events')";
        Assert.Equal(1L, cmd.ExecuteScalar());
    }

    [Fact]
    public void A_file_that_is_not_a_database_gives_E201_naming_the_file()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        File.WriteAllText(DatabasePath, new string('x', 4096));
        var ex = Assert.Throws<CellRadarException>(() => OpenStore());
        Assert.Equal(ErrorCode.StoreUnavailable, ex.Error.Code);
        Assert.Contains(DatabasePath, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_db_option_wins_over_the_environment_and_the_environment_over_the_default()
    {
        Assert.Equal("opt.db", StoreLocation.Resolve("opt.db", _ => "env.db"));
        Assert.Equal("env.db", StoreLocation.Resolve(null, _ => "env.db"));
        var fallback = StoreLocation.Resolve(null, _ => null);
        Assert.EndsWith(Path.Combine("cellradar", "cellradar.db"), fallback, StringComparison.Ordinal);
    }
}
