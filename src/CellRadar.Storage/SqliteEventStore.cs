using System.Globalization;
using CellRadar.Core.Errors;
using CellRadar.Core.Fetching;
using CellRadar.Core.Model;
using CellRadar.Core.Reconciliation;
using Microsoft.Data.Sqlite;

namespace CellRadar.Storage;

/// <summary>
/// The SQLite store: one file, WAL journal, foreign keys on, plain SQL. One connection per store;
/// a store is used by one command at a time.
/// </summary>
public sealed class SqliteEventStore : IEventStore
{
    private readonly SqliteConnection _connection;
    private readonly TimeProvider _time;
    private readonly string _path;
    private readonly TrustPolicy _trust;
    private BandFilter? _bands;

    /// <summary>
    /// Connection settings for writing many batches. The page cache is 16 MiB (an upper bound, filled only as pages
    /// are used; SQLite's default is 2 MiB), so more of the random-key indexes (content hash, bands, clusters) stays
    /// in memory between inserts. The WAL is checkpointed into the database every 16,384 pages (64 MiB) instead of
    /// every 1,000: a batch of 256 items dirties more than 1,000 pages, so the default copied every batch's pages into
    /// the database file (and synced it) at every commit; now an index page rewritten by several batches is copied
    /// once. Durability is as before: WAL with synchronous = FULL (SQLite's default, set explicitly), so every commit
    /// syncs the WAL and a crash, even a power cut, loses at most the transaction not committed yet. Not used: a
    /// 64 MiB cache with temp_store = MEMORY (no faster in the bench, and the peak working set grew from 226 MB at
    /// 10k items to 311 MB at 100k) and a memory map (mapped file pages count in the working set, which would then
    /// grow with the database).
    /// </summary>
    private const string BulkPragmas =
        "PRAGMA synchronous = FULL; PRAGMA cache_size = -16384; PRAGMA wal_autocheckpoint = 16384;";

    private SqliteEventStore(SqliteConnection connection, string path, TimeProvider time, TrustPolicy trust)
    {
        _connection = connection;
        _path = path;
        _time = time;
        _trust = trust;
    }

    public int SchemaVersion { get; private set; }

    /// <summary>The open connection, for the export and import of whole tables.</summary>
    internal SqliteConnection Connection => _connection;

    /// <summary>Opens (creating the file and its folder if needed) and migrates the database at <paramref name="path"/>.</summary>
    /// <param name="trust">How far sources are trusted when events are reconciled into facts; default the embedded <c>data/trust.json</c>.</param>
    /// <exception cref="CellRadarException">E201 when the file cannot be opened as a database, E202 when its schema is newer than this program.</exception>
    public static SqliteEventStore Open(string path, TimeProvider? time = null, TrustPolicy? trust = null)
    {
        var full = Path.GetFullPath(path);
        SqliteConnection? connection = null;
        try
        {
            if (Path.GetDirectoryName(full) is { Length: > 0 } folder) Directory.CreateDirectory(folder);
            // No pooling: a closed store must release its file (tests delete their folders, users move databases).
            var builder = new SqliteConnectionStringBuilder { DataSource = full, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
            connection = new SqliteConnection(builder.ConnectionString);
            connection.Open();
            // The busy timeout first: switching to WAL needs a lock another process opening the file may hold.
            Execute(connection, "PRAGMA busy_timeout = 5000; PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON;");
            Execute(connection, BulkPragmas);
            var store = new SqliteEventStore(connection, full, time ?? TimeProvider.System, trust ?? TrustPolicy.Embedded);
            store.Migrate();
            return store;
        }
        catch (CellRadarException)
        {
            connection?.Dispose();
            throw;
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            connection?.Dispose();
            throw new CellRadarException(new CellRadarError(ErrorCode.StoreUnavailable, full, ex.Message), ex);
        }
    }

    private void Migrate()
    {
        Execute(_connection, "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
        var applied = AppliedVersions(null);
        SchemaVersion = applied.Count == 0 ? 0 : applied.Max;
        if (SchemaVersion > Migrations.Latest)
        {
            throw new CellRadarException(new CellRadarError(ErrorCode.StoreSchemaTooNew, _path,
                $"schema version {SchemaVersion}, this program knows up to {Migrations.Latest}; use a newer cellradar"));
        }
        // Every known script the database has not recorded runs, in number order: not only those above the newest
        // applied one, so a script numbered into a gap (written on another branch) still reaches older databases.
        foreach (var (version, name, sql) in Migrations.Scripts)
        {
            if (applied.Contains(version)) continue;
            using var tx = _connection.BeginTransaction(deferred: false);
            // Another process (a second cellradar, or a reader) may have migrated since the versions were read:
            // checked again inside the write lock, so two processes opening a new file never apply a script twice.
            applied = AppliedVersions(tx);
            if (applied.Contains(version))
            {
                tx.Commit();
                continue;
            }
            Execute(_connection, sql, tx);
            using var record = _connection.CreateCommand();
            record.Transaction = tx;
            record.CommandText = "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($v, $n, $t)";
            record.Parameters.AddWithValue("$v", version);
            record.Parameters.AddWithValue("$n", name);
            record.Parameters.AddWithValue("$t", Now());
            record.ExecuteNonQuery();
            tx.Commit();
            applied.Add(version);
        }
        SchemaVersion = applied.Count == 0 ? 0 : applied.Max;
    }

    private SortedSet<int> AppliedVersions(SqliteTransaction? tx)
    {
        using var read = _connection.CreateCommand();
        read.Transaction = tx;
        read.CommandText = "SELECT version FROM schema_migrations";
        using var reader = read.ExecuteReader();
        var versions = new SortedSet<int>();
        while (reader.Read()) versions.Add(reader.GetInt32(0));
        return versions;
    }

    public long StartRun(string command)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "INSERT INTO runs (command, started_at) VALUES ($c, $t) RETURNING id";
        cmd.Parameters.AddWithValue("$c", command);
        cmd.Parameters.AddWithValue("$t", Now());
        return WriteScalar(cmd);
    }

    public void FinishRun(long runId, RunCounts counts)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = """
            UPDATE runs SET finished_at = $t, items_read = $r, inserted = $i, duplicates = $d, failed = $f, events = $e
            WHERE id = $id
            """;
        cmd.Parameters.AddWithValue("$t", Now());
        cmd.Parameters.AddWithValue("$r", counts.ItemsRead);
        cmd.Parameters.AddWithValue("$i", counts.Inserted);
        cmd.Parameters.AddWithValue("$d", counts.Duplicates);
        cmd.Parameters.AddWithValue("$f", counts.Failed);
        cmd.Parameters.AddWithValue("$e", counts.Events);
        cmd.Parameters.AddWithValue("$id", runId);
        WriteNonQuery(cmd);
    }

