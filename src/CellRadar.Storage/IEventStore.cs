using CellRadar.Core.Errors;
using CellRadar.Core.Fetching;
using CellRadar.Core.Reconciliation;

namespace CellRadar.Storage;

/// <summary>
/// Where ingested items and their events live. Kept small on purpose: a PostgreSQL store will
/// implement the same members with the same plain SQL. Opening a store migrates its schema.
/// </summary>
public interface IEventStore : IDisposable
{
    /// <summary>The schema version the database is at after opening (the last migration applied).</summary>
    int SchemaVersion { get; }

    /// <summary>Starts a run (one command invocation) and returns its id, which saved items and failures refer to.</summary>
    long StartRun(string command);

    /// <summary>Records a run's final counts and its end time.</summary>
    void FinishRun(long runId, RunCounts counts);

    /// <summary>
    /// Saves items and their events in one transaction: either all new items of the batch are stored or,
    /// when anything fails, none is (<see cref="CellRadarException"/> with E203). Returns one outcome per
    /// item, in order; an item whose content hash is already stored (or earlier in the batch) is a duplicate.
    /// </summary>
    /// <paramref name="merge"/> says whether the facts the new events touch are merged in the same transaction or
    /// left pending for <see cref="ReconcilePending"/>.
    IReadOnlyList<SaveOutcome> SaveBatch(long runId, IReadOnlyList<ItemRecord> items, FactMerge merge = FactMerge.Now);

    /// <summary>
    /// Merges the facts left pending by <see cref="FactMerge.Deferred"/> saves (of this or any earlier, perhaps
    /// interrupted, run), in one transaction; returns how many facts were written.
    /// </summary>
    int ReconcilePending();

    /// <summary>Records input that could not be read or processed during a run.</summary>
    void RecordFailures(long runId, IReadOnlyList<CellRadarError> failures);

    /// <summary>Streams stored events that pass the query's filters; nothing is buffered.</summary>
    IEnumerable<StoredEvent> QueryEvents(EventQuery query);

    /// <summary>The cleaned text of a stored item, which event evidence offsets point into; null when there is no such item.</summary>
    string? ItemText(long itemId);

    /// <summary>A stored item with its cleaned text, or null when there is no such item.</summary>
    StoredItem? Item(long itemId);

    /// <summary>The id of the stored item with this content hash (<see cref="Core.Model.ContentHash"/>), or null.</summary>
    long? FindItem(string contentHash);

    /// <summary>
    /// Full-text search over product names, aliases and sponsors (products first), then item titles and text, best
    /// match first within each. Any text is a valid query (operators are not interpreted); a query with no letter
    /// or digit finds nothing.
    /// </summary>
    IReadOnlyList<SearchHit> Search(string query, int limit);

    /// <summary>Makes products searchable (the catalog's, at start); a name already known gets the aliases and sponsor given.</summary>
    void IndexProducts(IEnumerable<SearchProduct> products);

    /// <summary>Failures recorded for one run, in the order they were recorded.</summary>
    IReadOnlyList<CellRadarError> Failures(long runId);

    /// <summary>Runs, newest first.</summary>
    IReadOnlyList<RunRecord> Runs(int limit = 20);

    StoreCounts Counts();

    /// <summary>What is remembered of a watched feed, or null for a feed never polled.</summary>
    FeedState? Feed(string feedUrl);

    /// <summary>
    /// Records a poll of a feed. <paramref name="validators"/> replace the stored ones only when given: the watcher
    /// passes them once every entry of that version of the feed is handled, so a 304 never hides unhandled entries.
    /// </summary>
    void RecordPoll(string feedUrl, HttpValidators? validators, string status);

    /// <summary>True when the entry was handled before: its item stored (<see cref="ItemRecord.Entry"/>) or its failure recorded.</summary>
    bool IsEntrySeen(string feedUrl, string entryKey);

    /// <summary>
    /// Streams stored facts (events of all items merged per product, kind, subtype family and jurisdiction), per
    /// product in date order, undated facts last. Facts are kept up to date by <see cref="SaveBatch"/>.
    /// </summary>
    IEnumerable<Fact> QueryFacts(FactQuery query);

    /// <summary>The stored stage of each (product, jurisdiction), for the given products (canonical names) or all, by product then jurisdiction.</summary>
    IReadOnlyList<MarketStatus> MarketStatuses(IReadOnlyList<string>? products = null);

    /// <summary>New facts, status changes and new conflicts logged at or after <paramref name="since"/>, in the order they were logged.</summary>
    IEnumerable<FactChange> Changes(DateTimeOffset since);

    /// <summary>
    /// Recomputes every fact and market status from the stored events (after a new extractor or trust file, or on a
    /// database from before facts existed), fingerprinting items that have none; logs what changed.
    /// </summary>
    ReconcileSummary Reconcile();

    /// <summary>Marks an entry that can never become an item (no text anywhere) as seen, with the error that says why.</summary>
    void MarkEntryFailed(FeedEntryRef entry, CellRadarError error);
}
