using System.IO.Compression;
using CellRadar.Core.Errors;

namespace CellRadar.Core.Reading;

/// <summary>
/// Walks paths (files, folders recursively in ordinal order, <c>-</c> for standard input) and reads
/// items lazily, one file at a time. Bad input becomes an error result and the walk carries on.
/// </summary>
public sealed class ItemSource
{
    private readonly IItemReader[] _readers;

    public ItemSource(ItemSourceOptions? options = null, IEnumerable<IItemReader>? readers = null)
    {
        Options = options ?? ItemSourceOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(Options.MaxItemBytes, 1);
        _readers = readers is null ? [.. DefaultReaders()] : [.. readers];
    }

    public ItemSourceOptions Options { get; }

    /// <summary>The readers for every format CellRadar handles.</summary>
    public static IEnumerable<IItemReader> DefaultReaders() =>
        [new TextItemReader(), new JsonItemReader(), new JsonLinesItemReader(), new Html.HtmlItemReader(), new Feeds.FeedItemReader()];

    public IEnumerable<ReadResult> Read(IEnumerable<string> paths, Stream? standardInput = null)
    {
        foreach (var path in paths)
        {
            if (path == "-")
            {
                foreach (var r in ReadStandardInput(standardInput)) yield return r;
            }
            else if (File.Exists(path))
            {
                foreach (var r in ReadFile(path, explicitlyNamed: true)) yield return r;
            }
            else if (Directory.Exists(path))
            {
                foreach (var r in Walk(path)) yield return r;
            }
            else
            {
                yield return ReadResult.Fail(ErrorCode.PathNotFound, path, "no such file or folder");
            }
        }
    }

    /// <summary>True when a folder walk skips this file: hidden, a README or licence, or a format no reader handles.</summary>
    public bool SkipsInWalk(string fileName) =>
        fileName.StartsWith('.')
        || fileName.StartsWith("README", StringComparison.OrdinalIgnoreCase)
        || fileName.StartsWith("LICENSE", StringComparison.OrdinalIgnoreCase)
        || fileName.StartsWith("LICENCE", StringComparison.OrdinalIgnoreCase)
        // A watch list of feed URLs (samples/feeds.txt), not a news item.
        || fileName.Equals("feeds.txt", StringComparison.OrdinalIgnoreCase)
        || FindReader(InnerName(fileName)) is null;

    private static bool SkipsFolder(string name) =>
        name.StartsWith('.') || name.Equals("gold", StringComparison.OrdinalIgnoreCase);

    private IEnumerable<ReadResult> Walk(string folder)
    {
        var entries = ListFolder(folder, out var error);
        if (error is not null) { yield return ReadResult.Fail(error); yield break; }
        foreach (var entry in entries!)
        {
            if ((entry.Attributes & FileAttributes.Hidden) != 0) continue;
            if (entry is DirectoryInfo dir)
            {
                // Linked folders are not followed: a link back up the tree would walk for ever.
                if (SkipsFolder(dir.Name) || dir.LinkTarget is not null) continue;
                foreach (var r in Walk(dir.FullName)) yield return r;
            }
            else if (!SkipsInWalk(entry.Name))
            {
                foreach (var r in ReadFile(entry.FullName, explicitlyNamed: false)) yield return r;
            }
        }
    }

    private static FileSystemInfo[]? ListFolder(string folder, out CellRadarError? error)
    {
        error = null;
        try
        {
            var entries = new DirectoryInfo(folder).GetFileSystemInfos();
            Array.Sort(entries, static (a, b) => string.CompareOrdinal(a.Name, b.Name));
            return entries;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            error = new(ErrorCode.UnreadableFile, folder, $"cannot list the folder: {ex.Message}");
            return null;
        }
    }

    private static string InnerName(string fileName) =>
        fileName.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? fileName[..^3] : fileName;

    private IItemReader? FindReader(string fileName)
    {
        foreach (var r in _readers) if (r.CanRead(fileName)) return r;
        return null;
    }

