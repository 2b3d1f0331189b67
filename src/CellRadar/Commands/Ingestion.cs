using CellRadar.Core.Errors;
using CellRadar.Core.Reading;
using CellRadar.Processing;
using CellRadar.Storage;

namespace CellRadar.Commands;

/// <summary>
/// One ingest run's state: items are processed on all worker threads, then stored in input order, one
/// transaction per batch; failures are recorded with the batch they came with. <see cref="Run"/> may be
/// called several times (the bench feeds it one chunk at a time); each call ends with everything stored, and
/// <see cref="MergeFacts"/> then brings the facts up to date.
/// </summary>
internal sealed class Ingestion(IEventStore store, long run, int batchSize, ParallelPipeline pipelines, WorkClaimer? claims = null)
{
    private readonly List<ItemRecord> _batch = new(batchSize);
    private readonly List<CellRadarError> _unsavedFailures = [];

    public int Read { get; private set; }
    public int Inserted { get; private set; }
    public int Duplicates { get; private set; }
    public int Events { get; private set; }
    public int Failed { get; private set; }

    /// <summary>Facts written when the pending merge ran (see <see cref="MergeFacts"/>).</summary>
    public int FactsWritten { get; private set; }

    /// <summary>
    /// Merges the facts this run's batches touched. Batches are saved with <see cref="FactMerge.Deferred"/> so that a
    /// fact with thousands of supports is merged once per run instead of once per batch; call this after the last
    /// <see cref="Run"/>. Keys left by a crash before this point stay pending and are merged by the next run.
    /// </summary>
    public void MergeFacts() => FactsWritten += store.ReconcilePending();

    /// <summary>
    /// Processes and stores the items; with <see cref="WorkClaimer"/> (several workers on one database), only those
    /// this worker claims, and afterwards, until none is left, those other workers held: stored by them meanwhile
    /// (skipped) or taken over when their lease runs out.
    /// </summary>
    public void Run(IEnumerable<ReadResult> results, Action progress)
    {
        if (claims is null)
        {
            Process(results, progress);
            return;
        }
        Process(claims.Claim(results), progress);
        while (claims.HasHeld)
        {
            var freed = claims.TakeOver();
            if (freed.Count > 0) Process(freed, progress);
            else Thread.Sleep(claims.PollInterval);
        }
    }

    private void Process(IEnumerable<ReadResult> results, Action progress)
    {
        // The content hash and the record are made on the worker too: only the database writes are serial.
        foreach (var (result, record) in pipelines.Process(results, static (r, p) => (r, r.Item is { } item ? ItemRecord.From(p.Process(item)) : null)))
        {
            if (result.Error is { } error)
            {
                Failed++;
                _unsavedFailures.Add(error);
                continue;
            }
            Read++;
            _batch.Add(record!);
            if (_batch.Count >= batchSize)
            {
                Flush();
                progress();
            }
        }
        Flush();
    }

    private void Flush()
    {
        if (_batch.Count > 0)
        {
            var outcomes = store.SaveBatch(run, _batch, FactMerge.Deferred);
            for (var i = 0; i < outcomes.Count; i++)
            {
                if (outcomes[i] == SaveOutcome.Duplicate) { Duplicates++; continue; }
                Inserted++;
                Events += _batch[i].Events.Count;
            }
            // Saved (or found stored): the claims have done their work. A crash before this line leaves claims whose
            // items are stored, which other workers read as done.
            claims?.Release(store, [.. _batch.Select(b => b.ContentHash)]);
            _batch.Clear();
        }
        store.RecordFailures(run, _unsavedFailures);
        _unsavedFailures.Clear();
    }
}
