namespace CellRadar.Core.Reading;

/// <summary>Limits and choices for <see cref="ItemSource"/>.</summary>
public sealed record ItemSourceOptions
{
    /// <summary>10 MB: far above any real article, small enough that a stray dump cannot exhaust memory.</summary>
    public const long DefaultMaxItemBytes = 10L * 1024 * 1024;

    /// <summary>The largest item (file, decompressed <c>.gz</c>, or one JSONL line) that is read; larger ones fail with E104.</summary>
    public long MaxItemBytes { get; init; } = DefaultMaxItemBytes;

    public static ItemSourceOptions Default { get; } = new();
}
