using System.Text;
using CellRadar.Core.Model;
using CellRadar.Core.Synthetic;

namespace CellRadar.Benchmarks;

/// <summary>
/// The items every benchmark works on: the first <see cref="Count"/> of the synthetic corpus with seed 1, so
/// runs on different days and machines measure the same text. Each benchmark processes all of them per
/// operation and reports the time per item (OperationsPerInvoke).
/// </summary>
internal static class SampleItems
{
    public const int Count = 200;

    public static NewsItem[] Items() => [.. SyntheticCorpus.Generate(seed: 1, Count).Select(s => s.Item)];

    /// <summary>Each item as the bytes of a .txt file with a header block, as the text reader gets them.</summary>
    public static byte[][] TextFiles() => [.. Items().Select(i => Encoding.UTF8.GetBytes(TextFile(i)))];

    private static string TextFile(NewsItem item)
    {
        var sb = new StringBuilder();
        if (item.Title is not null) sb.Append("title: ").Append(item.Title).Append('\n');
        if (item.Url is not null) sb.Append("url: ").Append(item.Url).Append('\n');
        if (item.Published is { } p) sb.Append("published: ").Append(p.ToString()).Append('\n');
        return sb.Append('\n').Append(item.Body).ToString();
    }
}
