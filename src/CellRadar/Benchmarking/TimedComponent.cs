using System.Diagnostics;
using CellRadar.Core.Pipeline;

namespace CellRadar.Benchmarking;

/// <summary>Wraps a pipeline component and adds up the time spent in it, to show where an item's time goes.</summary>
internal sealed class TimedComponent(IPipelineComponent inner) : IPipelineComponent
{
    public string Name => inner.Name;
    public IReadOnlyList<string> Needs => inner.Needs;
    public IReadOnlyList<string> Adds => inner.Adds;

    /// <summary>Stopwatch ticks spent in <see cref="Process"/> so far.</summary>
    public long Ticks { get; private set; }

    public void Process(Document document)
    {
        var start = Stopwatch.GetTimestamp();
        inner.Process(document);
        Ticks += Stopwatch.GetTimestamp() - start;
    }
}
