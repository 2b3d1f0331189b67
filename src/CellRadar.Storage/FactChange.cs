using CellRadar.Core.Model;

namespace CellRadar.Storage;

/// <summary>One logged change: a new fact, a market's status change or a new conflict, stamped with the store's clock.</summary>
public sealed record FactChange(long Id, DateTimeOffset At, string Change, string Product, Jurisdiction Jurisdiction, string FactKey, string Detail)
{
    public const string NewFact = "new_fact";
    public const string StatusChange = "status_change";
    public const string NewConflict = "new_conflict";
}
