using CellRadar.Core.Errors;
using CellRadar.Core.Fetching;
using CellRadar.Core.Reading;
using CellRadar.Core.Reading.Feeds;

namespace CellRadar.Commands;

/// <summary>
/// The inputs of <c>ingest</c> in the order given: paths and folders through <see cref="ItemSource"/>, http(s)
/// arguments fetched (a page, a text, or a feed's entries), then each <c>--feed</c> (a URL or a file of any name).
/// </summary>
internal static class WebInputs
{
    public static bool IsUrl(string argument) =>
        argument.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || argument.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    public static IEnumerable<ReadResult> Read(string[] paths, string[] feeds, FetchOptions options, CliContext context)
    {
        var source = new ItemSource();
        SafeFetcher? fetcher = null;
        try
        {
            foreach (var path in paths)
            {
                if (IsUrl(path))
                {
                    fetcher ??= new SafeFetcher(options);
                    if (Fetch(fetcher, path) is not { } page)
                    {
                        yield return NotAnAddress(path);
                        continue;
                    }
                    foreach (var r in FetchedContent.Read(page)) yield return r;
                }
                else
                {
                    var stdin = path == "-" ? context.OpenStandardInput() : null;
                    foreach (var r in source.Read([path], stdin)) yield return r;
                }
            }
            foreach (var feed in feeds)
            {
                if (IsUrl(feed))
                {
                    fetcher ??= new SafeFetcher(options);
                    if (Fetch(fetcher, feed) is not { } fetched)
                    {
                        yield return NotAnAddress(feed);
                        continue;
                    }
                    if (fetched.Status != FetchStatus.Ok)
                    {
                        yield return ReadResult.Fail(fetched.Error!);
                        continue;
                    }
                    foreach (var r in FeedItemReader.Read(fetched.Url.AbsoluteUri, fetched.Body, fetched.FinalUrl)) yield return r;
                }
                else
                {
                    foreach (var r in ReadFeedFile(feed, source.Options.MaxItemBytes)) yield return r;
                }
            }
        }
        finally
        {
            fetcher?.Dispose();
        }
    }

    /// <summary>Fetches an http(s) argument; null when it is not a valid address.</summary>
    private static FetchResult? Fetch(SafeFetcher fetcher, string argument)
    {
        if (!Uri.TryCreate(argument, UriKind.Absolute, out var uri)) return null;
        // A command-line run has nothing else to do meanwhile; the fetch itself is asynchronous inside.
        return fetcher.FetchAsync(uri).GetAwaiter().GetResult();
    }

    private static ReadResult NotAnAddress(string argument) =>
        ReadResult.Fail(ErrorCode.FetchFailed, argument, "not a valid http or https address");

    /// <summary>A feed file named on <c>--feed</c>: read as a feed whatever its extension.</summary>
    private static IEnumerable<ReadResult> ReadFeedFile(string path, long maxBytes)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return [ReadResult.Fail(ErrorCode.PathNotFound, path, "no such feed file")];
            }
            if (info.Length > maxBytes)
            {
                return [ReadResult.Fail(ErrorCode.TooLarge, path, $"{info.Length} bytes, the limit is {maxBytes}")];
            }
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [ReadResult.Fail(ErrorCode.UnreadableFile, path, ex.Message)];
        }
        return FeedItemReader.Read(path, bytes, null);
    }
}
