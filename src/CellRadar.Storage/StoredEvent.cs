using CellRadar.Core.Model;

namespace CellRadar.Storage;

/// <summary>A stored event with the item it came from.</summary>
public sealed record StoredEvent(long Id, long ItemId, string ItemKey, string ItemOrigin, string? ItemUrl, RegulatoryEvent Event);
