using System.Data.Common;
using System.Globalization;

namespace CellRadar.Storage;

/// <summary>
/// The near-duplicate band keys a SQLite store holds, as a Bloom filter in memory, so fingerprinting asks SQLite only
/// about bands some stored item may share. Most items share no band with any other (eight look-ups, all empty): the
/// filter answers those without touching the database. A band the filter may contain is looked up in SQLite exactly
/// as before, so the candidates, and therefore the clusters, are the same with or without it.
/// </summary>
/// <remarks>
/// <para>Fixed size (8 MiB, four probes per key): about 2% false positives at 8 million band rows (a million
/// items), far fewer below; a false positive costs one look-up, never a wrong answer. Memory does not grow with
/// the database.</para>
/// <para>The filter must never miss a stored row. It holds every <c>item_bands</c> row up to <see cref="_lastRowId"/>
/// plus the rows added in the current transaction. <see cref="Sync"/> runs at the start of every write
/// transaction that fingerprints (SQLite's write lock is held, so nobody appends meanwhile) and adds the rows
/// above that id: rows this store committed since, and rows another process or connection committed. Rows are only
/// ever appended (items are never deleted or rewritten); should the highest id ever go down, the filter is rebuilt.
/// Bits left by a rolled-back transaction only cost a look-up. A table too large to read quickly
/// (<see cref="MaxLoadedRows"/>) when the store first fingerprints is not loaded: the filter stays off and every band
/// is looked up.</para>
/// </remarks>
internal sealed class BandFilter
{
    /// <summary>Rows read at most to build the filter (about half a million items, a second or two).</summary>
    public const long MaxLoadedRows = 4_000_000;

    private const int IndexBits = 26;
    private const int Probes = 4;

    private readonly ulong[] _bits = new ulong[(1 << IndexBits) / 64];
    private long _lastRowId = -1;
    private bool _off;

    /// <summary>
    /// Brings the filter up to date with the committed rows, inside the caller's write transaction; false when the
    /// filter is off (every band must be looked up).
    /// </summary>
    public bool Sync(DbConnection connection, DbTransaction tx)
    {
        if (_off) return false;
        long highest;
        using (var max = connection.CreateCommand())
        {
            max.Transaction = tx;
            max.CommandText = "SELECT COALESCE(MAX(rowid), 0) FROM item_bands";
            highest = Convert.ToInt64(max.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        if (highest == _lastRowId) return true;
        if (highest < _lastRowId || _lastRowId < 0)
        {
            Array.Clear(_bits);
            _lastRowId = 0;
            if (highest > MaxLoadedRows)
            {
                _off = true;
                return false;
            }
        }
        using var read = connection.CreateCommand();
        read.Transaction = tx;
        read.CommandText = "SELECT band, band_key FROM item_bands WHERE rowid > @last";
        var last = read.CreateParameter();
        last.ParameterName = "@last";
        last.Value = _lastRowId;
        read.Parameters.Add(last);
        using (var r = read.ExecuteReader())
        {
            while (r.Read()) Add(r.GetInt64(0), r.GetInt64(1));
        }
        _lastRowId = highest;
        return true;
    }

    /// <summary>Notes a band row written in the current transaction.</summary>
    public void Add(long band, long key)
    {
        var (h1, h2) = Hashes(band, key);
        for (var i = 0u; i < Probes; i++)
        {
            var bit = (h1 + i * h2) & ((1u << IndexBits) - 1);
            _bits[bit >> 6] |= 1UL << (int)(bit & 63);
        }
    }

    /// <summary>False when no stored row has this band and key; true when one may.</summary>
    public bool MayContain(long band, long key)
    {
        var (h1, h2) = Hashes(band, key);
        for (var i = 0u; i < Probes; i++)
        {
            var bit = (h1 + i * h2) & ((1u << IndexBits) - 1);
            if ((_bits[bit >> 6] & (1UL << (int)(bit & 63))) == 0) return false;
        }
        return true;
    }

    /// <summary>Two independent 32-bit hashes of the row (SplitMix64 finaliser), for double hashing.</summary>
    private static (uint, uint) Hashes(long band, long key)
    {
        var z = unchecked((ulong)key + (ulong)(band + 1) * 0x9E3779B97F4A7C15UL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return ((uint)z, (uint)(z >> 32) | 1u);
    }
}
