using CellRadar.Commands;
using CellRadar.Core.Catalog;
using CellRadar.Core.Reconciliation;
using CellRadar.Storage;

namespace CellRadar.Web;

/// <summary>
/// One product as the pages and the API show it: its catalog entry, its stored market statuses and its facts (in
/// the store's date order). Found by canonical name or any catalog alias, as the <c>status</c> command finds it.
/// </summary>
internal sealed record ProductRecord(string Name, ProductEntry? Entry, IReadOnlyList<MarketStatus> Statuses, IReadOnlyList<Fact> Facts)
{
    /// <summary>The product, or null when neither the store nor the catalog knows the name.</summary>
    public static ProductRecord? Find(IEventStore store, string id)
    {
        if (string.IsNullOrWhiteSpace(id)) return null;
        var names = EventsCommand.ProductNames(id);
        var statuses = store.MarketStatuses(names);
        var facts = store.QueryFacts(new FactQuery { Products = names }).ToList();
        // The canonical name, if the catalog knows it, else the name the store files it under, else the name given.
        var entry = names.Skip(1).Concat(names.Take(1)).Select(n => ReferenceCatalog.Embedded.ProductsByCanonical.GetValueOrDefault(n))
            .FirstOrDefault(e => e is not null);
        if (entry is null && statuses.Count == 0 && facts.Count == 0) return null;
        var name = statuses.FirstOrDefault()?.Product ?? facts.FirstOrDefault()?.Key.Product ?? entry!.Canonical;
        entry ??= ReferenceCatalog.Embedded.ProductsByCanonical.GetValueOrDefault(name);
        return new ProductRecord(name, entry, statuses, facts);
    }

    /// <summary>The fact that set a market's stage.</summary>
    public Fact? FactOf(MarketStatus status) => Facts.FirstOrDefault(f => f.Key == status.Fact);

    /// <summary>Who holds the product in a market, as <c>status</c> says it (catalog holder, else the sponsors the sources name).</summary>
    public string HolderIn(MarketStatus status) => Output.FactText.Holder(Name, status.Jurisdiction.Code, FactOf(status));

    /// <summary>Facts that move no stage (GMP outcomes, access programmes), as the state machine decides.</summary>
    public IEnumerable<Fact> OtherFacts => Facts.Where(f => StatusMachine.Signal(f) is null);

    /// <summary>The path of the product's page.</summary>
    public static string PagePath(string product) => "/products/" + Uri.EscapeDataString(product);
}
