using CellRadar.Core.Errors;

namespace CellRadar.Watching;

/// <summary>
/// The feed list <c>watch</c> polls (<c>feeds.txt</c>): one http(s) URL per line; blank lines and lines starting
/// with <c>#</c> are ignored, and so is text after <c> #</c> on a line. A URL given twice is polled once. A line
/// that is not an http(s) URL is an E304 error naming the file and line; the other lines are still used.
/// </summary>
public sealed class FeedList
{
    private FeedList(IReadOnlyList<Uri> feeds, IReadOnlyList<CellRadarError> errors)
    {
        Feeds = feeds;
        Errors = errors;
    }

    public IReadOnlyList<Uri> Feeds { get; }

    public IReadOnlyList<CellRadarError> Errors { get; }

    /// <summary>Reads the list at <paramref name="path"/>.</summary>
    /// <exception cref="CellRadarException">E109 when the file does not exist, E101 when it cannot be read.</exception>
    public static FeedList Load(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new CellRadarException(new CellRadarError(ErrorCode.PathNotFound, path, "no feed list there"), ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CellRadarException(new CellRadarError(ErrorCode.UnreadableFile, path, ex.Message), ex);
        }
        return Parse(path, lines);
    }

    public static FeedList Parse(string origin, IEnumerable<string> lines)
    {
        var feeds = new List<Uri>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var errors = new List<CellRadarError>();
        var number = 0;
        foreach (var raw in lines)
        {
            number++;
            var line = raw.Trim().TrimStart('\uFEFF');
            var comment = IndexOfComment(line);
            if (comment >= 0) line = line[..comment].TrimEnd();
            if (line.Length == 0) continue;
            if (Uri.TryCreate(line, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            {
                if (seen.Add(uri.AbsoluteUri)) feeds.Add(uri);
                continue;
            }
            var shown = line.Length <= 60 ? line : line[..57] + "...";
            errors.Add(new CellRadarError(ErrorCode.BadFeedList, $"{origin}:{number}", $"'{shown}' is not an http or https address"));
        }
        return new FeedList(feeds, errors);
    }

    /// <summary>A comment starts a line or follows white space (a URL may hold '#' as its fragment).</summary>
    private static int IndexOfComment(string line)
    {
        if (line.StartsWith('#')) return 0;
        for (var i = 1; i < line.Length; i++)
            if (line[i] == '#' && char.IsWhiteSpace(line[i - 1])) return i;
        return -1;
    }
}
