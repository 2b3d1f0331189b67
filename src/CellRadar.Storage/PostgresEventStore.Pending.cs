using CellRadar.Core.Reconciliation;

namespace CellRadar.Storage;

// TEMPORARY while the PostgreSQL port of the facts tables is written on branch pg2: these members are not yet
// implemented on PostgreSQL. This file is deleted when that port lands.
public sealed partial class PostgresEventStore
{
    public IEnumerable<Fact> QueryFacts(FactQuery query) => throw NotYet();

    public IReadOnlyList<MarketStatus> MarketStatuses(IReadOnlyList<string>? products = null) => throw NotYet();

    public IEnumerable<FactChange> Changes(DateTimeOffset since) => throw NotYet();

    public ReconcileSummary Reconcile() => throw NotYet();

    public int ReconcilePending() => throw NotYet();

    // TEMPORARY as well (branch web2): the web members, until pg2 ports the item lookups and the search tables.
    public StoredItem? Item(long itemId) => throw NotYetWeb();

    public long? FindItem(string contentHash) => throw NotYetWeb();

    public IReadOnlyList<SearchHit> Search(string query, int limit) => throw NotYetWeb();

    public void IndexProducts(IEnumerable<SearchProduct> products) => throw NotYetWeb();

    private static NotSupportedException NotYetWeb() => new("item lookups and search are not yet on PostgreSQL");

    private static NotSupportedException NotYet() => new("facts are not yet stored on PostgreSQL");
}
