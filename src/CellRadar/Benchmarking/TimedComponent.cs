using System.Diagnostics;
using CellRadar.Core.Pipeline;

namespace CellRadar.Benchmarking;

/// <summary>
/// Wraps a pipeline component and adds up the time spent in it and the bytes it allocates, to show where an
/// item's time and garbage come from. Allocation is counted on the calling thread, so the figures hold when
/// the pipeline runs on one thread, as <see cref="BenchRunner.Components"/> runs it.
/// </summary>
internal sealed class TimedComponent(IPipelineComponent inner) : IPipelineComponent
{
    public string Name => inner.Name;
    public IReadOnlyList<string> Needs => inner.Needs;
    public IReadOnlyList<string> Adds => inner.Adds;

    /// <summary>Stopwatch ticks spent in <see cref="Process"/> so far.</summary>
    public long Ticks { get; private set; }

    /// <summary>Managed bytes allocated in <see cref="Process"/> so far.</summary>
    public long AllocatedBytes { get; private set; }

    public void Process(Document document)
    {
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var start = Stopwatch.GetTimestamp();
        inner.Process(document);
        Ticks += Stopwatch.GetTimestamp() - start;
        AllocatedBytes += GC.GetAllocatedBytesForCurrentThread() - allocated;
    }
}
