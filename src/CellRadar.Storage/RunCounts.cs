namespace CellRadar.Storage;

/// <summary>What a run did, as the summary reports it.</summary>
public sealed record RunCounts(int ItemsRead, int Inserted, int Duplicates, int Failed, int Events);

/// <summary>A stored run.</summary>
public sealed record RunRecord(long Id, string Command, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, RunCounts Counts);

/// <summary>How many rows each table holds.</summary>
public sealed record StoreCounts(long Items, long Events, long Failures, long Runs);
