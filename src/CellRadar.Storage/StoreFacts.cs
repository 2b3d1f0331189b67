using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CellRadar.Core.Model;
using CellRadar.Core.Reconciliation;
using System.Data;
using System.Data.Common;

namespace CellRadar.Storage;

/// <summary>
/// Keeps the fact tables of a store up to date, inside the caller's transaction: fingerprints new items (joining
/// near-duplicate clusters), re-reconciles the facts the new events (and re-clustered items) touch, re-runs the
/// status machine for the markets those facts are in, and logs what changed. The same SQL serves SQLite and
/// PostgreSQL (the tables are twins), so the facts of one corpus are the same on either engine by construction.
/// </summary>
/// <remarks>
/// <para>SQLite has one writer at a time, so nothing here needs locking there. On PostgreSQL several workers save
/// batches at once (<paramref name="serialised"/>), each in its own transaction at READ COMMITTED, and a merge
/// must see every event of its fact, including those of a batch committed a moment ago. Transaction-scoped advisory
/// locks make each merge wait for the one before it, in three classes taken in this order, each class's keys in
/// ascending order so two batches never wait on each other in a cycle:</para>
/// <list type="number">
/// <item>bands: every band key of the batch's new items, before fingerprinting. Two near-duplicates share a band,
/// so the second waits for the first to commit and then finds it as a candidate (never two clusters for one story).</item>
/// <item>clusters: each cluster an item joins, before it is read for the merge and renamed (re-read after waiting,
/// since the holder may have renamed it). Taken item by item, so not in one global order: a rare cycle is broken by
/// the server's deadlock detection, and the store retries the whole batch.</item>
/// <item>markets: every (product, jurisdiction) the touched facts are in, before any fact is merged. A fact belongs
/// to one market, so this serialises each fact's merge (two workers never half-merge it) and also each market's
/// status, which is computed from all facts of that market.</item>
/// </list>
/// <para>Each statement at READ COMMITTED reads what was committed when it started, so a merge that got its lock
/// after another batch committed reads that batch's events and fact rows.</para>
/// </remarks>
internal sealed class StoreFacts(DbConnection connection, DbTransaction tx, TrustPolicy trust, RelianceRules reliance, string now, bool serialised,
    BandFilter? bandFilter = null) : IDisposable
{
    // Advisory lock classes (the first int of pg_advisory_xact_lock(int, int)): "CR" and a class number.
    private const int BandLock = 0x43520001;
    private const int ClusterLock = 0x43520002;
    private const int MarketLock = 0x43520003;

    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly Dictionary<long, string> _texts = [];
    private readonly HashSet<(int, int)> _locked = [];
    private readonly Dictionary<string, DbCommand> _reused = new(StringComparer.Ordinal);

    public int ChangesLogged { get; private set; }

    /// <summary>
    /// On PostgreSQL: waits until no other transaction may be fingerprinting a near-duplicate of these items (locks
    /// their band keys). Call once per batch, before <see cref="Fingerprint"/>.
    /// </summary>
    public void LockBands(IEnumerable<ulong[]?> signatures)
    {
        if (!serialised) return;
        var locks = new List<(int, int)>();
        foreach (var signature in signatures)
        {
            if (signature is null) continue;
            var keys = NearDuplicates.BandKeys(signature);
            for (var b = 0; b < keys.Length; b++) locks.Add((BandLock, Fold(keys[b] * 31 + b)));
        }
        Lock(locks);
    }

    /// <summary>
    /// Fingerprints an item and joins it to the cluster of its near-duplicates. Returns the ids of already stored
    /// items whose cluster id changed (their facts count independent sources differently now).
    /// </summary>
    public List<long> Fingerprint(long itemId, string contentHash, string text, ulong[]? precomputed = null)
    {
        var changed = new List<long>();
        var signature = precomputed ?? NearDuplicates.Signature(text);
        var cluster = contentHash;
        if (signature is not null)
        {
            var bands = NearDuplicates.BandKeys(signature);
            var candidates = new HashSet<long>();
            var find = Reused("SELECT item_id FROM item_bands WHERE band = @band AND band_key = @key", ("@band", DbType.Int64), ("@key", DbType.Int64));
            for (var b = 0; b < bands.Length; b++)
            {
                // A band no stored row has would come back empty: not asked.
                if (bandFilter is not null && !bandFilter.MayContain(b, bands[b])) continue;
                find.Parameters[0].Value = (long)b;
                find.Parameters[1].Value = bands[b];
                using var r = find.ExecuteReader();
                while (r.Read()) candidates.Add(r.GetInt64(0));
            }
            candidates.Remove(itemId);
            var clusters = new SortedSet<string>(StringComparer.Ordinal);
            var near = new List<long>();
            var load = Reused("SELECT signature FROM item_fingerprints WHERE item_id = @id", ("@id", DbType.Int64));
            foreach (var candidate in candidates)
            {
                load.Parameters[0].Value = candidate;
                using var r = load.ExecuteReader();
                if (!r.Read() || r.IsDBNull(0)) continue;
                if (NearDuplicates.AreNear(signature, NearDuplicates.FromBytes((byte[])r.GetValue(0)))) near.Add(candidate);
            }
            // The near items' clusters, locked and read again until no new one appears: a cluster another batch was
            // renaming while this one waited is read under its new name.
            var read = Reused("SELECT cluster FROM item_fingerprints WHERE item_id = @id", ("@id", DbType.Int64));
            while (true)
            {
                clusters.Clear();
                foreach (var id in near)
                {
                    read.Parameters[0].Value = id;
                    if (read.ExecuteScalar() is string c) clusters.Add(c);
                }
                if (!serialised || !Lock(clusters.Select(c => (ClusterLock, Hash(c))).ToList())) break;
            }
            if (clusters.Count > 0 && string.CompareOrdinal(clusters.Min, cluster) < 0) cluster = clusters.Min!;
            // Every cluster the item connects becomes one, named by the smallest content hash in it.
            if (clusters.Count > 0)
            {
                var merge = Reused("UPDATE item_fingerprints SET cluster = @new WHERE cluster = @old RETURNING item_id", ("@new", DbType.String), ("@old", DbType.String));
                merge.Parameters[0].Value = cluster;
                foreach (var old in clusters)
                {
                    if (old == cluster) continue;
                    merge.Parameters[1].Value = old;
                    using var r = merge.ExecuteReader();
                    while (r.Read()) changed.Add(r.GetInt64(0));
                }
            }
            var band = Reused("INSERT INTO item_bands (band, band_key, item_id) VALUES (@band, @key, @item)", ("@band", DbType.Int64), ("@key", DbType.Int64), ("@item", DbType.Int64));
            band.Parameters[2].Value = itemId;
            for (var b = 0; b < bands.Length; b++)
            {
                band.Parameters[0].Value = (long)b;
                band.Parameters[1].Value = bands[b];
                band.ExecuteNonQuery();
                bandFilter?.Add(b, bands[b]);
            }
        }
        var insert = Reused("INSERT INTO item_fingerprints (item_id, signature, cluster) VALUES (@item, @sig, @cluster)", ("@item", DbType.Int64), ("@sig", DbType.Binary), ("@cluster", DbType.String));
        insert.Parameters[0].Value = itemId;
        insert.Parameters[1].Value = signature is null ? DBNull.Value : NearDuplicates.ToBytes(signature);
        insert.Parameters[2].Value = cluster;
        insert.ExecuteNonQuery();
        return changed;
    }

    /// <summary>The fact keys of the events of these items.</summary>
    public void AddKeysOfItems(IEnumerable<long> itemIds, HashSet<FactKey> keys)
    {
        using var cmd = Command("SELECT product, kind, subtype, jurisdiction FROM events WHERE item_id = @item");
        var pItem = Param(cmd, "@item", DbType.Int64);
        foreach (var id in itemIds)
        {
            pItem.Value = id;
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                if (!EventKindNames.TryParse(r.GetString(1), out var kind)) continue;
                keys.Add(new FactKey(r.GetString(0).ToLowerInvariant(), kind, FactKey.FamilyOf(kind, r.GetString(2)), Jurisdiction.Parse(r.GetString(3))));
            }
        }
    }

    /// <summary>
    /// Records keys for a later <see cref="Update"/> (a deferred save); a key pending twice is merged once.
    /// A key already pending is written again (not left alone): on PostgreSQL another worker may be taking that row
    /// right now in a merge that cannot see this batch's uncommitted events. Rewriting the row makes such a taker
    /// wait for this batch to commit (it then reads its events), and if the taker was first, the row it deleted is
    /// inserted anew, so the key stays pending for the next merge. DO NOTHING would lose the batch's events.
    /// </summary>
    public void MarkPending(IEnumerable<FactKey> keys)
    {
        using var cmd = Command("INSERT INTO pending_facts (fact_key) VALUES (@key) ON CONFLICT (fact_key) DO UPDATE SET fact_key = excluded.fact_key");
        var pKey = Param(cmd, "@key", DbType.String);
        // In one order, so two batches writing the same pending rows never wait on each other in a cycle.
        foreach (var key in keys.Select(k => k.ToString()).Order(StringComparer.Ordinal))
        {
            pKey.Value = key;
            cmd.ExecuteNonQuery();
        }
    }

    /// <summary>
    /// The pending keys, removed from the table (the caller merges them in the same transaction). One statement, so
    /// a key another worker marks pending meanwhile is either taken here or stays for the next merge, never lost.
    /// </summary>
    public HashSet<FactKey> TakePending()
    {
        var keys = new HashSet<FactKey>();
        using var cmd = Command("DELETE FROM pending_facts RETURNING fact_key");
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            // A key this version cannot read (written by another) is dropped: the next full reconcile rebuilds it.
            if (FactKey.TryParse(r.GetString(0), out var key)) keys.Add(key);
        }
        return keys;
    }

    /// <summary>Re-reconciles these facts, then the statuses of the markets they are in; returns how many facts were written.</summary>
    public int Update(IEnumerable<FactKey> keys)
    {
        var markets = new SortedSet<(string, string)>();
        var written = 0;
        using var supportsCmd = Command("""
            SELECT e.id, e.product, e.kind, e.subtype, e.jurisdiction, e.agency, e.date_written, e.status, e.sponsor, e.indication,
                   e.evidence_start, e.evidence_end, e.evidence_text, e.confidence, e.extractor_version,
                   i.id, i.item_key, i.content_hash, i.url, i.source, i.published, i.ingested_at, COALESCE(f.cluster, i.content_hash)
            FROM events e JOIN items i ON i.id = e.item_id LEFT JOIN item_fingerprints f ON f.item_id = i.id
            WHERE lower(e.product) = @product AND e.jurisdiction = @jurisdiction AND e.kind = @kind
            """);
        var sProduct = Param(supportsCmd, "@product", DbType.String);
        var sJurisdiction = Param(supportsCmd, "@jurisdiction", DbType.String);
        var sKind = Param(supportsCmd, "@kind", DbType.String);
        var ordered = keys.OrderBy(k => k.ToString(), StringComparer.Ordinal).ToList();
        if (serialised) Lock(ordered.Select(k => (MarketLock, Hash(k.Product + "|" + k.Jurisdiction.Code))).ToList());
        // Keys in a fixed order: the change log of one batch then reads the same whatever order its items came in.
        foreach (var key in ordered)
        {
            sProduct.Value = key.Product;
            sJurisdiction.Value = key.Jurisdiction.Code;
            sKind.Value = key.Kind.ToWire();
            var supports = new List<Support>();
            var itemIds = new List<long>();
            using (var r = supportsCmd.ExecuteReader())
            {
                while (r.Read())
                {
                    var subtype = r.GetString(3);
                    if (FactKey.FamilyOf(key.Kind, subtype) != key.Family) continue;
                    supports.Add(ReadSupport(r, key));
                    itemIds.Add(r.GetInt64(15));
                }
            }
            // Reliance routes are read from item texts once the reader is closed: PostgreSQL runs one command at a
            // time per connection (SQLite would allow the nested read, Npgsql does not).
            if (reliance.Applies(key.Kind, key.Jurisdiction))
            {
                for (var n = 0; n < supports.Count; n++)
                    supports[n] = supports[n] with { Reliance = reliance.Match(key.Kind, key.Jurisdiction, ItemText(itemIds[n])) };
            }
            if (supports.Count == 0)
            {
                Delete(key);
                markets.Add((key.Product, key.Jurisdiction.Code));
                continue;
            }
            var fact = FactReconciler.Reconcile(key, supports, trust);
            if (Upsert(fact)) written++;
            markets.Add((key.Product, key.Jurisdiction.Code));
        }
        foreach (var (product, jurisdiction) in markets) UpdateStatus(product, jurisdiction);
        return written;
    }

    /// <summary>Every fact key any stored event has, for a full rebuild; and the keys of stored facts, so stale ones are removed.</summary>
    public HashSet<FactKey> AllKeys()
    {
        var keys = new HashSet<FactKey>();
        using (var cmd = Command("SELECT DISTINCT lower(product), kind, subtype, jurisdiction FROM events"))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                if (EventKindNames.TryParse(r.GetString(1), out var kind))
                    keys.Add(new FactKey(r.GetString(0), kind, FactKey.FamilyOf(kind, r.GetString(2)), Jurisdiction.Parse(r.GetString(3))));
            }
        }
        using (var cmd = Command("SELECT fact_key FROM facts"))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                if (FactKey.TryParse(r.GetString(0), out var key)) keys.Add(key);
            }
        }
        return keys;
    }

    /// <summary>Items stored before fingerprints existed (or after a rebuild cleared them): id, hash and text, streamed in id order.</summary>
    public List<(long Id, string Hash)> Unfingerprinted()
    {
        using var cmd = Command("SELECT i.id, i.content_hash FROM items i WHERE NOT EXISTS (SELECT 1 FROM item_fingerprints f WHERE f.item_id = i.id) ORDER BY i.id");
        using var r = cmd.ExecuteReader();
        var list = new List<(long, string)>();
        while (r.Read()) list.Add((r.GetInt64(0), r.GetString(1)));
        return list;
    }

    public string ItemText(long itemId)
    {
        if (_texts.TryGetValue(itemId, out var cached)) return cached;
        using var cmd = Command("SELECT text FROM items WHERE id = @id");
        Value(cmd, "@id", itemId);
        var text = cmd.ExecuteScalar() as string ?? "";
        if (_texts.Count < 1024) _texts[itemId] = text;
        return text;
    }

    private Support ReadSupport(DbDataReader r, FactKey key)
    {
        var ev = new RegulatoryEvent
        {
            Product = r.GetString(1),
            Kind = key.Kind,
            Subtype = r.GetString(3),
            Jurisdiction = key.Jurisdiction,
            Agency = r.GetString(5),
            Date = r.IsDBNull(6) ? null : PartialDate.Parse(r.GetString(6)),
            Status = EventStatusNames.TryParse(r.GetString(7), out var status) ? status : default,
            Sponsor = r.GetString(8),
            Indication = r.GetString(9),
            Evidence = new TextSpan(r.GetInt32(10), r.GetInt32(11)),
            EvidenceText = r.GetString(12),
            Confidence = r.GetDouble(13),
            ExtractorVersion = r.GetString(14),
        };
        var url = r.IsDBNull(18) ? null : r.GetString(18);
        var source = r.IsDBNull(19) ? null : r.GetString(19);
        return new Support
        {
            Event = ev,
            ItemKey = r.GetString(16),
            ItemHash = r.GetString(17),
            ItemUrl = url,
            Publisher = TrustPolicy.PublisherOf(url, source),
            Published = !r.IsDBNull(20) && PartialDate.TryParse(r.GetString(20), out var published) ? published : null,
            FirstSeen = DateTimeOffset.Parse(r.GetString(21), CultureInfo.InvariantCulture),
            Trust = trust.LevelOf(url, source),
            Cluster = r.GetString(22),
            Reliance = null,
        };
    }

    /// <summary>Writes the fact if it is new or changed, logging new facts and new conflicts; true when written.</summary>
    private bool Upsert(Fact fact)
    {
        var body = Json(w => FactJson.Write(w, fact));
        var keyText = fact.Key.ToString();
        long? id = null;
        string[]? oldConflicts = null;
        using (var find = Command("SELECT id, body, conflict_values FROM facts WHERE fact_key = @key"))
        {
            Value(find, "@key", keyText);
            using var r = find.ExecuteReader();
            if (r.Read())
            {
                id = r.GetInt64(0);
                if (r.GetString(1) == body) return false;
                oldConflicts = r.GetString(2).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            }
        }
        var conflictLines = fact.Conflicts.Select(c => OneLine(c.ToString())).ToArray();
        using (var write = Command(id is null
            ? """
              INSERT INTO facts (fact_key, product, kind, family, jurisdiction, subtype, status, fact_date, date_start, agency, confidence,
                                 independent_sources, unconfirmed, conflicts, conflict_values, reliance, sources, body, updated_at)
              VALUES (@key, @product, @kind, @family, @jurisdiction, @subtype, @status, @date, @start, @agency, @confidence,
                      @sources, @unconfirmed, @conflicts, @conflict_values, @reliance, @items, @body, @at)
              RETURNING id
              """
            : """
              UPDATE facts SET subtype = @subtype, status = @status, fact_date = @date, date_start = @start, agency = @agency,
                               confidence = @confidence, independent_sources = @sources, unconfirmed = @unconfirmed,
                               conflicts = @conflicts, conflict_values = @conflict_values, reliance = @reliance, sources = @items,
                               body = @body, updated_at = @at
              WHERE fact_key = @key
              RETURNING id
              """))
        {
            Value(write, "@key", keyText);
            Value(write, "@product", fact.Key.Product);
            Value(write, "@kind", fact.Key.Kind.ToWire());
            Value(write, "@family", fact.Key.Family);
            Value(write, "@jurisdiction", fact.Key.Jurisdiction.Code);
            Value(write, "@subtype", fact.Subtype);
            Value(write, "@status", fact.Status.ToWire());
            Value(write, "@date", (object?)fact.Date?.ToString() ?? DBNull.Value);
            Value(write, "@start", fact.Date is { } d ? d.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : DBNull.Value);
            Value(write, "@agency", fact.Agency);
            Value(write, "@confidence", fact.Confidence);
            Value(write, "@sources", fact.IndependentSources);
            Value(write, "@unconfirmed", fact.Unconfirmed ? 1 : 0);
            Value(write, "@conflicts", fact.Conflicts.Count);
            Value(write, "@conflict_values", string.Join('\n', conflictLines));
            Value(write, "@reliance", fact.Reliance is { } route ? $"{route.Route}|{route.Reference}" : DBNull.Value);
            Value(write, "@items", string.Join('\n', fact.Supports.Select(s => s.ItemKey).Distinct().Order(StringComparer.Ordinal).Take(MaxSources)));
            Value(write, "@body", body);
            Value(write, "@at", now);
            id = Convert.ToInt64(write.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        // Events never leave a fact (stored events are never changed), so only events not linked yet are added.
        using (var link = Command("""
            INSERT INTO fact_supports (fact_id, event_id)
            SELECT @fact, e.id FROM events e
            WHERE lower(e.product) = @product AND e.jurisdiction = @jurisdiction AND e.kind = @kind AND (@identity = 0 OR e.subtype = @family)
            ON CONFLICT (fact_id, event_id) DO NOTHING
            """))
        {
            Value(link, "@fact", id);
            Value(link, "@product", fact.Key.Product);
            Value(link, "@jurisdiction", fact.Key.Jurisdiction.Code);
            Value(link, "@kind", fact.Key.Kind.ToWire());
            Value(link, "@identity", fact.Key.SubtypeIsIdentity ? 1 : 0);
            Value(link, "@family", fact.Key.Family);
            link.ExecuteNonQuery();
        }
        if (oldConflicts is null) Log(FactChange.NewFact, fact, Describe(fact));
        // A conflict is new when its line (the field and every disagreeing value) was not there before.
        foreach (var line in conflictLines)
        {
            if (oldConflicts is null || !oldConflicts.Contains(line, StringComparer.Ordinal))
                LogRow(FactChange.NewConflict, fact.Key.Product, fact.Key.Jurisdiction.Code, keyText, line);
        }
        return true;
    }

    /// <summary>Item keys kept per fact for the status table; the body keeps them all.</summary>
    private const int MaxSources = 20;

    private static string OneLine(string text) => text.Replace('\n', ' ').Replace('\r', ' ');

    private void Delete(FactKey key)
    {
        using var cmd = Command("DELETE FROM facts WHERE fact_key = @key");
        Value(cmd, "@key", key.ToString());
        cmd.ExecuteNonQuery();
    }

    private void UpdateStatus(string product, string jurisdiction)
    {
        // The status machine needs no supports: facts are rebuilt from their columns, never from the (large) bodies.
        var facts = new List<Fact>();
        var sources = new Dictionary<FactKey, string>();
        using (var cmd = Command("SELECT fact_key, status, fact_date, agency, unconfirmed, reliance, sources FROM facts WHERE product = @product AND jurisdiction = @jurisdiction"))
        {
            Value(cmd, "@product", product);
            Value(cmd, "@jurisdiction", jurisdiction);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                if (!FactKey.TryParse(r.GetString(0), out var key)) continue;
                var route = r.IsDBNull(5) ? null : r.GetString(5).Split('|');
                facts.Add(new Fact
                {
                    Key = key,
                    Status = EventStatusNames.TryParse(r.GetString(1), out var st) ? st : default,
                    DecisionDate = r.IsDBNull(2) ? null : PartialDate.Parse(r.GetString(2)),
                    Agency = r.GetString(3),
                    Unconfirmed = Convert.ToInt64(r.GetValue(4), CultureInfo.InvariantCulture) != 0,
                    Reliance = route is [var name, var reference] ? new RelianceRoute(name, reference) : null,
                });
                sources[key] = r.GetString(6);
            }
        }
        var status = StatusMachine.Evaluate(facts) is { } evaluated
            ? evaluated with { Sources = sources[evaluated.Fact].Split('\n', StringSplitOptions.RemoveEmptyEntries) }
            : null;
        string? oldStage = null;
        string? oldBody = null;
        using (var cmd = Command("SELECT stage, body FROM market_status WHERE product = @product AND jurisdiction = @jurisdiction"))
        {
            Value(cmd, "@product", product);
            Value(cmd, "@jurisdiction", jurisdiction);
            using var r = cmd.ExecuteReader();
            if (r.Read()) (oldStage, oldBody) = (r.GetString(0), r.GetString(1));
        }
        if (status is null)
        {
            if (oldStage is null) return;
            using var delete = Command("DELETE FROM market_status WHERE product = @product AND jurisdiction = @jurisdiction");
            Value(delete, "@product", product);
            Value(delete, "@jurisdiction", jurisdiction);
            delete.ExecuteNonQuery();
            return;
        }
        var body = Json(w => MarketStatusJson.Write(w, status));
        if (body == oldBody) return;
        using (var upsert = Command("""
            INSERT INTO market_status (product, jurisdiction, stage, stage_date, fact_key, body, updated_at)
            VALUES (@product, @jurisdiction, @stage, @date, @fact, @body, @at)
            ON CONFLICT (product, jurisdiction) DO UPDATE SET stage = excluded.stage, stage_date = excluded.stage_date,
                fact_key = excluded.fact_key, body = excluded.body, updated_at = excluded.updated_at
            """))
        {
            Value(upsert, "@product", product);
            Value(upsert, "@jurisdiction", jurisdiction);
            Value(upsert, "@stage", status.Stage.ToWire());
            Value(upsert, "@date", (object?)status.Date?.ToString() ?? DBNull.Value);
            Value(upsert, "@fact", status.Fact.ToString());
            Value(upsert, "@body", body);
            Value(upsert, "@at", now);
            upsert.ExecuteNonQuery();
        }
        var newStage = status.Stage.ToWire();
        if (oldStage != newStage)
        {
            var detail = (oldStage is null ? "" : oldStage + " -> ") + newStage + (status.Date is { } d ? " (" + d + ")" : "");
            LogRow(FactChange.StatusChange, product, jurisdiction, status.Fact.ToString(), detail);
        }
    }

    private static string Describe(Fact f)
    {
        var sb = new StringBuilder();
        sb.Append(f.Key.Kind.ToWire());
        if (f.Subtype.Length > 0) sb.Append(' ').Append(f.Subtype);
        sb.Append(' ').Append(f.Status.ToWire());
        if (f.Date is { } d) sb.Append(' ').Append(d);
        return sb.ToString();
    }

    private void Log(string change, Fact fact, string detail) =>
        LogRow(change, fact.Key.Product, fact.Key.Jurisdiction.Code, fact.Key.ToString(), detail);

    private void LogRow(string change, string product, string jurisdiction, string key, string detail)
    {
        using var cmd = Command("INSERT INTO changes (at, change, product, jurisdiction, fact_key, detail) VALUES (@at, @change, @product, @jurisdiction, @key, @detail)");
        Value(cmd, "@at", now);
        Value(cmd, "@change", change);
        Value(cmd, "@product", product);
        Value(cmd, "@jurisdiction", jurisdiction);
        Value(cmd, "@key", key);
        Value(cmd, "@detail", detail);
        cmd.ExecuteNonQuery();
        ChangesLogged++;
    }

    private string Json(Action<Utf8JsonWriter> write)
    {
        _buffer.ResetWrittenCount();
        using (var w = new Utf8JsonWriter(_buffer)) write(w);
        return Encoding.UTF8.GetString(_buffer.WrittenSpan);
    }

    /// <summary>
    /// A command compiled once per instance and re-bound for each item (the per-item statements of fingerprinting):
    /// created and prepared at first use, its parameters in the order given, disposed with this instance.
    /// </summary>
    private DbCommand Reused(string sql, params (string Name, DbType Type)[] parameters)
    {
        if (_reused.TryGetValue(sql, out var cached)) return cached;
        var cmd = Command(sql);
        foreach (var (name, type) in parameters) Param(cmd, name, type);
        cmd.Prepare();
        _reused[sql] = cmd;
        return cmd;
    }

    public void Dispose()
    {
        foreach (var cmd in _reused.Values) cmd.Dispose();
        _reused.Clear();
    }

    private DbCommand Command(string sql)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return cmd;
    }

    private static DbParameter Param(DbCommand cmd, string name, DbType type)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.DbType = type;
        cmd.Parameters.Add(p);
        return p;
    }

    private static void Value(DbCommand cmd, string name, object? value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        cmd.Parameters.Add(p);
    }

    /// <summary>
    /// Takes the advisory locks this transaction does not hold yet, in ascending order (released at commit or
    /// rollback); true when it took any. Only on PostgreSQL.
    /// </summary>
    private bool Lock(List<(int Class, int Key)> locks)
    {
        var wanted = locks.Where(l => !_locked.Contains(l)).Distinct().Order().ToArray();
        if (wanted.Length == 0) return false;
        using var cmd = Command("SELECT COUNT(pg_advisory_xact_lock(l.c, l.k)) FROM unnest(@classes, @keys) AS l(c, k)");
        // unnest yields the rows in array order, so the locks are taken in the sorted order of the arrays.
        Value(cmd, "@classes", wanted.Select(l => l.Class).ToArray());
        Value(cmd, "@keys", wanted.Select(l => l.Key).ToArray());
        cmd.ExecuteScalar();
        foreach (var l in wanted) _locked.Add(l);
        return true;
    }

    /// <summary>FNV-1a over UTF-16 code units: a lock key the same in every process (string.GetHashCode is not).</summary>
    private static int Hash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return unchecked((int)hash);
    }

    private static int Fold(long value) => unchecked((int)value ^ (int)(value >> 32));
}
