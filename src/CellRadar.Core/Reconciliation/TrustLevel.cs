namespace CellRadar.Core.Reconciliation;

/// <summary>How far a kind of source is trusted: a name, a rank (higher is more trusted) and the chance one report is right.</summary>
public sealed record TrustLevel(string Name, int Rank, double Weight);
