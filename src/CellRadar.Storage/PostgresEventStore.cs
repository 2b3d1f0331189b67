using System.Data;
using System.Globalization;
using System.Net.Sockets;
using CellRadar.Core.Errors;
using CellRadar.Core.Fetching;
using CellRadar.Core.Model;
using CellRadar.Core.Reconciliation;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace CellRadar.Storage;

/// <summary>
/// The PostgreSQL store: the same tables and behaviour as <see cref="SqliteEventStore"/>, for a team whose
/// workers share one server. One connection per store; a store is used by one command at a time, while any
/// number of processes may use the same database: content-hash uniqueness is the database's, not the program's.
/// </summary>
public sealed partial class PostgresEventStore : IEventStore
{
    /// <summary>The advisory lock every opening process takes to migrate: "CELLRADR" as a number.</summary>
    private const long MigrationLock = 0x43454C4C52414452;

    /// <summary>How often a batch is retried when the server aborts it to break a deadlock with another worker.</summary>
    private const int DeadlockRetries = 5;

    private readonly NpgsqlConnection _connection;
    private readonly TimeProvider _time;
    private readonly TrustPolicy _trust;

    private PostgresEventStore(NpgsqlConnection connection, string description, TimeProvider time, TrustPolicy trust)
    {
        _connection = connection;
        Description = description;
        _time = time;
        _trust = trust;
    }

    public int SchemaVersion { get; private set; }

    /// <summary>Where the store is, without the password: <c>postgresql://user@host:port/database</c>.</summary>
    public string Description { get; }

    /// <summary>The open connection, for the export and import of whole tables.</summary>
    internal NpgsqlConnection Connection => _connection;

