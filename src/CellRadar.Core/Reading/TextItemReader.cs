using System.Text.RegularExpressions;
using CellRadar.Core.Errors;
using CellRadar.Core.Model;

namespace CellRadar.Core.Reading;

/// <summary>
/// Reads <c>.txt</c> and <c>.md</c> items: an optional header block of <c>key: value</c> lines
/// (title, url, published, source) up to the first blank line, then the body.
/// </summary>
public sealed partial class TextItemReader : IItemReader
{
    // The first line must use a known key, so an article opening with "Update: the FDA..." is not taken for a header.
    private static readonly HashSet<string> FirstLineKeys = new(["title", "url", "published", "date", "source"], StringComparer.OrdinalIgnoreCase);

    public bool CanRead(string fileName) => ItemKey.Extension(fileName) is ".txt" or ".md" or ".text" or ".markdown";

    public IEnumerable<ReadResult> Read(string origin, string fileName, ReadOnlyMemory<byte> content)
    {
        var text = TextDecoder.Decode(content.Span, origin, out var error);
        yield return text is null ? ReadResult.Fail(error!) : Parse(origin, ItemKey.FromFileName(fileName), text);
    }

    /// <summary>Parses decoded text (also used for standard input).</summary>
    public static ReadResult Parse(string origin, string id, string text)
    {
        string? title = null, url = null, published = null, source = null;
        var bodyStart = 0;
        var pos = 0;
        var lineNo = 0;
        var isHeader = true;
        while (pos < text.Length)
        {
            var nl = text.IndexOf('\n', pos);
            var end = nl < 0 ? text.Length : nl;
            var line = text.AsSpan(pos, end - pos).TrimEnd('\r');
            var next = nl < 0 ? text.Length : nl + 1;
            if (line.IsWhiteSpace())
            {
                if (lineNo == 0) { isHeader = false; break; }
                bodyStart = next;
                break;
            }
            var m = HeaderLine().Match(line.ToString());
            if (!m.Success || (lineNo == 0 && !FirstLineKeys.Contains(m.Groups["key"].Value))) { isHeader = false; break; }
            var value = m.Groups["value"].Value.Trim();
            switch (m.Groups["key"].Value.ToLowerInvariant())
            {
                case "title": title = value; break;
                case "url": url = value; break;
                case "published" or "date": published = value; break;
                case "source": source = value; break;
                // Other keys (author, tags...) are allowed and ignored.
            }
            lineNo++;
            pos = next;
            if (nl < 0) { bodyStart = text.Length; break; }
        }
        if (!isHeader || lineNo == 0) { title = url = published = source = null; bodyStart = 0; }

        if (!ItemFields.TryPublished(published, origin, out var date, out var error)) return ReadResult.Fail(error!);
        if (!ItemFields.TryUrl(url, origin, out var checkedUrl, out error)) return ReadResult.Fail(error!);
        var body = text[bodyStart..];
        if (TextDecoder.IsBlank(body)) return ReadResult.Fail(ErrorCode.MissingText, origin, "the header is followed by no body text");

        return ReadResult.Ok(new NewsItem
        {
            Id = id,
            Origin = origin,
            Title = ItemFields.Clean(title),
            Body = body,
            Url = checkedUrl,
            Published = date,
            Source = ItemFields.Clean(source),
        });
    }

    [GeneratedRegex(@"^\uFEFF?(?<key>[A-Za-z][A-Za-z_\-]{0,30})[ \t]*:[ \t]*(?<value>.*)$")]
    private static partial Regex HeaderLine();
}
