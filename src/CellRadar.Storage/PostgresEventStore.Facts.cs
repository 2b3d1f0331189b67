using System.Globalization;
using System.Text.Json;
using CellRadar.Core.Model;
using CellRadar.Core.Reconciliation;
using Npgsql;
using NpgsqlTypes;

namespace CellRadar.Storage;

/// <summary>
/// Facts, market statuses and the change log on PostgreSQL (migration 0003). They are written by
/// <see cref="StoreFacts"/>, the same code as on SQLite, inside the batch's transaction; with several workers it
/// serialises the merge of each market with advisory locks, so two workers never half-merge a fact.
/// </summary>
public sealed partial class PostgresEventStore
{
    /// <summary>Fingerprints the batch's new items, then merges (or marks pending) every fact their events touch.</summary>
    private void MergeFacts(IReadOnlyList<ItemRecord> items, List<int> unique, Dictionary<string, long> ids, string at, FactMerge merge, NpgsqlTransaction tx)
    {
        using var facts = new StoreFacts(_connection, tx, _trust, RelianceRules.Embedded, at, serialised: true);
        var fresh = new List<(long Id, ItemRecord Record, ulong[]? Signature)>();
        foreach (var n in unique)
        {
            if (!ids.TryGetValue(items[n].ContentHash, out var id)) continue;
            var record = items[n];
            fresh.Add((id, record, record.PrecomputedSignature ?? NearDuplicates.Signature(record.Text)));
        }
        if (fresh.Count == 0) return;
        facts.LockBands(fresh.Select(f => f.Signature));
        var touched = new HashSet<FactKey>();
        var reclustered = new List<long>();
        foreach (var (id, record, signature) in fresh)
        {
            // The signature may be null (a text too short to have one): Fingerprint then gives the item its own cluster.
            reclustered.AddRange(facts.Fingerprint(id, record.ContentHash, record.Text, signature));
            foreach (var ev in record.Events) touched.Add(FactKey.Of(ev));
        }
        facts.AddKeysOfItems(reclustered, touched);
        if (merge == FactMerge.Now) facts.Update(touched);
        else facts.MarkPending(touched);
    }

    public int ReconcilePending() =>
        WithRetry(() =>
        {
            using var tx = _connection.BeginTransaction();
            using var facts = new StoreFacts(_connection, tx, _trust, RelianceRules.Embedded, Now(), serialised: true);
            var written = facts.Update(facts.TakePending());
            tx.Commit();
            return written;
        });

    public ReconcileSummary Reconcile() =>
        WithRetry(() =>
        {
            var at = Now();
            using var tx = _connection.BeginTransaction();
            using var facts = new StoreFacts(_connection, tx, _trust, RelianceRules.Embedded, at, serialised: true);
            // Items stored before schema 3 get their fingerprints first, in id order; clusters do not depend on it.
            var missing = facts.Unfingerprinted()
                .Select(m => (m.Id, m.Hash, Text: facts.ItemText(m.Id)))
                .Select(m => (m.Id, m.Hash, m.Text, Signature: NearDuplicates.Signature(m.Text)))
                .ToList();
            facts.LockBands(missing.Select(m => m.Signature));
            foreach (var (id, hash, text, signature) in missing) facts.Fingerprint(id, hash, text, signature);
            var keys = facts.AllKeys();
            facts.TakePending();
            var written = facts.Update(keys);
            var statuses = (int)(long)new NpgsqlCommand("SELECT COUNT(*) FROM market_status", _connection, tx).ExecuteScalar()!;
            tx.Commit();
            return new ReconcileSummary(missing.Count, written, statuses, facts.ChangesLogged);
        });

    public IEnumerable<Fact> QueryFacts(FactQuery query)
    {
        using var cmd = _connection.CreateCommand();
        var where = new List<string>();
        if (query.Products is { Count: > 0 } products)
        {
            where.Add("product = ANY(@products)");
            cmd.Parameters.Add(new NpgsqlParameter("products", NpgsqlDbType.Array | NpgsqlDbType.Text)
            {
                Value = products.Select(p => p.ToLowerInvariant()).ToArray(),
            });
        }
        if (query.Jurisdiction is { } jurisdiction)
        {
            where.Add("jurisdiction = @jurisdiction");
            cmd.Parameters.Add(new NpgsqlParameter<string>("jurisdiction", jurisdiction.Code ?? ""));
        }
        if (query.Kind is { } kind)
        {
            where.Add("kind = @kind");
            cmd.Parameters.Add(new NpgsqlParameter<string>("kind", kind.ToWire()));
        }
        var filter = where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", where);
        // As on SQLite: dated facts in date order (a partial date at its first day, the coarser first), undated
        // ones last; the columns are COLLATE "C", so text sorts byte-wise as there.
        cmd.CommandText = $"""
            SELECT body FROM facts {filter}
            ORDER BY product, (date_start IS NULL), date_start, length(fact_date), fact_key
            """;
        using var reader = Read(() => cmd.ExecuteReader());
        while (reader.Read())
        {
            using var doc = JsonDocument.Parse(reader.GetString(0));
            yield return FactJson.Read(doc.RootElement);
        }
    }

    public IReadOnlyList<MarketStatus> MarketStatuses(IReadOnlyList<string>? products = null) =>
        Read(() =>
        {
            using var cmd = _connection.CreateCommand();
            var filter = "";
            if (products is { Count: > 0 })
            {
                filter = "WHERE product = ANY(@products)";
                cmd.Parameters.Add(new NpgsqlParameter("products", NpgsqlDbType.Array | NpgsqlDbType.Text)
                {
                    Value = products.Select(p => p.ToLowerInvariant()).ToArray(),
                });
            }
            cmd.CommandText = $"SELECT body FROM market_status {filter} ORDER BY product, jurisdiction";
            using var reader = cmd.ExecuteReader();
            var list = new List<MarketStatus>();
            while (reader.Read())
            {
                using var doc = JsonDocument.Parse(reader.GetString(0));
                list.Add(MarketStatusJson.Read(doc.RootElement));
            }
            return list;
        });

    public IEnumerable<FactChange> Changes(DateTimeOffset since)
    {
        using var cmd = new NpgsqlCommand(
            "SELECT id, at, change, product, jurisdiction, fact_key, detail FROM changes WHERE at >= @since ORDER BY id", _connection);
        cmd.Parameters.Add(new NpgsqlParameter<string>("since", since.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)));
        using var reader = Read(() => cmd.ExecuteReader());
        while (reader.Read())
        {
            yield return new FactChange(reader.GetInt64(0), DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture),
                reader.GetString(2), reader.GetString(3), Jurisdiction.Parse(reader.GetString(4)), reader.GetString(5), reader.GetString(6));
        }
    }

    /// <summary>A write transaction, tried again when the server aborted it to break a deadlock with another worker.</summary>
    private T WithRetry<T>(Func<T> action)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return action();
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DeadlockDetected && attempt < DeadlockRetries)
            {
            }
            catch (NpgsqlException ex)
            {
                throw WriteFailed(ex);
            }
        }
    }
}