    private IEnumerable<ReadResult> ReadFile(string path, bool explicitlyNamed)
    {
        var name = Path.GetFileName(path);
        var compressed = name.Length > 3 && name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
        var inner = InnerName(name);
        var reader = FindReader(inner);
        if (reader is null)
        {
            if (explicitlyNamed)
            {
                var ext = ItemKey.Extension(inner);
                yield return ReadResult.Fail(ErrorCode.UnsupportedFormat, path,
                    $"{(ext.Length == 0 ? "no extension" : $"extension '{ext}'")} is not a known item format ({KnownFormats()})");
            }
            yield break;
        }

        var stream = Open(path, out var error);
        if (stream is null) { yield return ReadResult.Fail(error!); yield break; }
        using (stream)
        {
            // Fail fast on an oversize plain file, before reading a byte of it.
            if (!compressed && reader is not IStreamingItemReader && stream.Length > Options.MaxItemBytes)
            {
                yield return TooLarge(path, $"{stream.Length} bytes, the limit is {Options.MaxItemBytes}");
                yield break;
            }
            Stream content = compressed ? new GZipStream(stream, CompressionMode.Decompress) : stream;
            using (content)
            {
                if (reader is IStreamingItemReader streaming)
                {
                    foreach (var r in streaming.Read(path, inner, content, Options.MaxItemBytes)) yield return r;
                    yield break;
                }
                var bytes = ReadCapped(content, path, compressed, out error);
                if (bytes is null) { yield return ReadResult.Fail(error!); yield break; }
                if (compressed && GzipTrailerSize(stream) is var size && size != (uint)bytes.Value.Length)
                {
                    // The decompressor stops quietly at the end of a cut-off file, so the trailer is checked here.
                    yield return ReadResult.Fail(ErrorCode.UnreadableFile, path,
                        $"truncated or corrupt gzip data: {bytes.Value.Length} bytes decompressed, the gzip trailer says {(size is null ? "nothing readable" : size.ToString())}");
                    yield break;
                }
                foreach (var r in reader.Read(path, inner, bytes.Value)) yield return r;
            }
        }
    }

    /// <summary>
    /// The uncompressed size a gzip file states in its last four bytes (modulo 2^32), or null when the file is too
    /// short to have a trailer. For a file of several gzip members it is the last member's size, which such files
    /// (rare for single pages) fail on.
    /// </summary>
    private static uint? GzipTrailerSize(FileStream file)
    {
        const int MinimumGzip = 18;
        if (file.Length < MinimumGzip) return null;
        Span<byte> trailer = stackalloc byte[4];
        try
        {
            file.Seek(-4, SeekOrigin.End);
            file.ReadExactly(trailer);
        }
        catch (IOException)
        {
            // Reported by the caller as a file with no readable trailer.
            return null;
        }
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(trailer);
    }

    private IEnumerable<ReadResult> ReadStandardInput(Stream? standardInput)
    {
        const string origin = "-";
        var bytes = ReadCapped(standardInput ?? Console.OpenStandardInput(), origin, decompressing: false, out var error);
        if (bytes is null) { yield return ReadResult.Fail(error!); yield break; }
        var text = TextDecoder.Decode(bytes.Value.Span, origin, out error);
        if (text is null) { yield return ReadResult.Fail(error!); yield break; }
        foreach (var r in StandardInputSniffer.Read(origin, "stdin", text, Options.MaxItemBytes)) yield return r;
    }

    private static FileStream? Open(string path, out CellRadarError? error)
    {
        error = null;
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            error = new(ErrorCode.PathNotFound, path, "the file went away before it could be read");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            error = new(ErrorCode.UnreadableFile, path, ex.Message);
        }
        return null;
    }

    /// <summary>
    /// Reads at most the cap plus one byte, so a 50 MB file or a gzip bomb stops as soon as it passes the cap.
    /// </summary>
    private ReadOnlyMemory<byte>? ReadCapped(Stream stream, string subject, bool decompressing, out CellRadarError? error)
    {
        error = null;
        var cap = Options.MaxItemBytes;
        var buffer = new byte[(int)Math.Min(cap + 1, 64 * 1024)];
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > cap)
                    {
                        error = TooLarge(subject, $"more than {cap} bytes{(decompressing ? " after decompression" : "")}, the limit is {cap}").Error;
                        return null;
                    }
                    Array.Resize(ref buffer, (int)Math.Min(cap + 1, buffer.Length * 2L));
                }
                var n = stream.Read(buffer, length, buffer.Length - length);
                if (n == 0) break;
                length += n;
            }
        }
        catch (InvalidDataException ex)
        {
            error = new(ErrorCode.UnreadableFile, subject, $"not valid gzip data: {ex.Message}");
            return null;
        }
        catch (IOException ex)
        {
            error = new(ErrorCode.UnreadableFile, subject, ex.Message);
            return null;
        }
        if (length > cap)
        {
            error = TooLarge(subject, $"more than {cap} bytes{(decompressing ? " after decompression" : "")}, the limit is {cap}").Error;
            return null;
        }
        return buffer.AsMemory(0, length);
    }

    private static ReadResult TooLarge(string subject, string detail) => ReadResult.Fail(ErrorCode.TooLarge, subject, detail);

    private static string KnownFormats() => ".txt, .md, .json, .jsonl, .html, .htm, feeds (.rss, .atom, .xml), each optionally .gz";
}
