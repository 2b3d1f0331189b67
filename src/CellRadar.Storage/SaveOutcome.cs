namespace CellRadar.Storage;

/// <summary>What <see cref="IEventStore.SaveBatch"/> did with one item.</summary>
public enum SaveOutcome
{
    Inserted,
    /// <summary>The same content (by <see cref="Core.Model.ContentHash"/>) was already stored; nothing was written.</summary>
    Duplicate,
}
