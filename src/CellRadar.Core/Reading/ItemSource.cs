namespace CellRadar.Core.Reading;

/// <summary>Walks paths (files, folders recursively, <c>-</c> for standard input) and reads items. (Placeholder.)</summary>
public sealed class ItemSource
{
    public IEnumerable<ReadResult> Read(IEnumerable<string> paths, Stream? standardInput = null)
    {
        _ = paths;
        _ = standardInput;
        yield break;
    }
}
