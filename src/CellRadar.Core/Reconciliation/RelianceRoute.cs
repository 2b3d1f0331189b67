namespace CellRadar.Core.Reconciliation;

/// <summary>An approval taken by relying on another regulator's decision: the route's name and the reference jurisdiction.</summary>
public sealed record RelianceRoute(string Route, string Reference)
{
    public override string ToString() => $"{Route} (relies on {Reference})";
}