    /// <summary>Connects to the database named by <paramref name="connectionString"/> and migrates it.</summary>
    /// <exception cref="CellRadarException">
    /// E204 when the server cannot be reached, E201 when it refuses the connection (login, no such database),
    /// E202 when the schema is newer than this program. No message ever holds the password.
    /// </exception>
    public static PostgresEventStore Open(string connectionString, TimeProvider? time = null, TrustPolicy? trust = null)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            // The builder's message names the bad keyword, never a value.
            throw new CellRadarException(new CellRadarError(ErrorCode.StoreUnavailable, "(connection string)", ex.Message), ex);
        }
        var description = Describe(builder);
        NpgsqlConnection? connection = null;
        try
        {
            connection = new NpgsqlConnection(builder.ConnectionString);
            connection.Open();
            var store = new PostgresEventStore(connection, description, time ?? TimeProvider.System, trust ?? TrustPolicy.Embedded);
            store.Migrate();
            return store;
        }
        catch (CellRadarException)
        {
            connection?.Dispose();
            throw;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or SocketException)
        {
            connection?.Dispose();
            var code = ex is PostgresException ? ErrorCode.StoreUnavailable : ErrorCode.StoreServerUnreachable;
            throw new CellRadarException(new CellRadarError(code, description, Reason(ex)), ex);
        }
    }

    /// <summary>A connection string shown to people: who, where and which database, never the password.</summary>
    public static string Describe(NpgsqlConnectionStringBuilder builder) =>
        string.Create(CultureInfo.InvariantCulture, $"postgresql://{builder.Username}@{builder.Host}:{builder.Port}/{builder.Database}");

    private static string Reason(Exception ex)
    {
        // "Failed to connect to 127.0.0.1:1" alone hides why; the innermost message says "Connection refused".
        var inner = ex;
        while (inner.InnerException is { } next) inner = next;
        return ReferenceEquals(inner, ex) ? ex.Message : $"{ex.Message} ({inner.Message})";
    }

    private void Migrate()
    {
        // A read replica (hot standby) or a database set read-only cannot be migrated, and need not be: the
        // primary was. Such a store serves reads when its schema is this program's, and says where to migrate if not.
        if (_connection.ExecuteScalar<string>("SELECT current_setting('transaction_read_only')") == "on")
        {
            SchemaVersion = _connection.ExecuteScalar<bool>("SELECT to_regclass('schema_migrations') IS NOT NULL")
                ? _connection.ExecuteScalar<int>("SELECT COALESCE(MAX(version), 0) FROM schema_migrations")
                : 0;
            if (SchemaVersion > Migrations.LatestPostgres)
            {
                throw new CellRadarException(new CellRadarError(ErrorCode.StoreSchemaTooNew, Description,
                    $"schema version {SchemaVersion}, this program knows up to {Migrations.LatestPostgres}; use a newer cellradar"));
            }
            if (SchemaVersion < Migrations.LatestPostgres)
            {
                throw new CellRadarException(new CellRadarError(ErrorCode.StoreUnavailable, Description,
                    $"read-only database at schema version {SchemaVersion}, this program needs {Migrations.LatestPostgres}; run 'cellradar migrate' against the primary"));
            }
            return;
        }
        // Two processes opening a new database at once: the second waits here until the first has migrated,
        // then finds nothing left to do. A session lock, since each script commits on its own.
        _connection.Execute("SELECT pg_advisory_lock(@key)", new { key = MigrationLock });
        try
        {
            _connection.Execute("CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)");
            var applied = new SortedSet<int>(_connection.Query<int>("SELECT version FROM schema_migrations"));
            SchemaVersion = applied.Count == 0 ? 0 : applied.Max;
            if (SchemaVersion > Migrations.LatestPostgres)
            {
                throw new CellRadarException(new CellRadarError(ErrorCode.StoreSchemaTooNew, Description,
                    $"schema version {SchemaVersion}, this program knows up to {Migrations.LatestPostgres}; use a newer cellradar"));
            }
            // Every known script the database has not recorded runs, in number order, as on SQLite: a script numbered
            // into a gap (3, written on another branch after 4 reached databases) still reaches them.
            foreach (var (version, name, sql) in Migrations.Postgres)
            {
                if (applied.Contains(version)) continue;
                // DDL is transactional here: a script that fails leaves no half-built schema behind.
                using var tx = _connection.BeginTransaction();
                _connection.Execute(sql, transaction: tx);
                _connection.Execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @at)",
                    new { version, name, at = Now() }, tx);
                tx.Commit();
                applied.Add(version);
            }
            SchemaVersion = applied.Count == 0 ? 0 : applied.Max;
        }
        finally
        {
            // A broken connection releases the lock by itself; only a live one needs telling.
            if (_connection.State == ConnectionState.Open)
                _connection.Execute("SELECT pg_advisory_unlock(@key)", new { key = MigrationLock });
        }
    }

    public long StartRun(string command) =>
        Write(() => _connection.ExecuteScalar<long>("INSERT INTO runs (command, started_at) VALUES (@command, @at) RETURNING id",
            new { command, at = Now() }));

    public void FinishRun(long runId, RunCounts counts) =>
        Write(() => _connection.Execute("""
            UPDATE runs SET finished_at = @at, items_read = @ItemsRead, inserted = @Inserted, duplicates = @Duplicates,
                failed = @Failed, events = @Events
            WHERE id = @runId
            """, new { at = Now(), counts.ItemsRead, counts.Inserted, counts.Duplicates, counts.Failed, counts.Events, runId }));

    public IReadOnlyList<SaveOutcome> SaveBatch(long runId, IReadOnlyList<ItemRecord> items, FactMerge merge = FactMerge.Now)
    {
        if (items.Count == 0) return [];
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return SaveBatchOnce(runId, items, merge);
            }
            // Two workers inserting the same new articles in different orders each wait for the other's
            // uncommitted row; the server breaks the cycle by aborting one. Its batch rolled back whole, so it
            // is simply tried again, and finds the other's items stored: duplicates, as they should be.
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DeadlockDetected && attempt < DeadlockRetries)
            {
            }
            catch (NpgsqlException ex)
            {
                throw WriteFailed(ex);
            }
        }
    }

    private SaveOutcome[] SaveBatchOnce(long runId, IReadOnlyList<ItemRecord> items, FactMerge merge)
    {
        var outcomes = new SaveOutcome[items.Count];
        var ingestedAt = Now();
        // Within a batch the first of several items with one content hash is the one stored, as on SQLite;
        // the others are duplicates without asking the server.
        var firstOfHash = new Dictionary<string, int>(items.Count, StringComparer.Ordinal);
        var unique = new List<int>(items.Count);
        for (var n = 0; n < items.Count; n++)
        {
            if (firstOfHash.TryAdd(items[n].ContentHash, n)) unique.Add(n);
            else outcomes[n] = SaveOutcome.Duplicate;
        }

        using var tx = _connection.BeginTransaction();
        var ids = InsertItems(runId, items, unique, ingestedAt, tx);
        foreach (var n in unique) outcomes[n] = ids.ContainsKey(items[n].ContentHash) ? SaveOutcome.Inserted : SaveOutcome.Duplicate;
        CopyEvents(items, unique, ids);
        MarkEntriesSeen(items, ids, ingestedAt, tx);
        MergeFacts(items, unique, ids, ingestedAt, merge, tx);
        tx.Commit();
        return outcomes;
    }

    /// <summary>
    /// One statement for the whole batch. ON CONFLICT DO NOTHING skips an item whose hash is stored, or being
    /// stored by another worker's open transaction (the server waits for that one to finish first).
    /// Returns the new items' ids by content hash; a hash missing from it was a duplicate.
    /// </summary>
    private Dictionary<string, long> InsertItems(long runId, IReadOnlyList<ItemRecord> items, List<int> unique, string ingestedAt, NpgsqlTransaction tx)
    {
        var count = unique.Count;
        var keys = new string[count];
        var origins = new string[count];
        var hashes = new string[count];
        var titles = new string[count];
        var urls = new string?[count];
        var sources = new string?[count];
        var published = new string?[count];
        var publishedFrom = new string[count];
        var texts = new string[count];
        var versions = new string[count];
        for (var i = 0; i < count; i++)
        {
            var record = items[unique[i]];
            keys[i] = record.Item.Id;
            origins[i] = record.Item.Origin;
            hashes[i] = record.ContentHash;
            titles[i] = record.Title;
            urls[i] = record.Item.Url;
            sources[i] = record.Item.Source;
            published[i] = record.Published?.ToString();
            publishedFrom[i] = record.PublishedFrom;
            texts[i] = record.Text;
            versions[i] = record.ExtractorVersion;
        }
        using var cmd = new NpgsqlCommand("""
            INSERT INTO items (item_key, origin, content_hash, title, url, source, published, published_from, text,
                               run_id, ingested_at, extractor_version)
            SELECT b.item_key, b.origin, b.content_hash, b.title, b.url, b.source, b.published, b.published_from, b.text,
                   @run, @at, b.extractor_version
            FROM unnest(@keys, @origins, @hashes, @titles, @urls, @sources, @published, @published_from, @texts, @versions)
                 WITH ORDINALITY AS b(item_key, origin, content_hash, title, url, source, published, published_from, text,
                                      extractor_version, n)
            ORDER BY b.n
            ON CONFLICT (content_hash) DO NOTHING
            RETURNING id, content_hash
            """, _connection, tx);
        cmd.Parameters.Add(new NpgsqlParameter<long>("run", runId));
        cmd.Parameters.Add(new NpgsqlParameter<string>("at", ingestedAt));
        AddTextArray(cmd, "keys", keys);
        AddTextArray(cmd, "origins", origins);
        AddTextArray(cmd, "hashes", hashes);
        AddTextArray(cmd, "titles", titles);
        AddTextArray(cmd, "urls", urls);
        AddTextArray(cmd, "sources", sources);
        AddTextArray(cmd, "published", published);
        AddTextArray(cmd, "published_from", publishedFrom);
        AddTextArray(cmd, "texts", texts);
        AddTextArray(cmd, "versions", versions);
        var ids = new Dictionary<string, long>(count, StringComparer.Ordinal);
        using var reader = cmd.ExecuteReader();
        while (reader.Read()) ids[reader.GetString(1)] = reader.GetInt64(0);
        return ids;
    }

    private static void AddTextArray(NpgsqlCommand cmd, string name, string?[] values) =>
        cmd.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values });

    /// <summary>The new items' events, streamed to the server with binary COPY in input order (so their ids are too).</summary>
    private void CopyEvents(IReadOnlyList<ItemRecord> items, List<int> unique, Dictionary<string, long> ids)
    {
        var any = false;
        foreach (var n in unique)
        {
            if (items[n].Events.Count > 0 && ids.ContainsKey(items[n].ContentHash)) { any = true; break; }
        }
        if (!any) return;
        using var importer = _connection.BeginBinaryImport("""
            COPY events (item_id, product, product_is_new, kind, subtype, jurisdiction, agency, date_written, date_start,
                         date_end, status, sponsor, indication, evidence_start, evidence_end, evidence_text, confidence,
                         extractor_version)
            FROM STDIN (FORMAT BINARY)
            """);
        foreach (var n in unique)
        {
            if (!ids.TryGetValue(items[n].ContentHash, out var itemId)) continue;
            foreach (var ev in items[n].Events)
            {
                importer.StartRow();
                importer.Write(itemId, NpgsqlDbType.Bigint);
                importer.Write(ev.Product, NpgsqlDbType.Text);
                importer.Write(ev.ProductIsNew ? 1 : 0, NpgsqlDbType.Integer);
                importer.Write(ev.Kind.ToWire(), NpgsqlDbType.Text);
                importer.Write(ev.Subtype, NpgsqlDbType.Text);
                importer.Write(ev.Jurisdiction.Code ?? "", NpgsqlDbType.Text);
                importer.Write(ev.Agency, NpgsqlDbType.Text);
                if (ev.Date is { } date)
                {
                    importer.Write(date.ToString(), NpgsqlDbType.Text);
                    importer.Write(date.Start, NpgsqlDbType.Date);
                    importer.Write(date.End, NpgsqlDbType.Date);
                }
                else
                {
                    importer.WriteNull();
                    importer.WriteNull();
                    importer.WriteNull();
                }
                importer.Write(ev.Status.ToWire(), NpgsqlDbType.Text);
                importer.Write(ev.Sponsor, NpgsqlDbType.Text);
                importer.Write(ev.Indication, NpgsqlDbType.Text);
                importer.Write(ev.Evidence.Start, NpgsqlDbType.Integer);
                importer.Write(ev.Evidence.End, NpgsqlDbType.Integer);
                importer.Write(ev.EvidenceText, NpgsqlDbType.Text);
                importer.Write(ev.Confidence, NpgsqlDbType.Double);
                importer.Write(ev.ExtractorVersion, NpgsqlDbType.Text);
            }
        }
        // Constraint violations (a broken evidence span) surface here and fail the whole batch.
        importer.Complete();
    }

    /// <summary>The feed entries the batch's items came from, marked seen in the same transaction (a duplicate's entry too).</summary>
    private void MarkEntriesSeen(IReadOnlyList<ItemRecord> items, Dictionary<string, long> ids, string at, NpgsqlTransaction tx)
    {
        NpgsqlCommand? markSeen = null;
        try
        {
            foreach (var record in items)
            {
                if (record.Entry is not { } entry) continue;
                if (markSeen is null)
                {
                    markSeen = new NpgsqlCommand("""
                        INSERT INTO feed_entries (feed_url, entry_key, link, first_seen, item_id)
                        VALUES (@feed, @entry, @link, @at, COALESCE(@item, (SELECT id FROM items WHERE content_hash = @hash)))
                        ON CONFLICT (feed_url, entry_key) DO UPDATE SET item_id = excluded.item_id, error_code = NULL, error_message = NULL
                        """, _connection, tx);
                    markSeen.Parameters.Add(new NpgsqlParameter("feed", NpgsqlDbType.Text));
                    markSeen.Parameters.Add(new NpgsqlParameter("entry", NpgsqlDbType.Text));
                    markSeen.Parameters.Add(new NpgsqlParameter("link", NpgsqlDbType.Text));
                    markSeen.Parameters.Add(new NpgsqlParameter("at", NpgsqlDbType.Text) { Value = at });
                    markSeen.Parameters.Add(new NpgsqlParameter("item", NpgsqlDbType.Bigint));
                    markSeen.Parameters.Add(new NpgsqlParameter("hash", NpgsqlDbType.Text));
                }
                markSeen.Parameters["feed"].Value = entry.FeedUrl;
                markSeen.Parameters["entry"].Value = entry.EntryKey;
                markSeen.Parameters["link"].Value = (object?)entry.Link ?? DBNull.Value;
                // Only the first item of a hash in the batch got the id; a later copy's entry finds it by hash.
                markSeen.Parameters["item"].Value = ids.TryGetValue(record.ContentHash, out var id) ? id : DBNull.Value;
                markSeen.Parameters["hash"].Value = record.ContentHash;
                markSeen.ExecuteNonQuery();
            }
        }
        finally
        {
            markSeen?.Dispose();
        }
    }

    public void RecordFailures(long runId, IReadOnlyList<CellRadarError> failures)
    {
        if (failures.Count == 0) return;
        var codes = new int[failures.Count];
        var origins = new string[failures.Count];
        var messages = new string[failures.Count];
        for (var i = 0; i < failures.Count; i++)
        {
            codes[i] = (int)failures[i].Code;
            origins[i] = failures[i].Subject;
            messages[i] = failures[i].Detail;
        }
        // One statement, so the failures of a batch are all recorded or none; in order, so ids keep that order.
        Write(() => _connection.Execute("""
            INSERT INTO failures (run_id, origin, code, message)
            SELECT @runId, f.origin, f.code, f.message
            FROM unnest(@origins, @codes, @messages) WITH ORDINALITY AS f(origin, code, message, n)
            ORDER BY f.n
            """, new { runId, origins, codes, messages }));
    }

    public IEnumerable<StoredEvent> QueryEvents(EventQuery query)
    {
        using var cmd = _connection.CreateCommand();
        var where = new List<string>();
        if (query.Products is { Count: > 0 } products)
        {
            var names = new string[products.Count];
            for (var i = 0; i < products.Count; i++) names[i] = products[i].ToLowerInvariant();
            where.Add("lower(e.product) = ANY(@products)");
            cmd.Parameters.Add(new NpgsqlParameter("products", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = names });
        }
        if (query.Jurisdiction is { } jurisdiction)
        {
            where.Add("e.jurisdiction = @jurisdiction");
            cmd.Parameters.Add(new NpgsqlParameter<string>("jurisdiction", jurisdiction.Code ?? ""));
        }
        if (query.Kind is { } kind)
        {
            where.Add("e.kind = @kind");
            cmd.Parameters.Add(new NpgsqlParameter<string>("kind", kind.ToWire()));
        }
        if (query.Since is { } since)
        {
            where.Add("e.date_end >= @since");
            cmd.Parameters.Add(new NpgsqlParameter<DateOnly>("since", since.Start) { NpgsqlDbType = NpgsqlDbType.Date });
        }
        if (query.RunId is { } run)
        {
            where.Add("i.run_id = @run");
            cmd.Parameters.Add(new NpgsqlParameter<long>("run", run));
        }
        if (query.ItemId is { } itemId)
        {
            where.Add("e.item_id = @item");
            cmd.Parameters.Add(new NpgsqlParameter<long>("item", itemId));
        }
        var filter = where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", where);
        var limit = "";
        if (query.Limit is { } max)
        {
            limit = "LIMIT @limit";
            cmd.Parameters.Add(new NpgsqlParameter<int>("limit", Math.Max(0, max)));
        }
        if (query.Offset > 0)
        {
            limit += " OFFSET @offset";
            cmd.Parameters.Add(new NpgsqlParameter<int>("offset", query.Offset));
        }
        // Dated events first, then undated ones, as on SQLite. Date order: by first possible day, stored order
        // between equals. Newest first: by last possible day (a month sorts at its end), newest stored first.
        var order = query.Order == EventOrder.NewestFirst
            ? "(e.date_end IS NULL), e.date_end DESC, e.date_start DESC, e.id DESC"
            : "(e.date_start IS NULL), e.date_start, e.id";
        cmd.CommandText = $"""
            SELECT {StoredEventRow.Columns}
            FROM events e JOIN items i ON i.id = e.item_id
            {filter}
            ORDER BY {order}
            {limit}
            """;
        using var reader = Read(() => cmd.ExecuteReader());
        while (reader.Read()) yield return StoredEventRow.Read(reader);
    }

    public string? ItemText(long itemId) =>
        Read(() => _connection.QuerySingleOrDefault<string?>("SELECT text FROM items WHERE id = @itemId", new { itemId }));

    public StoredItem? Item(long itemId) =>
        Read(() =>
        {
            var row = _connection.QuerySingleOrDefault<(long Id, string Key, string Origin, string Title, string? Url, string? Source, string? Published, string Text, string IngestedAt)?>(
                "SELECT id, item_key, origin, title, url, source, published, text, ingested_at FROM items WHERE id = @itemId", new { itemId });
            if (row is not { } r) return null;
            PartialDate? published = null;
            if (r.Published is { } written)
            {
                published = PartialDate.TryParse(written, out var d)
                    ? d
                    : throw new CellRadarException(new CellRadarError(ErrorCode.StoreUnavailable, $"item {itemId}", $"stored publication date '{written}' is not YYYY[-MM[-DD]]"));
            }
            return new StoredItem(r.Id, r.Key, r.Origin, r.Title, r.Url, r.Source, published, r.Text,
                DateTimeOffset.Parse(r.IngestedAt, CultureInfo.InvariantCulture));
        });

    public long? FindItem(string contentHash) =>
        Read(() => _connection.QuerySingleOrDefault<long?>("SELECT id FROM items WHERE content_hash = @contentHash", new { contentHash }));

    public IReadOnlyList<CellRadarError> Failures(long runId) =>
        Read(() => _connection.Query<(int Code, string Origin, string Message)>(
                "SELECT code, origin, message FROM failures WHERE run_id = @runId ORDER BY id", new { runId })
            .Select(f => new CellRadarError((ErrorCode)f.Code, f.Origin, f.Message))
            .ToList());

    public IReadOnlyList<RunRecord> Runs(int limit = 20) =>
        Read(() => _connection.Query<(long Id, string Command, string StartedAt, string? FinishedAt, int Read, int Inserted, int Duplicates, int Failed, int Events)>("""
                SELECT id, command, started_at, finished_at, items_read, inserted, duplicates, failed, events
                FROM runs ORDER BY id DESC LIMIT @limit
                """, new { limit })
            .Select(r => new RunRecord(r.Id, r.Command,
                DateTimeOffset.Parse(r.StartedAt, CultureInfo.InvariantCulture),
                r.FinishedAt is null ? null : DateTimeOffset.Parse(r.FinishedAt, CultureInfo.InvariantCulture),
                new RunCounts(r.Read, r.Inserted, r.Duplicates, r.Failed, r.Events)))
            .ToList());

    public StoreCounts Counts() =>
        Read(() =>
        {
            var (items, events, failures, runs) = _connection.QuerySingle<(long, long, long, long)>("""
                SELECT (SELECT COUNT(*) FROM items), (SELECT COUNT(*) FROM events), (SELECT COUNT(*) FROM failures), (SELECT COUNT(*) FROM runs)
                """);
            return new StoreCounts(items, events, failures, runs);
        });

    public FeedState? Feed(string feedUrl) =>
        Read(() =>
        {
            var row = _connection.QuerySingleOrDefault<(string Url, string? ETag, string? LastModified, string? LastPolled, string LastStatus)?>(
                "SELECT url, etag, last_modified, last_polled, last_status FROM feeds WHERE url = @feedUrl", new { feedUrl });
            if (row is not { } r) return null;
            return new FeedState(r.Url, new HttpValidators(r.ETag, r.LastModified),
                r.LastPolled is null ? null : DateTimeOffset.Parse(r.LastPolled, CultureInfo.InvariantCulture), r.LastStatus);
        });

    public void RecordPoll(string feedUrl, HttpValidators? validators, string status)
    {
        // Without new validators the stored ones stay: they belong to the last version of the feed handled in full.
        var sql = validators is null
            ? """
              INSERT INTO feeds (url, last_polled, last_status) VALUES (@feedUrl, @at, @status)
              ON CONFLICT (url) DO UPDATE SET last_polled = excluded.last_polled, last_status = excluded.last_status
              """
            : """
              INSERT INTO feeds (url, etag, last_modified, last_polled, last_status) VALUES (@feedUrl, @etag, @modified, @at, @status)
              ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
                  last_polled = excluded.last_polled, last_status = excluded.last_status
              """;
        Write(() => _connection.Execute(sql, new { feedUrl, at = Now(), status, etag = validators?.ETag, modified = validators?.LastModified }));
    }

    public bool IsEntrySeen(string feedUrl, string entryKey) =>
        Read(() => _connection.ExecuteScalar<int?>("SELECT 1 FROM feed_entries WHERE feed_url = @feedUrl AND entry_key = @entryKey",
            new { feedUrl, entryKey }) is not null);

    public void MarkEntryFailed(FeedEntryRef entry, CellRadarError error) =>
        Write(() => _connection.Execute("""
            INSERT INTO feed_entries (feed_url, entry_key, link, first_seen, error_code, error_message)
            VALUES (@FeedUrl, @EntryKey, @Link, @at, @code, @message)
            ON CONFLICT (feed_url, entry_key) DO NOTHING
            """, new { entry.FeedUrl, entry.EntryKey, entry.Link, at = Now(), code = (int)error.Code, message = error.Detail }));

    public void Dispose() => _connection.Dispose();

    // The same text as SQLite stores, so runs, feeds and exports read the same on both engines.
    private string Now() => _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);

    private T Write<T>(Func<T> action)
    {
        try { return action(); }
        catch (NpgsqlException ex) { throw WriteFailed(ex); }
    }

    private T Read<T>(Func<T> action)
    {
        try { return action(); }
        catch (NpgsqlException ex) { throw Unavailable(ex); }
    }

    private CellRadarException WriteFailed(NpgsqlException ex) =>
        new(new CellRadarError(ErrorCode.StoreWriteFailed, Description, ex.Message), ex);

    private CellRadarException Unavailable(NpgsqlException ex) =>
        new(new CellRadarError(IsConnectionLost(ex) ? ErrorCode.StoreServerUnreachable : ErrorCode.StoreUnavailable, Description, ex.Message), ex);

    private static bool IsConnectionLost(NpgsqlException ex) => ex is not PostgresException && ex.IsTransient;
}
