namespace CellRadar.Benchmarking;

/// <summary>What one corpus size measured. Times exclude generating the items, which is timed on its own.</summary>
internal sealed record SizeResult
{
    public required int Items { get; init; }
    public required long Bytes { get; init; }
    public required double GenerateSeconds { get; init; }
    public required double ExtractSeconds { get; init; }
    public required long ExtractAllocatedBytes { get; init; }
    public required double IngestSeconds { get; init; }
    public required long DatabaseBytes { get; init; }
    public required long StoredEvents { get; init; }
    public required long PeakWorkingSet { get; init; }
    public required long MaxHeap { get; init; }
    public required int GoldEvents { get; init; }
    public required int FoundGold { get; init; }
    public required int Extracted { get; init; }
    /// <summary>A full <c>reconcile</c> of the stored events: every fact and market status recomputed from scratch in memory and compared with the stored ones.</summary>
    public required double ReconcileSeconds { get; init; }
    public required int Facts { get; init; }
    public required int Statuses { get; init; }
    /// <summary>Median time to read every market status for the landscape, from the store.</summary>
    public required double LandscapeMilliseconds { get; init; }

    public double Megabytes => Bytes / 1e6;
    public double ExtractItemsPerSecond => Items / ExtractSeconds;
    public double ExtractMegabytesPerSecond => Megabytes / ExtractSeconds;
    public double IngestItemsPerSecond => Items / IngestSeconds;
    public double IngestMegabytesPerSecond => Megabytes / IngestSeconds;
}
