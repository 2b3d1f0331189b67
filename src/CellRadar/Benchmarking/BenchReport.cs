using System.Globalization;

namespace CellRadar.Benchmarking;

/// <summary>Prints the bench table, how time grows between sizes, and which targets were met.</summary>
internal static class BenchReport
{
    /// <summary>The issue's targets on a 2-core machine.</summary>
    public const double TargetMegabytesPerSecondPerCore = 10;
    public const double TargetIngestItemsPerSecond = 2000;
    /// <summary>"Flat" memory: the largest corpus may hold at most this much more live managed heap than the smallest.</summary>
    public const double FlatMemoryFactor = 1.5;
    /// <summary>Reconciliation targets: merging 100,000 items' events into facts, and the landscape read from the store.</summary>
    public const double TargetReconcileSeconds = 60;
    public const double TargetLandscapeMilliseconds = 100;

    public static void Header(TextWriter o, int seed, int threads, int batchSize)
    {
        o.WriteLine(Inv($"cellradar bench: seed {seed}, {threads} worker thread(s) on {Environment.ProcessorCount} core(s), batch {batchSize}, .NET {Environment.Version}"));
        o.WriteLine("clean+extract: read items through the whole pipeline, no database. ingest: the same plus content hash and SQLite writes into a fresh file.");
        o.WriteLine("Generation of the items is timed apart and excluded from both.");
        o.WriteLine();
        o.WriteLine($"{"items",9} {"MB",7} {"gen s",6} | {"extract s",9} {"items/s",8} {"MB/s",6} {"MB/s/core",9} {"KB alloc/item",13} | {"ingest s",8} {"items/s",8} {"MB/s",6} {"db MB",6} | {"peak WS MB",10} {"live heap MB",12}");
    }

    public static void Row(TextWriter o, SizeResult r, int cores) => o.WriteLine(Inv(
        $"{r.Items,9:N0} {r.Megabytes,7:0.0} {r.GenerateSeconds,6:0.0} | {r.ExtractSeconds,9:0.00} {r.ExtractItemsPerSecond,8:N0} {r.ExtractMegabytesPerSecond,6:0.0} {r.ExtractMegabytesPerSecond / cores,9:0.0} {r.ExtractAllocatedBytes / 1024.0 / r.Items,13:0.0} | {r.IngestSeconds,8:0.00} {r.IngestItemsPerSecond,8:N0} {r.IngestMegabytesPerSecond,6:0.0} {r.DatabaseBytes / 1e6,6:0} | {r.PeakWorkingSet / 1e6,10:0} {r.MaxHeap / 1e6,12:0}"));

    public static void Summary(TextWriter o, IReadOnlyList<SizeResult> results, int cores)
    {
        o.WriteLine();
        for (var i = 1; i < results.Count; i++)
        {
            var a = results[i - 1];
            var b = results[i];
            o.WriteLine(Inv($"growth {a.Items:N0} -> {b.Items:N0} (items x{(double)b.Items / a.Items:0.0}): clean+extract time x{b.ExtractSeconds / a.ExtractSeconds:0.00}, ingest time x{b.IngestSeconds / a.IngestSeconds:0.00}, live heap x{(double)b.MaxHeap / a.MaxHeap:0.00}"));
        }
        var gold = results.Sum(r => r.GoldEvents);
        var found = results.Sum(r => r.FoundGold);
        var extracted = results.Sum(r => r.Extracted);
        o.WriteLine(Inv($"planted events: {gold:N0}, found {found:N0} (recall {Ratio(found, gold):0.000}); events extracted {extracted:N0} (precision against the plan {Ratio(found, extracted):0.000})"));

        o.WriteLine();
        foreach (var r in results)
            o.WriteLine(Inv($"facts at {r.Items:N0} items: {r.Facts:N0} facts, {r.Statuses:N0} market statuses; full reconcile {r.ReconcileSeconds:0.00} s; landscape query {r.LandscapeMilliseconds:0.0} ms (median of 5)"));

        var last = results[^1];
        var first = results[0];
        var perCore = last.ExtractMegabytesPerSecond / cores;
        o.WriteLine();
        o.WriteLine(Inv($"target clean+extract >= {TargetMegabytesPerSecondPerCore:0} MB/s per core: {Met(perCore >= TargetMegabytesPerSecondPerCore)} ({perCore:0.0} MB/s per core at {last.Items:N0} items)"));
        o.WriteLine(Inv($"target ingest >= {TargetIngestItemsPerSecond:N0} items/s: {Met(last.IngestItemsPerSecond >= TargetIngestItemsPerSecond)} ({last.IngestItemsPerSecond:N0} items/s at {last.Items:N0} items)"));
        var scaled = last.ReconcileSeconds * 100_000 / last.Items;
        o.WriteLine(Inv($"target merge 100,000 items' events into facts < {TargetReconcileSeconds:0} s: {Met(scaled < TargetReconcileSeconds)} ({last.ReconcileSeconds:0.00} s for {last.Items:N0} items{(last.Items == 100_000 ? "" : Inv($", {scaled:0.0} s scaled to 100,000"))})"));
        o.WriteLine(Inv($"target landscape < {TargetLandscapeMilliseconds:0} ms: {Met(last.LandscapeMilliseconds < TargetLandscapeMilliseconds)} ({last.LandscapeMilliseconds:0.0} ms at {last.Items:N0} items)"));
        if (results.Count > 1)
        {
            var flat = last.MaxHeap <= first.MaxHeap * FlatMemoryFactor;
            o.WriteLine(Inv($"target memory flat as the corpus grows: {Met(flat)} (largest live heap {first.MaxHeap / 1e6:0} MB at {first.Items:N0} items, {last.MaxHeap / 1e6:0} MB at {last.Items:N0}; peak working set {last.PeakWorkingSet / 1e6:0} MB)"));
        }
        else
        {
            o.WriteLine("target memory flat as the corpus grows: not judged (give two or more sizes)");
        }
    }

    public static void Components(TextWriter o, int items, (string Name, double Seconds, long AllocatedBytes)[] parts)
    {
        var total = parts.Sum(p => p.Seconds);
        var allocated = parts.Sum(p => p.AllocatedBytes);
        o.WriteLine();
        o.WriteLine(Inv($"time and allocation per component, one thread, {items:N0} items ({total:0.00} s, {items / total:N0} items/s, {allocated / 1024.0 / items:0.0} KB/item):"));
        foreach (var (name, seconds, bytes) in parts)
            o.WriteLine(Inv($"  {name,-10} {seconds,7:0.00} s {100 * seconds / total,5:0.0}%  {seconds * 1e6 / items,7:0} us/item {bytes / 1024.0 / items,7:0.0} KB/item"));
    }

    private static double Ratio(int a, int b) => b == 0 ? 0 : (double)a / b;

    private static string Met(bool met) => met ? "met" : "MISSED";

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