    public IReadOnlyList<SaveOutcome> SaveBatch(long runId, IReadOnlyList<ItemRecord> items, FactMerge merge = FactMerge.Now)
    {
        var outcomes = new SaveOutcome[items.Count];
        if (items.Count == 0) return outcomes;
        var ingestedAt = Now();
        using var tx = _connection.BeginTransaction();
        try
        {
            // Two commands prepared once and re-bound per row: the batch costs two statement compilations.
            using var insertItem = _connection.CreateCommand();
            insertItem.Transaction = tx;
            insertItem.CommandText = """
                INSERT INTO items (item_key, origin, content_hash, title, url, source, published, published_from, text,
                                   run_id, ingested_at, extractor_version)
                VALUES ($key, $origin, $hash, $title, $url, $source, $published, $published_from, $text, $run, $at, $version)
                ON CONFLICT (content_hash) DO NOTHING
                RETURNING id
                """;
            var pKey = insertItem.Parameters.Add("$key", SqliteType.Text);
            var pOrigin = insertItem.Parameters.Add("$origin", SqliteType.Text);
            var pHash = insertItem.Parameters.Add("$hash", SqliteType.Text);
            var pTitle = insertItem.Parameters.Add("$title", SqliteType.Text);
            var pUrl = insertItem.Parameters.Add("$url", SqliteType.Text);
            var pSource = insertItem.Parameters.Add("$source", SqliteType.Text);
            var pPublished = insertItem.Parameters.Add("$published", SqliteType.Text);
            var pPublishedFrom = insertItem.Parameters.Add("$published_from", SqliteType.Text);
            var pText = insertItem.Parameters.Add("$text", SqliteType.Text);
            insertItem.Parameters.AddWithValue("$run", runId);
            insertItem.Parameters.AddWithValue("$at", ingestedAt);
            var pItemVersion = insertItem.Parameters.Add("$version", SqliteType.Text);
            insertItem.Prepare();

            using var insertEvent = _connection.CreateCommand();
            insertEvent.Transaction = tx;
            insertEvent.CommandText = """
                INSERT INTO events (item_id, product, product_is_new, kind, subtype, jurisdiction, agency, date_written,
                                    date_start, date_end, status, sponsor, indication, evidence_start, evidence_end,
                                    evidence_text, confidence, extractor_version)
                VALUES ($item, $product, $new, $kind, $subtype, $jurisdiction, $agency, $date, $start, $end, $status,
                        $sponsor, $indication, $ev_start, $ev_end, $ev_text, $confidence, $version)
                """;
            var eItem = insertEvent.Parameters.Add("$item", SqliteType.Integer);
            var eProduct = insertEvent.Parameters.Add("$product", SqliteType.Text);
            var eNew = insertEvent.Parameters.Add("$new", SqliteType.Integer);
            var eKind = insertEvent.Parameters.Add("$kind", SqliteType.Text);
            var eSubtype = insertEvent.Parameters.Add("$subtype", SqliteType.Text);
            var eJurisdiction = insertEvent.Parameters.Add("$jurisdiction", SqliteType.Text);
            var eAgency = insertEvent.Parameters.Add("$agency", SqliteType.Text);
            var eDate = insertEvent.Parameters.Add("$date", SqliteType.Text);
            var eStart = insertEvent.Parameters.Add("$start", SqliteType.Text);
            var eEnd = insertEvent.Parameters.Add("$end", SqliteType.Text);
            var eStatus = insertEvent.Parameters.Add("$status", SqliteType.Text);
            var eSponsor = insertEvent.Parameters.Add("$sponsor", SqliteType.Text);
            var eIndication = insertEvent.Parameters.Add("$indication", SqliteType.Text);
            var eEvStart = insertEvent.Parameters.Add("$ev_start", SqliteType.Integer);
            var eEvEnd = insertEvent.Parameters.Add("$ev_end", SqliteType.Integer);
            var eEvText = insertEvent.Parameters.Add("$ev_text", SqliteType.Text);
            var eConfidence = insertEvent.Parameters.Add("$confidence", SqliteType.Real);
            var eVersion = insertEvent.Parameters.Add("$version", SqliteType.Text);
            insertEvent.Prepare();

            // The entry an item came from is marked seen with it: a crash before commit leaves both unwritten.
            using var markSeen = _connection.CreateCommand();
            markSeen.Transaction = tx;
            markSeen.CommandText = """
                INSERT INTO feed_entries (feed_url, entry_key, link, first_seen, item_id)
                VALUES ($feed, $entry, $link, $at, COALESCE($item, (SELECT id FROM items WHERE content_hash = $hash)))
                ON CONFLICT (feed_url, entry_key) DO UPDATE SET item_id = excluded.item_id, error_code = NULL, error_message = NULL
                """;
            var sFeed = markSeen.Parameters.Add("$feed", SqliteType.Text);
            var sEntry = markSeen.Parameters.Add("$entry", SqliteType.Text);
            var sLink = markSeen.Parameters.Add("$link", SqliteType.Text);
            markSeen.Parameters.AddWithValue("$at", ingestedAt);
            var sItem = markSeen.Parameters.Add("$item", SqliteType.Integer);
            var sHash = markSeen.Parameters.Add("$hash", SqliteType.Text);

            // Reconciliation runs in the same transaction: facts never lag behind the events they come from.
            using var facts = new StoreFacts(_connection, tx, _trust, RelianceRules.Embedded, ingestedAt, serialised: false, SyncedBands(tx));
            var touched = new HashSet<FactKey>();
            var reclustered = new List<long>();
            for (var n = 0; n < items.Count; n++)
            {
                var record = items[n];
                var item = record.Item;
                pKey.Value = item.Id;
                pOrigin.Value = item.Origin;
                pHash.Value = record.ContentHash;
                pTitle.Value = record.Title;
                pUrl.Value = (object?)item.Url ?? DBNull.Value;
                pSource.Value = (object?)item.Source ?? DBNull.Value;
                pPublished.Value = record.Published is { } published ? published.ToString() : DBNull.Value;
                pPublishedFrom.Value = record.PublishedFrom;
                pText.Value = record.Text;
                pItemVersion.Value = record.ExtractorVersion;
                // RETURNING gives no row when ON CONFLICT skipped the insert: that is the duplicate signal.
                var id = insertItem.ExecuteScalar();
                if (record.Entry is { } entry)
                {
                    sFeed.Value = entry.FeedUrl;
                    sEntry.Value = entry.EntryKey;
                    sLink.Value = (object?)entry.Link ?? DBNull.Value;
                    sItem.Value = id ?? DBNull.Value;
                    sHash.Value = record.ContentHash;
                    markSeen.ExecuteNonQuery();
                }
                if (id is null or DBNull)
                {
                    outcomes[n] = SaveOutcome.Duplicate;
                    continue;
                }
                outcomes[n] = SaveOutcome.Inserted;
                eItem.Value = id;
                reclustered.AddRange(facts.Fingerprint(Convert.ToInt64(id, CultureInfo.InvariantCulture), record.ContentHash, record.Text, record.PrecomputedSignature));
                foreach (var ev in record.Events)
                {
                    touched.Add(FactKey.Of(ev));
                    eProduct.Value = ev.Product;
                    eNew.Value = ev.ProductIsNew ? 1 : 0;
                    eKind.Value = ev.Kind.ToWire();
                    eSubtype.Value = ev.Subtype;
                    eJurisdiction.Value = ev.Jurisdiction.Code ?? "";
                    eAgency.Value = ev.Agency;
                    if (ev.Date is { } date)
                    {
                        eDate.Value = date.ToString();
                        eStart.Value = IsoDay(date.Start);
                        eEnd.Value = IsoDay(date.End);
                    }
                    else
                    {
                        eDate.Value = DBNull.Value;
                        eStart.Value = DBNull.Value;
                        eEnd.Value = DBNull.Value;
                    }
                    eStatus.Value = ev.Status.ToWire();
                    eSponsor.Value = ev.Sponsor;
                    eIndication.Value = ev.Indication;
                    eEvStart.Value = ev.Evidence.Start;
                    eEvEnd.Value = ev.Evidence.End;
                    eEvText.Value = ev.EvidenceText;
                    eConfidence.Value = ev.Confidence;
                    eVersion.Value = ev.ExtractorVersion;
                    insertEvent.ExecuteNonQuery();
                }
            }
            facts.AddKeysOfItems(reclustered, touched);
            if (merge == FactMerge.Now)
            {
                facts.Update(touched);
                IndexNewItems(tx);
            }
            else facts.MarkPending(touched);
            tx.Commit();
            return outcomes;
        }
        catch (SqliteException ex)
        {
            tx.Rollback();
            throw WriteFailed(ex);
        }
    }

