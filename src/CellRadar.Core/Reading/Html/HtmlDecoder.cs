using System.Text;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using CellRadar.Core.Errors;

namespace CellRadar.Core.Reading.Html;

/// <summary>
/// Turns a web page's bytes into text. Order: byte-order mark, then the page's own declaration
/// (<c>&lt;meta charset&gt;</c> or the http-equiv Content-Type), then UTF-8 validity, else Windows-1252.
/// A declaration is not believed blindly: a page declared in a legacy encoding whose bytes are valid,
/// non-ASCII UTF-8 is UTF-8 (templates keep stale declarations; legacy text with 8-bit bytes is almost
/// never valid UTF-8 by chance), and a page declared UTF-8 that is not falls back to Windows-1252.
/// </summary>
public static partial class HtmlDecoder
{
    /// <summary>How far the declaration is looked for: the HTML standard says 1024 bytes, real pages put it later.</summary>
    private const int PrescanBytes = 8192;

    static HtmlDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>
    /// Decodes <paramref name="bytes"/>; null with an error naming <paramref name="subject"/> for empty (E102),
    /// binary (E103) or undecodable (E110) input. <paramref name="encodingName"/> tells which encoding was used.
    /// </summary>
    public static string? Decode(ReadOnlySpan<byte> bytes, string subject, out string encodingName, out CellRadarError? error)
    {
        encodingName = "utf-8";
        if (bytes.IsEmpty || HasBom(bytes))
        {
            // The generic decoder handles byte-order marks strictly and reports empty input.
            var text = TextDecoder.Decode(bytes, subject, out error);
            if (text is not null) encodingName = BomName(bytes);
            return text;
        }

        var declared = Declared(bytes[..Math.Min(bytes.Length, PrescanBytes)]);
        // No usable declaration, a UTF-8 one, or a legacy one contradicted by valid non-ASCII UTF-8:
        // the sniffing decoder decides (UTF-8 when valid, else Windows-1252).
        if (declared is null || declared.CodePage == Encoding.UTF8.CodePage || (HasHighBytes(bytes) && Utf8.IsValid(bytes)))
        {
            var text = TextDecoder.Decode(bytes, subject, out error);
            if (text is not null) encodingName = Utf8.IsValid(bytes) ? "utf-8" : "windows-1252";
            return text;
        }

        if (TextDecoder.LooksBinary(bytes, out var why))
        {
            error = new(ErrorCode.BinaryContent, subject, why);
            return null;
        }
        var decoded = declared.GetString(bytes);
        encodingName = declared.WebName;
        if (TextDecoder.IsBlank(decoded))
        {
            error = new(ErrorCode.EmptyItem, subject, "only white space");
            return null;
        }
        error = null;
        return decoded;
    }

    /// <summary>The encoding the page declares in its first bytes, or null when it declares none this runtime knows.</summary>
    public static Encoding? Declared(ReadOnlySpan<byte> head)
    {
        // The declaration is ASCII whatever the encoding (for the ASCII-compatible ones a page may declare).
        var text = Encoding.Latin1.GetString(head);
        // Matches both <meta charset="x"> and <meta http-equiv="Content-Type" content="text/html; charset=x">.
        var m = MetaCharset().Match(text);
        if (!m.Success) return null;
        return ForLabel(m.Groups["cs"].Value);
    }

    /// <summary>Maps a charset label to an encoding as browsers do (Latin-1 and ASCII mean Windows-1252; UTF-16 in a meta tag means UTF-8).</summary>
    public static Encoding? ForLabel(string label)
    {
        var name = label.Trim().Trim('"', '\'').ToLowerInvariant();
        switch (name)
        {
            case "iso-8859-1" or "latin1" or "latin-1" or "l1" or "us-ascii" or "ascii" or "iso8859-1" or "cp1252" or "windows-1252" or "x-cp1252":
                return Encoding.GetEncoding(1252);
            case "utf-16" or "utf-16le" or "utf-16be" or "unicode" or "utf8" or "utf-8":
                return Encoding.UTF8;
        }
        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            // An unknown label is treated as no declaration: the bytes are sniffed instead.
            return null;
        }
    }

    private static bool HasBom(ReadOnlySpan<byte> b) =>
        b is [0xEF, 0xBB, 0xBF, ..] or [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..];

    private static string BomName(ReadOnlySpan<byte> b) => b switch
    {
        [0xEF, 0xBB, 0xBF, ..] => "utf-8",
        [0xFF, 0xFE, 0x00, 0x00, ..] => "utf-32le",
        [0xFF, 0xFE, ..] => "utf-16le",
        _ => "utf-16be",
    };

    private static bool HasHighBytes(ReadOnlySpan<byte> bytes) => bytes.IndexOfAnyInRange((byte)0x80, (byte)0xFF) >= 0;

    [GeneratedRegex(@"<meta\b[^>]*?\bcharset\s*=\s*[""']?\s*(?<cs>[A-Za-z0-9_:.\-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharset();
}
