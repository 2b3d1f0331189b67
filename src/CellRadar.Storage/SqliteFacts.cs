using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CellRadar.Core.Model;
using CellRadar.Core.Reconciliation;
using Microsoft.Data.Sqlite;

namespace CellRadar.Storage;

/// <summary>
/// Keeps the fact tables of a SQLite store up to date, inside the caller's transaction: fingerprints new items
/// (joining near-duplicate clusters), re-reconciles the facts the new events (and re-clustered items) touch,
/// re-runs the status machine for the markets those facts are in, and logs what changed.
/// </summary>
internal sealed class SqliteFacts(SqliteConnection connection, SqliteTransaction tx, TrustPolicy trust, RelianceRules reliance, string now) : IDisposable
{
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly Dictionary<long, string> _texts = [];

    public int ChangesLogged { get; private set; }

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
            var find = _findBand ??= Prepared("SELECT item_id FROM item_bands WHERE band = $band AND band_key = $key", ("$band", SqliteType.Integer), ("$key", SqliteType.Integer));
            for (var b = 0; b < bands.Length; b++)
            {
                find.Parameters[0].Value = b;
                find.Parameters[1].Value = bands[b];
                using var r = find.ExecuteReader();
                while (r.Read()) candidates.Add(r.GetInt64(0));
            }
            candidates.Remove(itemId);
            var clusters = new SortedSet<string>(StringComparer.Ordinal);
            if (candidates.Count > 0)
            {
                var load = _loadSignature ??= Prepared("SELECT signature, cluster FROM item_fingerprints WHERE item_id = $id", ("$id", SqliteType.Integer));
                foreach (var candidate in candidates)
                {
                    load.Parameters[0].Value = candidate;
                    using var r = load.ExecuteReader();
                    if (!r.Read() || r.IsDBNull(0)) continue;
                    if (NearDuplicates.AreNear(signature, NearDuplicates.FromBytes((byte[])r.GetValue(0)))) clusters.Add(r.GetString(1));
                }
            }
            if (clusters.Count > 0 && string.CompareOrdinal(clusters.Min, cluster) < 0) cluster = clusters.Min!;
            // Every cluster the item connects becomes one, named by the smallest content hash in it.
            foreach (var old in clusters)
            {
                if (old == cluster) continue;
                var merge = _mergeCluster ??= Prepared("UPDATE item_fingerprints SET cluster = $new WHERE cluster = $old RETURNING item_id", ("$new", SqliteType.Text), ("$old", SqliteType.Text));
                merge.Parameters[0].Value = cluster;
                merge.Parameters[1].Value = old;
                using var r = merge.ExecuteReader();
                while (r.Read()) changed.Add(r.GetInt64(0));
            }
            var band = _insertBand ??= Prepared("INSERT INTO item_bands (band, band_key, item_id) VALUES ($band, $key, $item)", ("$band", SqliteType.Integer), ("$key", SqliteType.Integer), ("$item", SqliteType.Integer));
            band.Parameters[2].Value = itemId;
            for (var b = 0; b < bands.Length; b++)
            {
                band.Parameters[0].Value = b;
                band.Parameters[1].Value = bands[b];
                band.ExecuteNonQuery();
            }
        }
        var insert = _insertFingerprint ??= Prepared("INSERT INTO item_fingerprints (item_id, signature, cluster) VALUES ($item, $sig, $cluster)", ("$item", SqliteType.Integer), ("$sig", SqliteType.Blob), ("$cluster", SqliteType.Text));
        insert.Parameters[0].Value = itemId;
        insert.Parameters[1].Value = signature is null ? DBNull.Value : NearDuplicates.ToBytes(signature);
        insert.Parameters[2].Value = cluster;
        insert.ExecuteNonQuery();
        return changed;
    }

    /// <summary>The fact keys of the events of these items.</summary>
    public void AddKeysOfItems(IEnumerable<long> itemIds, HashSet<FactKey> keys)
    {
        using var cmd = Command("SELECT product, kind, subtype, jurisdiction FROM events WHERE item_id = $item");
        var pItem = cmd.Parameters.Add("$item", SqliteType.Integer);
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

    /// <summary>Records keys for a later <see cref="Update"/> (a deferred save); a key pending twice is merged once.</summary>
    public void MarkPending(IEnumerable<FactKey> keys)
    {
        using var cmd = Command("INSERT INTO pending_facts (fact_key) VALUES ($key) ON CONFLICT (fact_key) DO NOTHING");
        var pKey = cmd.Parameters.Add("$key", SqliteType.Text);
        foreach (var key in keys)
        {
            pKey.Value = key.ToString();
            cmd.ExecuteNonQuery();
        }
    }

    /// <summary>The pending keys, removed from the table (the caller merges them in the same transaction).</summary>
    public HashSet<FactKey> TakePending()
    {
        var keys = new HashSet<FactKey>();
        using (var cmd = Command("SELECT fact_key FROM pending_facts"))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                // A key this version cannot read (written by another) is dropped: the next full reconcile rebuilds it.
                if (FactKey.TryParse(r.GetString(0), out var key)) keys.Add(key);
            }
        }
        using (var delete = Command("DELETE FROM pending_facts")) delete.ExecuteNonQuery();
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
            WHERE lower(e.product) = $product AND e.jurisdiction = $jurisdiction AND e.kind = $kind
            """);
        var sProduct = supportsCmd.Parameters.Add("$product", SqliteType.Text);
        var sJurisdiction = supportsCmd.Parameters.Add("$jurisdiction", SqliteType.Text);
        var sKind = supportsCmd.Parameters.Add("$kind", SqliteType.Text);
        // Keys in a fixed order: the change log of one batch then reads the same whatever order its items came in.
        foreach (var key in keys.OrderBy(k => k.ToString(), StringComparer.Ordinal))
        {
            sProduct.Value = key.Product;
            sJurisdiction.Value = key.Jurisdiction.Code;
            sKind.Value = key.Kind.ToWire();
            var supports = new List<Support>();
            using (var r = supportsCmd.ExecuteReader())
            {
                while (r.Read())
                {
                    var subtype = r.GetString(3);
                    if (FactKey.FamilyOf(key.Kind, subtype) != key.Family) continue;
                    supports.Add(ReadSupport(r, key));
                }
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
        using var cmd = Command("SELECT text FROM items WHERE id = $id");
        cmd.Parameters.AddWithValue("$id", itemId);
        var text = cmd.ExecuteScalar() as string ?? "";
        if (_texts.Count < 1024) _texts[itemId] = text;
        return text;
    }

    private Support ReadSupport(SqliteDataReader r, FactKey key)
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
        var itemId = r.GetInt64(15);
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
            Reliance = reliance.Applies(key.Kind, key.Jurisdiction) ? reliance.Match(key.Kind, key.Jurisdiction, ItemText(itemId)) : null,
        };
    }

    /// <summary>Writes the fact if it is new or changed, logging new facts and new conflicts; true when written.</summary>
    private bool Upsert(Fact fact)
    {
        var body = Json(w => FactJson.Write(w, fact));
        var keyText = fact.Key.ToString();
        long? id = null;
        string[]? oldConflicts = null;
        using (var find = Command("SELECT id, body, conflict_values FROM facts WHERE fact_key = $key"))
        {
            find.Parameters.AddWithValue("$key", keyText);
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
              VALUES ($key, $product, $kind, $family, $jurisdiction, $subtype, $status, $date, $start, $agency, $confidence,
                      $sources, $unconfirmed, $conflicts, $conflict_values, $reliance, $items, $body, $at)
              RETURNING id
              """
            : """
              UPDATE facts SET subtype = $subtype, status = $status, fact_date = $date, date_start = $start, agency = $agency,
                               confidence = $confidence, independent_sources = $sources, unconfirmed = $unconfirmed,
                               conflicts = $conflicts, conflict_values = $conflict_values, reliance = $reliance, sources = $items,
                               body = $body, updated_at = $at
              WHERE fact_key = $key
              RETURNING id
              """))
        {
            write.Parameters.AddWithValue("$key", keyText);
            write.Parameters.AddWithValue("$product", fact.Key.Product);
            write.Parameters.AddWithValue("$kind", fact.Key.Kind.ToWire());
            write.Parameters.AddWithValue("$family", fact.Key.Family);
            write.Parameters.AddWithValue("$jurisdiction", fact.Key.Jurisdiction.Code);
            write.Parameters.AddWithValue("$subtype", fact.Subtype);
            write.Parameters.AddWithValue("$status", fact.Status.ToWire());
            write.Parameters.AddWithValue("$date", (object?)fact.Date?.ToString() ?? DBNull.Value);
            write.Parameters.AddWithValue("$start", fact.Date is { } d ? d.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : DBNull.Value);
            write.Parameters.AddWithValue("$agency", fact.Agency);
            write.Parameters.AddWithValue("$confidence", fact.Confidence);
            write.Parameters.AddWithValue("$sources", fact.IndependentSources);
            write.Parameters.AddWithValue("$unconfirmed", fact.Unconfirmed ? 1 : 0);
            write.Parameters.AddWithValue("$conflicts", fact.Conflicts.Count);
            write.Parameters.AddWithValue("$conflict_values", string.Join('\n', conflictLines));
            write.Parameters.AddWithValue("$reliance", fact.Reliance is { } route ? $"{route.Route}|{route.Reference}" : DBNull.Value);
            write.Parameters.AddWithValue("$items", string.Join('\n', fact.Supports.Select(s => s.ItemKey).Distinct().Order(StringComparer.Ordinal).Take(MaxSources)));
            write.Parameters.AddWithValue("$body", body);
            write.Parameters.AddWithValue("$at", now);
            id = Convert.ToInt64(write.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        // Events never leave a fact (stored events are never changed), so only events not linked yet are added.
        using (var link = Command("""
            INSERT INTO fact_supports (fact_id, event_id)
            SELECT $fact, e.id FROM events e
            WHERE lower(e.product) = $product AND e.jurisdiction = $jurisdiction AND e.kind = $kind AND ($identity = 0 OR e.subtype = $family)
            ON CONFLICT (fact_id, event_id) DO NOTHING
            """))
        {
            link.Parameters.AddWithValue("$fact", id);
            link.Parameters.AddWithValue("$product", fact.Key.Product);
            link.Parameters.AddWithValue("$jurisdiction", fact.Key.Jurisdiction.Code);
            link.Parameters.AddWithValue("$kind", fact.Key.Kind.ToWire());
            link.Parameters.AddWithValue("$identity", fact.Key.SubtypeIsIdentity ? 1 : 0);
            link.Parameters.AddWithValue("$family", fact.Key.Family);
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
        using var cmd = Command("DELETE FROM facts WHERE fact_key = $key");
        cmd.Parameters.AddWithValue("$key", key.ToString());
        cmd.ExecuteNonQuery();
    }

    private void UpdateStatus(string product, string jurisdiction)
    {
        // The status machine needs no supports: facts are rebuilt from their columns, never from the (large) bodies.
        var facts = new List<Fact>();
        var sources = new Dictionary<FactKey, string>();
        using (var cmd = Command("SELECT fact_key, status, fact_date, agency, unconfirmed, reliance, sources FROM facts WHERE product = $product AND jurisdiction = $jurisdiction"))
        {
            cmd.Parameters.AddWithValue("$product", product);
            cmd.Parameters.AddWithValue("$jurisdiction", jurisdiction);
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
                    Unconfirmed = r.GetInt64(4) != 0,
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
        using (var cmd = Command("SELECT stage, body FROM market_status WHERE product = $product AND jurisdiction = $jurisdiction"))
        {
            cmd.Parameters.AddWithValue("$product", product);
            cmd.Parameters.AddWithValue("$jurisdiction", jurisdiction);
            using var r = cmd.ExecuteReader();
            if (r.Read()) (oldStage, oldBody) = (r.GetString(0), r.GetString(1));
        }
        if (status is null)
        {
            if (oldStage is null) return;
            using var delete = Command("DELETE FROM market_status WHERE product = $product AND jurisdiction = $jurisdiction");
            delete.Parameters.AddWithValue("$product", product);
            delete.Parameters.AddWithValue("$jurisdiction", jurisdiction);
            delete.ExecuteNonQuery();
            return;
        }
        var body = Json(w => MarketStatusJson.Write(w, status));
        if (body == oldBody) return;
        using (var upsert = Command("""
            INSERT INTO market_status (product, jurisdiction, stage, stage_date, fact_key, body, updated_at)
            VALUES ($product, $jurisdiction, $stage, $date, $fact, $body, $at)
            ON CONFLICT (product, jurisdiction) DO UPDATE SET stage = excluded.stage, stage_date = excluded.stage_date,
                fact_key = excluded.fact_key, body = excluded.body, updated_at = excluded.updated_at
            """))
        {
            upsert.Parameters.AddWithValue("$product", product);
            upsert.Parameters.AddWithValue("$jurisdiction", jurisdiction);
            upsert.Parameters.AddWithValue("$stage", status.Stage.ToWire());
            upsert.Parameters.AddWithValue("$date", (object?)status.Date?.ToString() ?? DBNull.Value);
            upsert.Parameters.AddWithValue("$fact", status.Fact.ToString());
            upsert.Parameters.AddWithValue("$body", body);
            upsert.Parameters.AddWithValue("$at", now);
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
        using var cmd = Command("INSERT INTO changes (at, change, product, jurisdiction, fact_key, detail) VALUES ($at, $change, $product, $jurisdiction, $key, $detail)");
        cmd.Parameters.AddWithValue("$at", now);
        cmd.Parameters.AddWithValue("$change", change);
        cmd.Parameters.AddWithValue("$product", product);
        cmd.Parameters.AddWithValue("$jurisdiction", jurisdiction);
        cmd.Parameters.AddWithValue("$key", key);
        cmd.Parameters.AddWithValue("$detail", detail);
        cmd.ExecuteNonQuery();
        ChangesLogged++;
    }

    private string Json(Action<Utf8JsonWriter> write)
    {
        _buffer.ResetWrittenCount();
        using (var w = new Utf8JsonWriter(_buffer)) write(w);
        return Encoding.UTF8.GetString(_buffer.WrittenSpan);
    }

    // Fingerprinting runs once per stored item: its statements are compiled once per batch, not once per item
    // (Microsoft.Data.Sqlite keeps a compiled statement per command object, so a fresh command recompiles).
    private SqliteCommand? _findBand, _loadSignature, _mergeCluster, _insertBand, _insertFingerprint;

    public void Dispose()
    {
        _findBand?.Dispose();
        _loadSignature?.Dispose();
        _mergeCluster?.Dispose();
        _insertBand?.Dispose();
        _insertFingerprint?.Dispose();
    }

    private SqliteCommand Prepared(string sql, params (string Name, SqliteType Type)[] parameters)
    {
        var cmd = Command(sql);
        foreach (var (name, type) in parameters) cmd.Parameters.Add(name, type);
        cmd.Prepare();
        return cmd;
    }

    private SqliteCommand Command(string sql)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return cmd;
    }
}