    /// <summary>
    /// The band filter brought up to date inside this write transaction, or null when it is off. Made at the first
    /// save that fingerprints and kept for the store's lifetime, so batches after the first read only the band rows
    /// committed since the one before.
    /// </summary>
    private BandFilter? SyncedBands(SqliteTransaction tx)
    {
        _bands ??= new BandFilter();
        return _bands.Sync(_connection, tx) ? _bands : null;
    }

    // One process writes a SQLite file at a time: every unit is granted, nothing is held elsewhere, nothing to release.
    public IReadOnlyList<string> ClaimWork(IReadOnlyList<string> units, string worker, TimeSpan lease) => units;

    public IReadOnlyDictionary<string, WorkState> WorkStates(IReadOnlyList<string> units) =>
        units.Distinct(StringComparer.Ordinal).ToDictionary(u => u, u => FindItem(u) is null ? WorkState.Free : WorkState.Done, StringComparer.Ordinal);

    public void ReleaseWork(IReadOnlyList<string> units, string worker)
    {
    }

    public void RecordFailures(long runId, IReadOnlyList<CellRadarError> failures)
    {
        if (failures.Count == 0) return;
        using var tx = _connection.BeginTransaction();
        try
        {
            using var cmd = _connection.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = "INSERT INTO failures (run_id, origin, code, message) VALUES ($run, $origin, $code, $message)";
            cmd.Parameters.AddWithValue("$run", runId);
            var origin = cmd.Parameters.Add("$origin", SqliteType.Text);
            var code = cmd.Parameters.Add("$code", SqliteType.Integer);
            var message = cmd.Parameters.Add("$message", SqliteType.Text);
            cmd.Prepare();
            foreach (var failure in failures)
            {
                origin.Value = failure.Subject;
                code.Value = (int)failure.Code;
                message.Value = failure.Detail;
                cmd.ExecuteNonQuery();
            }
            tx.Commit();
        }
        catch (SqliteException ex)
        {
            tx.Rollback();
            throw WriteFailed(ex);
        }
    }

