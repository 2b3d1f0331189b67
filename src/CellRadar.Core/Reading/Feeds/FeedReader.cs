using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using System.Xml;
using CellRadar.Core.Errors;
using CellRadar.Core.Model;

namespace CellRadar.Core.Reading.Feeds;

/// <summary>
/// Reads RSS 2.0, RSS 1.0 and Atom feeds entry by entry. The XML reader is locked down: no DTD (so no entity
/// expansion, billion laughs included), no external resources, a cap on the characters read. Bad input never
/// throws: a feed that cannot be read is one E111 (or E102/E103) error; a feed that breaks off part-way gives
/// the entries before the break and then one error; an entry that is unusable gives an error of its own.
/// </summary>
public static partial class FeedReader
{
    public const string AtomNamespace = "http://www.w3.org/2005/Atom";
    public const string ContentNamespace = "http://purl.org/rss/1.0/modules/content/";
    public const string DublinCoreNamespace = "http://purl.org/dc/elements/1.1/";

    /// <summary>Far above any real feed (a few hundred kilobytes), low enough to bound memory.</summary>
    public const long MaxCharacters = 32L * 1024 * 1024;

    /// <summary>Markup inside a field deeper than this keeps its text but loses its tags.</summary>
    private const int MaxFieldDepth = 64;

    /// <summary>Keys longer than this (a guid that is a whole paragraph) are replaced by their hash.</summary>
    private const int MaxKeyLength = 200;

