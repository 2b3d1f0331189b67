namespace CellRadar.Core.Reading;

/// <summary>
/// Turns one input (a file's bytes, standard input, later a web page or a feed) into news items.
/// One file may hold many items (JSONL, feeds). Bad input yields <see cref="ReadResult.Fail(Errors.CellRadarError)"/>, never an exception.
/// </summary>
public interface IItemReader
{
    /// <summary>True when this reader handles a file with this name (extensions already stripped of <c>.gz</c>).</summary>
    bool CanRead(string fileName);

    /// <summary>Reads the items in <paramref name="content"/>. <paramref name="origin"/> names the input in errors.</summary>
    IEnumerable<ReadResult> Read(string origin, string fileName, ReadOnlyMemory<byte> content);
}