    public IEnumerable<StoredEvent> QueryEvents(EventQuery query)
    {
        using var cmd = _connection.CreateCommand();
        var where = new List<string>();
        ProductPlaceKind(cmd, where, "lower(e.product)", "e.", query.Products, query.Jurisdiction, query.Kind);
        if (query.Since is { } since)
        {
            where.Add("e.date_end >= $since");
            cmd.Parameters.AddWithValue("$since", IsoDay(since.Start));
        }
        if (query.RunId is { } run)
        {
            where.Add("i.run_id = $run");
            cmd.Parameters.AddWithValue("$run", run);
        }
        if (query.ItemId is { } itemId)
        {
            where.Add("e.item_id = $item");
            cmd.Parameters.AddWithValue("$item", itemId);
        }
        var filter = where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", where);
        var limit = "";
        if (query.Limit is not null || query.Offset > 0)
        {
            // SQLite wants a LIMIT before an OFFSET; -1 is "no limit".
            limit = "LIMIT $limit OFFSET $offset";
            cmd.Parameters.AddWithValue("$limit", query.Limit is { } max ? Math.Max(0, max) : -1);
            cmd.Parameters.AddWithValue("$offset", Math.Max(0, query.Offset));
        }
        // Dated events first, then undated ones. Date order: by first possible day, stored order between equals.
        // Newest first: by last possible day (a month sorts at its end), newest stored first between equals.
        var order = query.Order == EventOrder.NewestFirst
            ? "CASE WHEN e.date_end IS NULL THEN 1 ELSE 0 END, e.date_end DESC, e.date_start DESC, e.id DESC"
            : "CASE WHEN e.date_start IS NULL THEN 1 ELSE 0 END, e.date_start, e.id";
        cmd.CommandText = $"""
            SELECT {StoredEventRow.Columns}
            FROM events e JOIN items i ON i.id = e.item_id
            {filter}
            ORDER BY {order}
            {limit}
            """;
        using var reader = ReadQuery(cmd);
        while (reader.Read()) yield return StoredEventRow.Read(reader);
    }