    static FeedReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The feed format of a document, judged by its root element; <see cref="FeedFormat.None"/> for anything else.</summary>
    public static FeedFormat Sniff(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty || TextDecoder.LooksBinary(bytes, out _)) return FeedFormat.None;
        // Only the start is needed; a DTD is skipped, not processed, so sniffing cannot be made to expand entities.
        var head = bytes[..Math.Min(bytes.Length, 64 * 1024)].ToArray();
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CheckCharacters = false,
        };
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(head), settings);
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element) return FormatOf(reader);
            }
        }
        catch (XmlException)
        {
            // Not XML, or cut off before its root: not a feed.
        }
        return FeedFormat.None;
    }

    /// <summary>
    /// Reads the entries of the feed in <paramref name="content"/>. <paramref name="origin"/> names the feed in
    /// errors; relative links are resolved against <paramref name="baseUri"/> (the feed's own address) when given.
    /// </summary>
    public static IEnumerable<FeedEntryResult> Read(string origin, ReadOnlyMemory<byte> content, Uri? baseUri = null)
    {
        var bytes = content.Span;
        if (bytes.IsEmpty) return [FeedEntryResult.Fail(new CellRadarError(ErrorCode.EmptyItem, origin, "the feed is empty"))];
        if (bytes.IndexOfAnyExcept(" \t\r\n"u8) < 0) return [FeedEntryResult.Fail(new CellRadarError(ErrorCode.EmptyItem, origin, "only white space"))];
        if (!HasBom(bytes) && TextDecoder.LooksBinary(bytes, out var why))
            return [FeedEntryResult.Fail(new CellRadarError(ErrorCode.BinaryContent, origin, why))];
        return new Parser(origin, Open(content), baseUri).Entries();
    }

    /// <summary>
    /// Opens the XML reader. The XML declaration's encoding is trusted, except that a feed declared (or assumed)
    /// UTF-8 whose bytes are not UTF-8 is read as Windows-1252, as browsers and feed readers do.
    /// </summary>
    private static XmlReader Open(ReadOnlyMemory<byte> content)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = MaxCharacters,
            MaxCharactersFromEntities = 1024,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            // Real feeds carry stray control characters; they are read rather than failing the whole feed.
            CheckCharacters = false,
            CloseInput = true,
        };
        var bytes = content.Span;
        if (!HasBom(bytes) && !Utf8.IsValid(bytes) && DeclaresUtf8OrNothing(bytes))
        {
            var text = TextDecoder.DecodeWindows1252(bytes);
            // A TextReader carries decoded characters, so the declaration's encoding is ignored.
            return XmlReader.Create(new StringReader(text), settings);
        }
        return XmlReader.Create(new MemoryStream(content.ToArray(), writable: false), settings);
    }

    private static bool HasBom(ReadOnlySpan<byte> b) => b is [0xEF, 0xBB, 0xBF, ..] or [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..];

    private static bool DeclaresUtf8OrNothing(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, 256)]);
        var m = XmlDeclarationEncoding().Match(head);
        return !m.Success || m.Groups["enc"].Value.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || m.Groups["enc"].Value.Equals("utf8", StringComparison.OrdinalIgnoreCase);
    }

    private static FeedFormat FormatOf(XmlReader reader) => reader.LocalName switch
    {
        "rss" => FeedFormat.Rss,
        "RDF" => FeedFormat.Rdf,
        "feed" when reader.NamespaceURI is AtomNamespace or "" => FeedFormat.Atom,
        _ => FeedFormat.None,
    };

    /// <summary>A short, stable key for a long or missing identifier.</summary>
    internal static string HashKey(string prefix, string value) =>
        prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..16];

    [GeneratedRegex(@"^\s*<\?xml[^>]*?\bencoding\s*=\s*[""'](?<enc>[A-Za-z0-9_.:\-]+)[""']")]
    private static partial Regex XmlDeclarationEncoding();

    /// <summary>The state of reading one feed: the XML reader, the feed's title and how many entries came so far.</summary>
    private sealed class Parser(string origin, XmlReader reader, Uri? baseUri)
    {
        private FeedFormat _format;
        private string? _feedTitle;
        private Uri? _siteLink;
        private int _index;

        public IEnumerable<FeedEntryResult> Entries()
        {
            using (reader)
            {
                if (!TryStart(out var error))
                {
                    yield return FeedEntryResult.Fail(error!);
                    yield break;
                }
                var any = false;
                while (true)
                {
                    var next = TryNext(out error);
                    if (error is not null)
                    {
                        yield return FeedEntryResult.Fail(error);
                        // After a well-formedness error the reader cannot go on: the rest of the feed is lost.
                        if (next is null) yield break;
                        any = true;
                        continue;
                    }
                    if (next is null) break;
                    any = true;
                    yield return FeedEntryResult.Ok(next);
                }
                if (!any) yield return FeedEntryResult.Fail(new CellRadarError(ErrorCode.EmptyItem, origin, $"the {FormatName()} feed has no entries"));
            }
        }

        private string FormatName() => _format switch { FeedFormat.Atom => "Atom", FeedFormat.Rdf => "RSS 1.0", _ => "RSS" };

        private bool TryStart(out CellRadarError? error)
        {
            error = null;
            try
            {
                if (reader.MoveToContent() != XmlNodeType.Element)
                {
                    error = new(ErrorCode.MalformedFeed, origin, "no root element");
                    return false;
                }
                _format = FormatOf(reader);
                if (_format == FeedFormat.None)
                {
                    error = new(ErrorCode.UnsupportedFormat, origin, $"XML whose root element is <{ItemFields.Shorten(reader.Name)}>, not an RSS or Atom feed");
                    return false;
                }
                if (reader.IsEmptyElement)
                {
                    error = new(ErrorCode.EmptyItem, origin, $"the {FormatName()} feed has no entries");
                    return false;
                }
                reader.Read();
                return true;
            }
            catch (XmlException ex)
            {
                error = Malformed(ex);
                return false;
            }
        }

        /// <summary>
        /// The next entry, or null at the end. An error with a null entry and a null return ends the feed (the XML
        /// broke); an error for one entry comes with a non-null sentinel so reading goes on.
        /// </summary>
        private FeedEntry? TryNext(out CellRadarError? error)
        {
            error = null;
            try
            {
                while (!reader.EOF)
                {
                    if (reader.NodeType != XmlNodeType.Element)
                    {
                        reader.Read();
                        continue;
                    }
                    var name = reader.LocalName;
                    if (IsEntry(name))
                    {
                        _index++;
                        var entry = ReadEntry(out error);
                        // A bad entry: its error is reported and a placeholder keeps the loop going.
                        return entry ?? Placeholder;
                    }
                    if (_format == FeedFormat.Rss && name == "channel" && reader.Depth == 1 && !reader.IsEmptyElement)
                    {
                        reader.Read();
                        continue;
                    }
                    if (name == "title" && _feedTitle is null && _index == 0 && reader.Depth <= 2)
                    {
                        _feedTitle = Plain(ReadField(reader, out _));
                        continue;
                    }
                    // The site's own address resolves relative entry links when the feed's address is not known (a file).
                    if (name == "link" && baseUri is null && _siteLink is null && _index == 0 && reader.Depth <= 2)
                    {
                        var rel = reader.GetAttribute("rel");
                        string? site = reader.GetAttribute("href");
                        if (site is not null || reader.IsEmptyElement) reader.Skip();
                        else site = Plain(ReadField(reader, out _));
                        if (rel is null or "alternate" && Uri.TryCreate(site, UriKind.Absolute, out var siteUri)
                            && (siteUri.Scheme == Uri.UriSchemeHttp || siteUri.Scheme == Uri.UriSchemeHttps))
                            _siteLink = siteUri;
                        continue;
                    }
                    reader.Skip();
                }
                return null;
            }
            catch (XmlException ex)
            {
                error = Malformed(ex);
                return null;
            }
        }

        /// <summary>Stands for "an entry was consumed but gave an error"; never handed out.</summary>
        private static readonly FeedEntry Placeholder = new() { Key = "", Index = 0, Text = "" };

        private bool IsEntry(string name) => _format == FeedFormat.Atom ? name == "entry" : name == "item";

        private CellRadarError Malformed(XmlException ex)
        {
            var at = ex.LineNumber > 0 ? $"line {ex.LineNumber}, position {ex.LinePosition}: " : "";
            var after = _index > 0 ? $" (reading stopped in or after entry {_index})" : "";
            var why = ex.Message.Contains("DTD", StringComparison.Ordinal)
                ? "the feed declares a DTD (<!DOCTYPE>), which is refused: DTD entities can expand without bound or reach outside"
                : ex.Message.Split(" Line ", 2)[0];
            return new(ErrorCode.MalformedFeed, origin, at + why + after);
        }

        private FeedEntry? ReadEntry(out CellRadarError? error)
        {
            error = null;
            var subject = $"{origin} (entry {_index})";
            string? guid = null, link = null, alternate = null, title = null, date = null, updated = null, content = null, summary = null;
            if (reader.IsEmptyElement)
            {
                reader.Read();
                error = new(ErrorCode.MissingText, subject, "the entry is empty");
                return null;
            }
            var depth = reader.Depth;
            reader.Read();
            while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth) && !reader.EOF)
            {
                if (reader.NodeType != XmlNodeType.Element || reader.Depth != depth + 1)
                {
                    reader.Read();
                    continue;
                }
                var ns = reader.NamespaceURI;
                switch (reader.LocalName)
                {
                    case "guid" or "id":
                        guid ??= Plain(ReadField(reader, out _));
                        break;
                    case "link" when ns == AtomNamespace || _format == FeedFormat.Atom || reader.GetAttribute("href") is not null:
                        var rel = reader.GetAttribute("rel");
                        var href = reader.GetAttribute("href");
                        // rel="self", "enclosure", "replies"... name other things than the story.
                        if (rel is null or "alternate") alternate ??= href;
                        reader.Skip();
                        break;
                    case "link":
                        link ??= Plain(ReadField(reader, out _));
                        break;
                    case "title":
                        var titleType = TypeOf(reader);
                        var rawTitle = ReadField(reader, out var titleMarkup);
                        title ??= FieldText(rawTitle, titleMarkup, titleType);
                        break;
                    case "pubDate" or "published" or "issued":
                        date ??= Plain(ReadField(reader, out _));
                        break;
                    case "date" when ns == DublinCoreNamespace:
                        date ??= Plain(ReadField(reader, out _));
                        break;
                    case "updated" or "modified":
                        updated ??= Plain(ReadField(reader, out _));
                        break;
                    case "encoded" when ns == ContentNamespace:
                        content = Text(reader, "html");
                        break;
                    case "content" when reader.GetAttribute("src") is null:
                        content ??= Text(reader, TypeOf(reader) ?? "text");
                        break;
                    case "description":
                        summary ??= Text(reader, "html");
                        break;
                    case "summary":
                        summary ??= Text(reader, TypeOf(reader) ?? "text");
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }
            if (!reader.EOF) reader.Read();

            var url = Absolute(alternate ?? link);
            var text = !string.IsNullOrWhiteSpace(content) ? content! : summary ?? "";
            title = string.IsNullOrWhiteSpace(title) ? null : Collapse(title);
            if (guid is null && url is null && title is null && TextDecoder.IsBlank(text))
            {
                error = new(ErrorCode.MissingText, subject, "the entry has no id, link, title or text");
                return null;
            }
            var key = !string.IsNullOrWhiteSpace(guid) ? guid.Trim() : url is not null ? HashKey("link-", url) : HashKey("entry-", (title ?? "") + "\n" + text);
            if (key.Length > MaxKeyLength) key = HashKey("id-", key);
            return new FeedEntry
            {
                Key = key,
                Index = _index,
                Link = url,
                Title = title,
                Published = FeedDates.Parse(date) ?? FeedDates.Parse(updated),
                Text = text.Trim(),
                Source = _feedTitle,
            };
        }

        /// <summary>Atom's <c>type</c> attribute: text, html or xhtml (MIME types map to the nearest).</summary>
        private static string? TypeOf(XmlReader r) => r.GetAttribute("type")?.Trim().ToLowerInvariant() switch
        {
            null => null,
            "html" or "text/html" => "html",
            "xhtml" or "application/xhtml+xml" => "xhtml",
            _ => "text",
        };

        private static string Text(XmlReader r, string type)
        {
            var value = ReadField(r, out var hadMarkup);
            return FieldText(value, hadMarkup, type);
        }

        /// <summary>RSS fields and Atom html/xhtml hold markup (escaped or as elements); Atom text is plain.</summary>
        private static string FieldText(string value, bool hadMarkup, string? type) =>
            hadMarkup || type is "html" or "xhtml" ? FeedText.FromHtml(value) : FeedText.FromPlain(value);

        private static string Plain(string value) => value.Trim();

        private static string Collapse(string value) => string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

        private string? Absolute(string? value)
        {
            if (string.IsNullOrWhiteSpace(value)) return null;
            var v = value.Trim();
            if ((baseUri ?? _siteLink) is { } b && Uri.TryCreate(b, v, out var resolved)) v = resolved.AbsoluteUri;
            // Links come from untrusted feeds: only absolute http(s) addresses are kept, never javascript: or file:.
            return ItemFields.TryUrl(v, origin, out var url, out _) ? url : null;
        }
    }

    /// <summary>
    /// Reads an element's content: its text, or, when it holds child elements (Atom xhtml, careless RSS), the
    /// markup rebuilt from them with text escaped. Iterative, and tags deeper than <see cref="MaxFieldDepth"/>
    /// are dropped (their text kept), so a field nested ten thousand deep costs no stack and little memory.
    /// </summary>
    internal static string ReadField(XmlReader r, out bool hadMarkup)
    {
        hadMarkup = false;
        if (r.IsEmptyElement)
        {
            r.Read();
            return "";
        }
        var depth = r.Depth;
        var plain = new StringBuilder();
        StringBuilder? markup = null;
        r.Read();
        while (!r.EOF && !(r.NodeType == XmlNodeType.EndElement && r.Depth == depth))
        {
            switch (r.NodeType)
            {
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    plain.Append(r.Value);
                    markup?.Append(System.Net.WebUtility.HtmlEncode(r.Value));
                    break;
                case XmlNodeType.Element:
                    if (markup is null)
                    {
                        markup = new StringBuilder(System.Net.WebUtility.HtmlEncode(plain.ToString()));
                        hadMarkup = true;
                    }
                    if (r.Depth - depth <= MaxFieldDepth)
                    {
                        markup.Append('<').Append(r.LocalName).Append('>');
                        if (r.IsEmptyElement) markup.Append("</").Append(r.LocalName).Append('>');
                    }
                    break;
                case XmlNodeType.EndElement:
                    if (markup is not null && r.Depth - depth <= MaxFieldDepth) markup.Append("</").Append(r.LocalName).Append('>');
                    break;
            }
            r.Read();
        }
        if (!r.EOF) r.Read();
        return markup?.ToString() ?? plain.ToString();
    }
}
