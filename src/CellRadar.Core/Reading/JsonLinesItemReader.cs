using System.Text.Json;
using CellRadar.Core.Errors;

namespace CellRadar.Core.Reading;

/// <summary>
/// Reads <c>.jsonl</c>: one item object per line, streamed. The item id is the line's <c>id</c>, else
/// <c>FILE#LINE</c>. A bad line is an error for that line only; the rest are read.
/// </summary>
public sealed class JsonLinesItemReader : IStreamingItemReader
{
    public bool CanRead(string fileName) => ItemKey.Extension(fileName) is ".jsonl" or ".ndjson";

    public IEnumerable<ReadResult> Read(string origin, string fileName, ReadOnlyMemory<byte> content) =>
        Read(origin, fileName, new MemoryStream(content.ToArray(), writable: false), long.MaxValue);

    public IEnumerable<ReadResult> Read(string origin, string fileName, Stream content, long maxItemBytes)
    {
        var key = ItemKey.FromFileName(fileName);
        using var lines = new ByteLineReader(content, maxItemBytes);
        var sawItem = false;
        while (true)
        {
            if (!TryNext(lines, origin, out var line, out var overLength, out var readError))
            {
                if (readError is not null) yield return ReadResult.Fail(readError);
                break;
            }
            var subject = $"{origin}:{lines.LineNumber}";
            if (overLength > 0)
            {
                sawItem = true;
                yield return ReadResult.Fail(ErrorCode.TooLarge, subject, $"line of {overLength} bytes, the limit is {maxItemBytes}");
                continue;
            }
            var span = line.Span;
            if (lines.LineNumber == 1 && span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) line = line[3..];
            if (line.Span.Trim((ReadOnlySpan<byte>)[(byte)' ', (byte)'\t']).IsEmpty) continue;
            sawItem = true;
            yield return ParseLine(line, key, origin, subject, lines.LineNumber);
        }
        if (!sawItem) yield return ReadResult.Fail(ErrorCode.EmptyItem, origin, "no JSON lines in the file");
    }

    private static ReadResult ParseLine(ReadOnlyMemory<byte> line, string key, string origin, string subject, int lineNumber)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            return ReadResult.Fail(ErrorCode.MalformedJson, subject, ex.Message);
        }
        using (doc)
        {
            var id = JsonItemFields.Id(doc.RootElement) ?? $"{key}#{lineNumber}";
            return JsonItemFields.ToItem(doc.RootElement, id, origin, subject);
        }
    }

    /// <summary>Reads one line, turning a failing stream (I/O error, corrupt gzip) into an error that ends the file.</summary>
    private static bool TryNext(ByteLineReader lines, string origin, out ReadOnlyMemory<byte> line, out long overLength, out CellRadarError? error)
    {
        error = null;
        try
        {
            return lines.Next(out line, out overLength);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException)
        {
            error = new(ErrorCode.UnreadableFile, $"{origin}:{lines.LineNumber + 1}", $"reading stopped: {ex.Message}");
            line = default;
            overLength = 0;
            return false;
        }
    }
}
