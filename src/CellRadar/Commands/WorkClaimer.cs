using CellRadar.Core.Model;
using CellRadar.Core.Reading;
using CellRadar.Storage;

namespace CellRadar.Commands;

/// <summary>
/// Lets several ingest workers share overlapping inputs: before an item goes through the pipeline, this worker
/// claims it (by content hash) for a lease; items another worker holds are put aside and, once the input is read,
/// waited for: dropped when that worker stores them, taken over when its lease runs out (it died or hangs).
/// Uses a store connection of its own, since it runs on the thread that feeds the pipeline while the ingest thread
/// saves batches. Only the items put aside are kept in memory, not the input.
/// </summary>
internal sealed class WorkClaimer(IEventStore store, string worker, TimeSpan lease, int chunk)
{
    private readonly List<(ReadResult Result, string Unit)> _held = [];

    public string Worker => worker;

    /// <summary>Items another worker stored, or that were stored before: this worker neither processed nor counted them as its own.</summary>
    public int StoredElsewhere { get; private set; }

    /// <summary>Items this worker took over from a claim whose lease had run out.</summary>
    public int TakenOver { get; private set; }

    public bool HasHeld => _held.Count > 0;

    /// <summary>Passes read errors on, and of the items those this worker could claim, a chunk at a time.</summary>
    public IEnumerable<ReadResult> Claim(IEnumerable<ReadResult> results)
    {
        var pending = new List<(ReadResult Result, string Unit)>(chunk);
        foreach (var result in results)
        {
            if (result.Item is not { } item)
            {
                yield return result;
                continue;
            }
            pending.Add((result, ContentHash.Of(item)));
            if (pending.Count < chunk) continue;
            foreach (var granted in Grant(pending)) yield return granted;
            pending.Clear();
        }
        foreach (var granted in Grant(pending)) yield return granted;
    }

    private List<ReadResult> Grant(List<(ReadResult Result, string Unit)> pending)
    {
        var granted = new List<ReadResult>(pending.Count);
        if (pending.Count == 0) return granted;
        var claimed = new HashSet<string>(store.ClaimWork([.. pending.Select(p => p.Unit)], worker, lease), StringComparer.Ordinal);
        var refused = new List<(ReadResult Result, string Unit)>();
        foreach (var p in pending)
        {
            // Two copies of one unit in the chunk both go on: the store saves the first and reports the second a duplicate.
            if (claimed.Contains(p.Unit)) granted.Add(p.Result);
            else refused.Add(p);
        }
        Settle(refused);
        return granted;
    }

    /// <summary>Sorts refused units: stored ones are done; the rest wait in <see cref="_held"/> for <see cref="TakeOver"/>.</summary>
    private void Settle(List<(ReadResult Result, string Unit)> refused)
    {
        if (refused.Count == 0) return;
        var states = store.WorkStates([.. refused.Select(r => r.Unit)]);
        foreach (var r in refused)
        {
            if (states.TryGetValue(r.Unit, out var state) && state == WorkState.Done) StoredElsewhere++;
            else _held.Add(r);
        }
    }

    /// <summary>
    /// One round over the items put aside: those stored meanwhile are dropped, those whose claim expired (or was
    /// released unsaved) are claimed and returned for processing; the rest stay. Returns an empty list when this
    /// round freed nothing (the caller waits a little and asks again while <see cref="HasHeld"/>).
    /// </summary>
    public List<ReadResult> TakeOver()
    {
        var waiting = _held.ToList();
        _held.Clear();
        var states = store.WorkStates([.. waiting.Select(w => w.Unit)]);
        var free = new List<(ReadResult Result, string Unit)>();
        foreach (var w in waiting)
        {
            var state = states.TryGetValue(w.Unit, out var s) ? s : WorkState.Free;
            if (state == WorkState.Done) StoredElsewhere++;
            else if (state == WorkState.Free) free.Add(w);
            else _held.Add(w);
        }
        if (free.Count == 0) return [];
        var claimed = new HashSet<string>(store.ClaimWork([.. free.Select(f => f.Unit)], worker, lease), StringComparer.Ordinal);
        var granted = new List<ReadResult>();
        var refused = new List<(ReadResult Result, string Unit)>();
        foreach (var f in free)
        {
            if (claimed.Remove(f.Unit)) granted.Add(f.Result);
            else refused.Add(f);
        }
        TakenOver += granted.Count;
        Settle(refused);
        return granted;
    }

    /// <summary>Ends this worker's claims on saved units, through the ingest thread's own store.</summary>
    public void Release(IEventStore saving, IReadOnlyList<string> units) => saving.ReleaseWork(units, worker);

    /// <summary>How long to wait between rounds of <see cref="TakeOver"/>: a fraction of a lease, at most a second.</summary>
    public TimeSpan PollInterval => TimeSpan.FromMilliseconds(Math.Clamp(lease.TotalMilliseconds / 4, 50, 1000));
}
