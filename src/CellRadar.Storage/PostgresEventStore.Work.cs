using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace CellRadar.Storage;

/// <summary>
/// Work claims on PostgreSQL (migration 0005): a lease table keyed by content hash. Leases are measured on the
/// server's clock, so workers on machines whose clocks disagree still agree on when a lease has run out.
/// </summary>
public sealed partial class PostgresEventStore
{
    public IReadOnlyList<string> ClaimWork(IReadOnlyList<string> units, string worker, TimeSpan lease)
    {
        if (units.Count == 0) return [];
        // One statement: units already stored are not claimed; a unit without a claim is inserted; a claim whose
        // lease ran out (or this worker's own) is taken over. A claim another transaction is writing right now is
        // waited for, then judged by its committed lease; units are taken in one order, so two workers claiming
        // overlapping batches never wait on each other in a cycle.
        return Write(() =>
        {
            using var cmd = new NpgsqlCommand("""
                INSERT INTO work_claims (unit, worker, lease_until)
                SELECT u.unit, @worker, clock_timestamp() + @lease
                FROM (SELECT DISTINCT unnest(@units) AS unit) u
                WHERE NOT EXISTS (SELECT 1 FROM items i WHERE i.content_hash = u.unit)
                ORDER BY u.unit COLLATE "C"
                ON CONFLICT (unit) DO UPDATE SET worker = excluded.worker, lease_until = excluded.lease_until,
                    claims = work_claims.claims + 1
                WHERE work_claims.lease_until < clock_timestamp() OR work_claims.worker = excluded.worker
                RETURNING unit
                """, _connection);
            cmd.Parameters.Add(new NpgsqlParameter("units", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = units.ToArray() });
            cmd.Parameters.Add(new NpgsqlParameter<string>("worker", worker));
            cmd.Parameters.Add(new NpgsqlParameter<TimeSpan>("lease", lease) { NpgsqlDbType = NpgsqlDbType.Interval });
            var granted = new HashSet<string>(StringComparer.Ordinal);
            using (var r = cmd.ExecuteReader())
            {
                while (r.Read()) granted.Add(r.GetString(0));
            }
            // In the caller's order, each unit once.
            var list = new List<string>(granted.Count);
            foreach (var unit in units)
            {
                if (granted.Remove(unit)) list.Add(unit);
            }
            return (IReadOnlyList<string>)list;
        });
    }

    public IReadOnlyDictionary<string, WorkState> WorkStates(IReadOnlyList<string> units) =>
        Read(() =>
        {
            var states = new Dictionary<string, WorkState>(units.Count, StringComparer.Ordinal);
            if (units.Count == 0) return states;
            foreach (var (unit, stored, held) in _connection.Query<(string, bool, bool)>("""
                SELECT u.unit,
                       EXISTS (SELECT 1 FROM items i WHERE i.content_hash = u.unit),
                       EXISTS (SELECT 1 FROM work_claims c WHERE c.unit = u.unit AND c.lease_until >= clock_timestamp())
                FROM (SELECT DISTINCT unnest(@units) AS unit) u
                """, new { units = units.ToArray() }))
            {
                states[unit] = stored ? WorkState.Done : held ? WorkState.Held : WorkState.Free;
            }
            return states;
        });

    public void ReleaseWork(IReadOnlyList<string> units, string worker)
    {
        if (units.Count == 0) return;
        Write(() => _connection.Execute("DELETE FROM work_claims WHERE unit = ANY(@units) AND worker = @worker",
            new { units = units.ToArray(), worker }));
    }
}
