using CellRadar.Core.Reconciliation;
using CellRadar.Storage;

namespace CellRadar.Web;

/// <summary>
/// Finds the stored item and event behind each source of a fact (a fact keeps the item's content hash and the
/// evidence span), so a page or an API answer can link to the item with that event's evidence marked. Items are
/// looked up once per request.
/// </summary>
internal sealed class SourceLinks(IEventStore store)
{
    private readonly Dictionary<string, (long? Id, List<StoredEvent> Events)> _items = new(StringComparer.Ordinal);

    /// <summary>The item's id and the id of its event stating the fact (null when the item or the event is gone).</summary>
    public (long? ItemId, long? EventId) Of(FactKey fact, FactSupport support)
    {
        if (!_items.TryGetValue(support.ItemHash, out var item))
        {
            var id = store.FindItem(support.ItemHash);
            item = (id, id is { } i ? store.QueryEvents(new EventQuery { ItemId = i }).ToList() : []);
            _items[support.ItemHash] = item;
        }
        var match = item.Events.FirstOrDefault(e => e.Event.Evidence == support.EvidenceSpan && FactKey.Of(e.Event) == fact)
            ?? item.Events.FirstOrDefault(e => e.Event.Evidence == support.EvidenceSpan);
        return (item.Id, match?.Id);
    }

    /// <summary>The item page with the event's evidence marked, or the item page, or null when the item is not stored.</summary>
    public string? PageOf(FactKey fact, FactSupport support) => Of(fact, support) switch
    {
        ({ } item, { } ev) => $"/items/{item}?event={ev}#evidence",
        ({ } item, null) => $"/items/{item}",
        _ => null,
    };
}