    public string? ItemText(long itemId)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "SELECT text FROM items WHERE id = $id";
        cmd.Parameters.AddWithValue("$id", itemId);
        return ReadScalar(cmd) as string;
    }

    public StoredItem? Item(long itemId)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "SELECT id, item_key, origin, title, url, source, published, text, ingested_at FROM items WHERE id = $id";
        cmd.Parameters.AddWithValue("$id", itemId);
        using var r = ReadQuery(cmd);
        if (!r.Read()) return null;
        PartialDate? published = null;
        if (!r.IsDBNull(6))
        {
            var written = r.GetString(6);
            published = PartialDate.TryParse(written, out var d)
                ? d
                : throw new CellRadarException(new CellRadarError(ErrorCode.StoreUnavailable, $"item {itemId}", $"stored publication date '{written}' is not YYYY[-MM[-DD]]"));
        }
        return new StoredItem(
            r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3),
            r.IsDBNull(4) ? null : r.GetString(4),
            r.IsDBNull(5) ? null : r.GetString(5),
            published,
            r.GetString(7),
            DateTimeOffset.Parse(r.GetString(8), CultureInfo.InvariantCulture));
    }

    public long? FindItem(string contentHash)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "SELECT id FROM items WHERE content_hash = $hash";
        cmd.Parameters.AddWithValue("$hash", contentHash);
        return ReadScalar(cmd) is long id ? id : null;
    }

    // Private-use characters mark matches in FTS5 snippets: they are cut out again, so markup never comes from text.
    private const char MatchOpen = '\uE000';
    private const char MatchClose = '\uE001';

    public IReadOnlyList<SearchHit> Search(string query, int limit)
    {
        var hits = new List<SearchHit>();
        if (SearchQuery.ToFts(query) is not { } match || limit <= 0) return hits;
        using (var cmd = _connection.CreateCommand())
        {
            cmd.CommandText = """
                SELECT p.name, snippet(products_search, -1, $open, $close, '…', 16)
                FROM products_search JOIN search_products p ON p.id = products_search.rowid
                WHERE products_search MATCH $match
                ORDER BY bm25(products_search, 10.0, 5.0, 1.0), p.name
                LIMIT $limit
                """;
            AddSearchParameters(cmd, match, limit);
            using var r = ReadQuery(cmd);
            while (r.Read())
            {
                var (snippet, spans) = Unmark(r.GetString(1));
                hits.Add(new SearchHit(SearchHitKind.Product, r.GetString(0), snippet, spans) { Product = r.GetString(0) });
            }
        }
        using (var cmd = _connection.CreateCommand())
        {
            // Title matches weigh five times text matches.
            cmd.CommandText = """
                SELECT i.id, i.title, i.published, snippet(items_search, 1, $open, $close, '…', 24)
                FROM items_search JOIN items i ON i.id = items_search.rowid
                WHERE items_search MATCH $match
                ORDER BY bm25(items_search, 5.0, 1.0), i.id DESC
                LIMIT $limit
                """;
            AddSearchParameters(cmd, match, limit);
            using var r = ReadQuery(cmd);
            while (r.Read())
            {
                var (snippet, spans) = Unmark(r.GetString(3));
                hits.Add(new SearchHit(SearchHitKind.Item, r.GetString(1), snippet, spans)
                {
                    ItemId = r.GetInt64(0),
                    Published = !r.IsDBNull(2) && PartialDate.TryParse(r.GetString(2), out var d) ? d : null,
                });
            }
        }
        return hits;
    }

    private static void AddSearchParameters(SqliteCommand cmd, string match, int limit)
    {
        cmd.Parameters.AddWithValue("$open", MatchOpen.ToString());
        cmd.Parameters.AddWithValue("$close", MatchClose.ToString());
        cmd.Parameters.AddWithValue("$match", match);
        cmd.Parameters.AddWithValue("$limit", limit);
    }

    /// <summary>Removes the match markers from a snippet and returns where they were.</summary>
    private static (string Text, IReadOnlyList<TextSpan> Matches) Unmark(string marked)
    {
        var text = new System.Text.StringBuilder(marked.Length);
        var spans = new List<TextSpan>();
        var open = -1;
        foreach (var c in marked)
        {
            if (c == MatchOpen) open = text.Length;
            else if (c == MatchClose)
            {
                if (open >= 0 && text.Length > open) spans.Add(new TextSpan(open, text.Length));
                open = -1;
            }
            else text.Append(c);
        }
        return (text.ToString(), spans);
    }

    public void IndexProducts(IEnumerable<SearchProduct> products)
    {
        using var tx = _connection.BeginTransaction();
        try
        {
            using var cmd = _connection.CreateCommand();
            cmd.Transaction = tx;
            // Rows that would not change are left alone: their search index entries are not rewritten at every start.
            cmd.CommandText = """
                INSERT INTO search_products (name_key, name, aliases, sponsor) VALUES ($key, $name, $aliases, $sponsor)
                ON CONFLICT (name_key) DO UPDATE SET name = excluded.name, aliases = excluded.aliases,
                    sponsor = CASE WHEN excluded.sponsor <> '' THEN excluded.sponsor ELSE search_products.sponsor END
                WHERE search_products.name <> excluded.name OR search_products.aliases <> excluded.aliases
                    OR (excluded.sponsor <> '' AND search_products.sponsor <> excluded.sponsor)
                """;
            var key = cmd.Parameters.Add("$key", SqliteType.Text);
            var name = cmd.Parameters.Add("$name", SqliteType.Text);
            var aliases = cmd.Parameters.Add("$aliases", SqliteType.Text);
            var sponsor = cmd.Parameters.Add("$sponsor", SqliteType.Text);
            cmd.Prepare();
            foreach (var p in products)
            {
                key.Value = p.Name.ToLowerInvariant();
                name.Value = p.Name;
                aliases.Value = string.Join(", ", p.Aliases);
                sponsor.Value = p.Sponsor;
                cmd.ExecuteNonQuery();
            }
            tx.Commit();
        }
        catch (SqliteException ex)
        {
            tx.Rollback();
            throw WriteFailed(ex);
        }
    }

    public IReadOnlyList<CellRadarError> Failures(long runId)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "SELECT code, origin, message FROM failures WHERE run_id = $run ORDER BY id";
        cmd.Parameters.AddWithValue("$run", runId);
        using var reader = ReadQuery(cmd);
        var list = new List<CellRadarError>();
        while (reader.Read()) list.Add(new CellRadarError((ErrorCode)reader.GetInt32(0), reader.GetString(1), reader.GetString(2)));
        return list;
    }

    public IReadOnlyList<RunRecord> Runs(int limit = 20)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = """
            SELECT id, command, started_at, finished_at, items_read, inserted, duplicates, failed, events
            FROM runs ORDER BY id DESC LIMIT $limit
            """;
        cmd.Parameters.AddWithValue("$limit", limit);
        using var reader = ReadQuery(cmd);
        var list = new List<RunRecord>();
        while (reader.Read())
        {
            list.Add(new RunRecord(
                reader.GetInt64(0),
                reader.GetString(1),
                DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture),
                reader.IsDBNull(3) ? null : DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture),
                new RunCounts(reader.GetInt32(4), reader.GetInt32(5), reader.GetInt32(6), reader.GetInt32(7), reader.GetInt32(8))));
        }
        return list;
    }

    public StoreCounts Counts()
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = """
            SELECT (SELECT COUNT(*) FROM items), (SELECT COUNT(*) FROM events), (SELECT COUNT(*) FROM failures), (SELECT COUNT(*) FROM runs)
            """;
        using var reader = ReadQuery(cmd);
        reader.Read();
        return new StoreCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }

    public FeedState? Feed(string feedUrl)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "SELECT url, etag, last_modified, last_polled, last_status FROM feeds WHERE url = $url";
        cmd.Parameters.AddWithValue("$url", feedUrl);
        using var r = ReadQuery(cmd);
        if (!r.Read()) return null;
        return new FeedState(
            r.GetString(0),
            new HttpValidators(r.IsDBNull(1) ? null : r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2)),
            r.IsDBNull(3) ? null : DateTimeOffset.Parse(r.GetString(3), CultureInfo.InvariantCulture),
            r.GetString(4));
    }

    public void RecordPoll(string feedUrl, HttpValidators? validators, string status)
    {
        using var cmd = _connection.CreateCommand();
        // Without new validators the stored ones stay: they belong to the last version of the feed handled in full.
        cmd.CommandText = validators is null
            ? """
              INSERT INTO feeds (url, last_polled, last_status) VALUES ($url, $at, $status)
              ON CONFLICT (url) DO UPDATE SET last_polled = excluded.last_polled, last_status = excluded.last_status
              """
            : """
              INSERT INTO feeds (url, etag, last_modified, last_polled, last_status) VALUES ($url, $etag, $modified, $at, $status)
              ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
                  last_polled = excluded.last_polled, last_status = excluded.last_status
              """;
        cmd.Parameters.AddWithValue("$url", feedUrl);
        cmd.Parameters.AddWithValue("$at", Now());
        cmd.Parameters.AddWithValue("$status", status);
        if (validators is not null)
        {
            cmd.Parameters.AddWithValue("$etag", (object?)validators.ETag ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$modified", (object?)validators.LastModified ?? DBNull.Value);
        }
        WriteNonQuery(cmd);
    }

    public bool IsEntrySeen(string feedUrl, string entryKey)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "SELECT 1 FROM feed_entries WHERE feed_url = $feed AND entry_key = $entry";
        cmd.Parameters.AddWithValue("$feed", feedUrl);
        cmd.Parameters.AddWithValue("$entry", entryKey);
        return ReadScalar(cmd) is not null;
    }

    public void MarkEntryFailed(FeedEntryRef entry, CellRadarError error)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = """
            INSERT INTO feed_entries (feed_url, entry_key, link, first_seen, error_code, error_message)
            VALUES ($feed, $entry, $link, $at, $code, $message)
            ON CONFLICT (feed_url, entry_key) DO NOTHING
            """;
        cmd.Parameters.AddWithValue("$feed", entry.FeedUrl);
        cmd.Parameters.AddWithValue("$entry", entry.EntryKey);
        cmd.Parameters.AddWithValue("$link", (object?)entry.Link ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$at", Now());
        cmd.Parameters.AddWithValue("$code", (int)error.Code);
        cmd.Parameters.AddWithValue("$message", error.Detail);
        WriteNonQuery(cmd);
    }

    public IEnumerable<Fact> QueryFacts(FactQuery query)
    {
        using var cmd = _connection.CreateCommand();
        var where = new List<string>();
        ProductPlaceKind(cmd, where, "product", "", query.Products, query.Jurisdiction, query.Kind);
        var filter = where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", where);
        // Dated facts in date order (a partial date at its first day, the coarser first), undated ones last.
        cmd.CommandText = $"""
            SELECT body FROM facts {filter}
            ORDER BY product, CASE WHEN date_start IS NULL THEN 1 ELSE 0 END, date_start, length(fact_date), fact_key
            """;
        using var reader = ReadQuery(cmd);
        while (reader.Read())
        {
            using var doc = System.Text.Json.JsonDocument.Parse(reader.GetString(0));
            yield return FactJson.Read(doc.RootElement);
        }
    }

    public IReadOnlyList<MarketStatus> MarketStatuses(IReadOnlyList<string>? products = null)
    {
        using var cmd = _connection.CreateCommand();
        var filter = "";
        if (products is { Count: > 0 })
        {
            var names = new string[products.Count];
            for (var i = 0; i < products.Count; i++)
            {
                names[i] = "$p" + i.ToString(CultureInfo.InvariantCulture);
                cmd.Parameters.AddWithValue(names[i], products[i].ToLowerInvariant());
            }
            filter = $"WHERE product IN ({string.Join(", ", names)})";
        }
        cmd.CommandText = $"SELECT body FROM market_status {filter} ORDER BY product, jurisdiction";
        using var reader = ReadQuery(cmd);
        var list = new List<MarketStatus>();
        while (reader.Read())
        {
            using var doc = System.Text.Json.JsonDocument.Parse(reader.GetString(0));
            list.Add(MarketStatusJson.Read(doc.RootElement));
        }
        return list;
    }

    public IEnumerable<FactChange> Changes(DateTimeOffset since)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "SELECT id, at, change, product, jurisdiction, fact_key, detail FROM changes WHERE at >= $since ORDER BY id";
        cmd.Parameters.AddWithValue("$since", since.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
        using var reader = ReadQuery(cmd);
        while (reader.Read())
        {
            yield return new FactChange(reader.GetInt64(0), DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture),
                reader.GetString(2), reader.GetString(3), Jurisdiction.Parse(reader.GetString(4)), reader.GetString(5), reader.GetString(6));
        }
    }

    public int ReconcilePending()
    {
        using var tx = _connection.BeginTransaction();
        try
        {
            using var facts = new StoreFacts(_connection, tx, _trust, RelianceRules.Embedded, Now(), serialised: false);
            var written = facts.Update(facts.TakePending());
            IndexNewItems(tx);
            tx.Commit();
            return written;
        }
        catch (SqliteException ex)
        {
            tx.Rollback();
            throw WriteFailed(ex);
        }
    }

    public ReconcileSummary Reconcile()
    {
        var at = Now();
        using var tx = _connection.BeginTransaction();
        try
        {
            using var facts = new StoreFacts(_connection, tx, _trust, RelianceRules.Embedded, at, serialised: false, SyncedBands(tx));
            // Items stored before schema 3 get their fingerprints first, in id order; clusters do not depend on it.
            var missing = facts.Unfingerprinted();
            foreach (var (id, hash) in missing) facts.Fingerprint(id, hash, facts.ItemText(id));
            var keys = facts.AllKeys();
            facts.TakePending();
            var written = facts.Update(keys);
            IndexNewItems(tx);
            int statuses;
            using (var count = _connection.CreateCommand())
            {
                count.Transaction = tx;
                count.CommandText = "SELECT COUNT(*) FROM market_status";
                statuses = Convert.ToInt32(count.ExecuteScalar(), CultureInfo.InvariantCulture);
            }
            tx.Commit();
            return new ReconcileSummary(missing.Count, written, statuses, facts.ChangesLogged);
        }
        catch (SqliteException ex)
        {
            tx.Rollback();
            throw WriteFailed(ex);
        }
    }

    /// <summary>
    /// Adds the items stored since the last call to the full-text index, in one statement (schema 6: no trigger per
    /// row). Items are only appended, so those above the recorded highest indexed id are exactly the new ones.
    /// </summary>
    private void IndexNewItems(SqliteTransaction tx) => IndexNewItems(_connection, tx);

    internal static void IndexNewItems(SqliteConnection connection, SqliteTransaction tx)
    {
        Execute(connection, """
            INSERT INTO items_search (rowid, title, text)
            SELECT id, title, text FROM items WHERE id > (SELECT last_id FROM items_search_state WHERE id = 1) ORDER BY id;
            UPDATE items_search_state SET last_id = (SELECT COALESCE(MAX(id), 0) FROM items) WHERE id = 1;
            """, tx);
    }

    /// <summary>
    /// The filters events and facts share: any of these products (lower-cased names), one jurisdiction, one kind.
    /// <paramref name="productColumn"/> is the expression holding the lower-cased name; <paramref name="prefix"/>
    /// the table alias before the jurisdiction and kind columns.
    /// </summary>
    private static void ProductPlaceKind(SqliteCommand cmd, List<string> where, string productColumn, string prefix,
        IReadOnlyList<string>? products, Jurisdiction? jurisdiction, EventKind? kind)
    {
        if (products is { Count: > 0 })
        {
            var names = new string[products.Count];
            for (var i = 0; i < products.Count; i++)
            {
                names[i] = "$p" + i.ToString(CultureInfo.InvariantCulture);
                cmd.Parameters.AddWithValue(names[i], products[i].ToLowerInvariant());
            }
            where.Add($"{productColumn} IN ({string.Join(", ", names)})");
        }
        if (jurisdiction is { } place)
        {
            where.Add($"{prefix}jurisdiction = $jurisdiction");
            cmd.Parameters.AddWithValue("$jurisdiction", place.Code);
        }
        if (kind is { } k)
        {
            where.Add($"{prefix}kind = $kind");
            cmd.Parameters.AddWithValue("$kind", k.ToWire());
        }
    }

    public void Dispose() => _connection.Dispose();

    private string Now() => _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);

    private static string IsoDay(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? tx = null)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private long WriteScalar(SqliteCommand cmd)
    {
        try { return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture); }
        catch (SqliteException ex) { throw WriteFailed(ex); }
    }

    private void WriteNonQuery(SqliteCommand cmd)
    {
        try { cmd.ExecuteNonQuery(); }
        catch (SqliteException ex) { throw WriteFailed(ex); }
    }

    private object? ReadScalar(SqliteCommand cmd)
    {
        try { return cmd.ExecuteScalar(); }
        catch (SqliteException ex) { throw Unavailable(ex); }
    }

    private SqliteDataReader ReadQuery(SqliteCommand cmd)
    {
        try { return cmd.ExecuteReader(); }
        catch (SqliteException ex) { throw Unavailable(ex); }
    }

    private CellRadarException WriteFailed(SqliteException ex) =>
        new(new CellRadarError(ErrorCode.StoreWriteFailed, _path, ex.Message), ex);

    private CellRadarException Unavailable(SqliteException ex) =>
        new(new CellRadarError(ErrorCode.StoreUnavailable, _path, ex.Message), ex);
}
