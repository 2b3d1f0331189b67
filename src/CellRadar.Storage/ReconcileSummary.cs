namespace CellRadar.Storage;

/// <summary>What a full reconciliation did: facts and market statuses recomputed, and changes it logged.</summary>
public sealed record ReconcileSummary(int Fingerprinted, int Facts, int Statuses, int Changes);
