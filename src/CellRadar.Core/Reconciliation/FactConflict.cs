namespace CellRadar.Core.Reconciliation;

/// <summary>Sources that disagree about one field of a fact: every value, with the items that state it. Nothing is averaged away.</summary>
public sealed record FactConflict(string Field, IReadOnlyList<ConflictValue> Values)
{
    public override string ToString() => $"{Field}: {string.Join(" vs ", Values.Select(v => v.Value))}";
}

/// <summary>One of the disagreeing values and the items stating it.</summary>
public sealed record ConflictValue(string Value, IReadOnlyList<string> Items);
