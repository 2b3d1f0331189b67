namespace CellRadar.Storage;

/// <summary>When <see cref="IEventStore.SaveBatch"/> merges the new events into facts.</summary>
public enum FactMerge
{
    /// <summary>In the batch's own transaction: facts never lag behind the events (one item from a feed, a form).</summary>
    Now,

    /// <summary>
    /// The touched fact keys are recorded in the batch's transaction and merged by <see cref="IEventStore.ReconcilePending"/>.
    /// A bulk ingest uses it: a popular fact (thousands of supports) is then merged once per run, not once per batch,
    /// and a crash before the merge loses nothing because the pending keys were committed with the events.
    /// </summary>
    Deferred,
}
