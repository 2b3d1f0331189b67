namespace CellRadar.Core.Reading;

/// <summary>
/// A reader for formats holding many items (JSONL, later feeds) that reads from a stream, so a large
/// file is never held in memory whole; the item size cap then applies to each item, not to the file.
/// </summary>
public interface IStreamingItemReader : IItemReader
{
    /// <summary>Reads items from <paramref name="content"/> as they come. Read failures become error results, never exceptions.</summary>
    IEnumerable<ReadResult> Read(string origin, string fileName, Stream content, long maxItemBytes);
}
