namespace CellRadar.Storage;

/// <summary>Where a unit of work claimed by another worker stands (see <see cref="IEventStore.WorkStates"/>).</summary>
public enum WorkState
{
    /// <summary>Its item is stored: nothing left to do.</summary>
    Done,

    /// <summary>No live claim: the worker that had it finished without storing it, or died and its lease expired.</summary>
    Free,

    /// <summary>Another worker's lease is still running.</summary>
    Held,
}
