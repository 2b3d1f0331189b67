using System.Diagnostics;
using System.Text;
using CellRadar.Commands;
using CellRadar.Core.Evaluation;
using CellRadar.Core.Pipeline;
using CellRadar.Core.Reading;
using CellRadar.Core.Synthetic;
using CellRadar.Processing;
using CellRadar.Storage;

namespace CellRadar.Benchmarking;

/// <summary>
/// Measures one corpus size: clean + extract with no database, then ingest into a fresh SQLite file. Items
/// are generated in chunks between the timed parts, so generation never counts as processing time and at
/// most one chunk of items is alive at once, whatever the corpus size.
/// </summary>
internal sealed class BenchRunner(int seed, int threads, int batchSize, Func<ItemPipeline> pipeline)
{
    /// <summary>Items generated, then processed, at a time: large enough that the pause between chunks does not matter.</summary>
    private const int ChunkSize = 2000;

    private readonly ParallelPipeline _pipelines = new(pipeline, threads, readAhead: batchSize);
    private long _maxHeap;

    public SizeResult Run(int items, string databasePath)
    {
        _maxHeap = 0;
        var generate = new Stopwatch();
        var extract = new Stopwatch();
        long bytes = 0, allocated = 0;
        int gold = 0, found = 0, extracted = 0;
        foreach (var chunk in Chunks(items, generate))
        {
            foreach (var s in chunk) bytes += Encoding.UTF8.GetByteCount(s.Item.Body) + Encoding.UTF8.GetByteCount(s.Item.Title ?? "");
            var before = GC.GetTotalAllocatedBytes(precise: false);
            extract.Start();
            foreach (var (s, events) in _pipelines.Process(chunk, static (s, p) => (s, p.Process(s.Item).Events)))
            {
                gold += s.Gold.Count;
                extracted += events.Count;
                found += Found(s.Gold, events);
            }
            extract.Stop();
            allocated += GC.GetTotalAllocatedBytes(precise: false) - before;
            SampleHeap();
        }

        var ingest = new Stopwatch();
        long storedEvents;
        double reconcileSeconds, landscapeMs;
        int facts, statuses;
        using (var store = SqliteEventStore.Open(databasePath))
        {
            var run = store.StartRun("bench");
            var ingestion = new Ingestion(store, run, batchSize, _pipelines);
            foreach (var chunk in Chunks(items, new Stopwatch()))
            {
                ingest.Start();
                ingestion.Run(chunk.Select(static s => ReadResult.Ok(s.Item)), static () => { });
                ingest.Stop();
                SampleHeap();
            }
            // The facts the batches touched are merged once at the end of the run, as `ingest` does: part of ingest time.
            ingest.Start();
            ingestion.MergeFacts();
            ingest.Stop();
            store.FinishRun(run, new RunCounts(ingestion.Read, ingestion.Inserted, ingestion.Duplicates, ingestion.Failed, ingestion.Events));
            storedEvents = store.Counts().Events;
            // Ingest already merged the events into facts; a full reconcile redoes that merge for every fact at once.
            var merge = Stopwatch.StartNew();
            store.Reconcile();
            reconcileSeconds = merge.Elapsed.TotalSeconds;
            facts = store.QueryFacts(new FactQuery()).Count();
            var times = new double[5];
            statuses = 0;
            for (var i = 0; i < times.Length; i++)
            {
                var query = Stopwatch.StartNew();
                statuses = store.MarketStatuses().Count;
                times[i] = query.Elapsed.TotalMilliseconds;
            }
            Array.Sort(times);
            landscapeMs = times[times.Length / 2];
        }

        using var self = Process.GetCurrentProcess();
        return new SizeResult
        {
            Items = items,
            Bytes = bytes,
            GenerateSeconds = generate.Elapsed.TotalSeconds,
            ExtractSeconds = extract.Elapsed.TotalSeconds,
            ExtractAllocatedBytes = allocated,
            IngestSeconds = ingest.Elapsed.TotalSeconds,
            DatabaseBytes = new FileInfo(databasePath).Length,
            StoredEvents = storedEvents,
            PeakWorkingSet = self.PeakWorkingSet64,
            MaxHeap = _maxHeap,
            GoldEvents = gold,
            FoundGold = found,
            Extracted = extracted,
            ReconcileSeconds = reconcileSeconds,
            Facts = facts,
            Statuses = statuses,
            LandscapeMilliseconds = landscapeMs,
        };
    }

    /// <summary>Single-threaded time and allocated bytes per pipeline component over the first <paramref name="items"/> items.</summary>
    public (string Name, double Seconds, long AllocatedBytes)[] Components(int items)
    {
        var timed = pipeline().Components.Select(c => new TimedComponent(c)).ToArray();
        var timedPipeline = new ItemPipeline(timed);
        foreach (var chunk in Chunks(items, new Stopwatch()))
            foreach (var s in chunk) timedPipeline.Process(s.Item);
        return [.. timed.Select(t => (t.Name, t.Ticks / (double)Stopwatch.Frequency, t.AllocatedBytes))];
    }

    private IEnumerable<List<SyntheticItem>> Chunks(int items, Stopwatch generate)
    {
        using var source = SyntheticCorpus.Generate(seed, items).GetEnumerator();
        var chunk = new List<SyntheticItem>(ChunkSize);
        while (true)
        {
            chunk.Clear();
            generate.Start();
            while (chunk.Count < ChunkSize && source.MoveNext()) chunk.Add(source.Current);
            generate.Stop();
            if (chunk.Count == 0) yield break;
            yield return chunk;
        }
    }

    /// <summary>
    /// The live managed heap after a full collection, between chunks and outside the timed parts: what the run
    /// holds on to, which is what must stay flat as the corpus grows (uncollected garbage would only add noise).
    /// </summary>
    private void SampleHeap() => _maxHeap = Math.Max(_maxHeap, GC.GetTotalMemory(forceFullCollection: true));

    /// <summary>Planted events the extractor found, matched as the scorer matches (each gold event once).</summary>
    private static int Found(IReadOnlyList<GoldEvent> gold, List<Core.Model.RegulatoryEvent> events)
    {
        var n = 0;
        Span<bool> used = stackalloc bool[gold.Count];
        foreach (var e in events)
        {
            for (var i = 0; i < gold.Count; i++)
            {
                if (used[i] || !EventScorer.Matches(gold[i], e)) continue;
                used[i] = true;
                n++;
                break;
            }
        }
        return n;
    }
}
