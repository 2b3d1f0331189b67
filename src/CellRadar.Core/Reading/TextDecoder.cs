using System.Text;
using System.Text.Unicode;
using CellRadar.Core.Errors;

namespace CellRadar.Core.Reading;

/// <summary>
/// Turns an item's bytes into text. UTF-8 (with or without BOM) and UTF-16/32 with a BOM are decoded
/// strictly; bytes that are not UTF-8 are taken as Windows-1252, the usual encoding of pages saved
/// without one, unless they look like binary data.
/// </summary>
public static class TextDecoder
{
    // Bytes 0x80..0x9F in Windows-1252; the five undefined ones keep their Latin-1 (C1) value.
    private static readonly char[] Cp1252High =
    [
        '\u20AC', '\u0081', '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021', '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', '\u008D', '\u017D', '\u008F',
        '\u0090', '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014', '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', '\u009D', '\u017E', '\u0178',
    ];

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, true);
    private static readonly Encoding StrictUtf16Le = new UnicodeEncoding(false, false, true);
    private static readonly Encoding StrictUtf16Be = new UnicodeEncoding(true, false, true);
    private static readonly Encoding StrictUtf32Le = new UTF32Encoding(false, false, true);

    /// <summary>How many leading bytes are checked for control characters; enough to tell text from data.</summary>
    private const int SniffBytes = 8192;

    /// <summary>
    /// Decodes <paramref name="bytes"/>; on failure returns null and an error naming <paramref name="subject"/>:
    /// E102 empty or white space only, E103 binary (NUL bytes or mostly control characters), E110 text that is
    /// neither valid in its declared encoding nor plausible Windows-1252.
    /// </summary>
    public static string? Decode(ReadOnlySpan<byte> bytes, string subject, out CellRadarError? error)
    {
        error = null;
        if (bytes.IsEmpty) { error = new(ErrorCode.EmptyItem, subject, "the file is empty"); return null; }

        string text;
        if (TryBom(bytes, out var encoding, out var bomLength))
        {
            try
            {
                text = encoding.GetString(bytes[bomLength..]);
            }
            catch (DecoderFallbackException ex)
            {
                error = new(ErrorCode.BadEncoding, subject, $"not valid {encoding.WebName} although it starts with that byte-order mark ({ex.Message})");
                return null;
            }
        }
        else
        {
            if (LooksBinary(bytes, out var why)) { error = new(ErrorCode.BinaryContent, subject, why); return null; }
            if (Utf8.IsValid(bytes))
            {
                text = Encoding.UTF8.GetString(bytes);
            }
            else
            {
                // Not UTF-8: legacy single-byte text is common; data with a high share of 8-bit bytes is not text.
                var high = CountHigh(bytes);
                if (high * 10 > bytes.Length * 3)
                {
                    error = new(ErrorCode.BadEncoding, subject, $"not valid UTF-8, and {high} of {bytes.Length} bytes are 8-bit, too many for Windows-1252 text");
                    return null;
                }
                text = DecodeWindows1252(bytes);
            }
        }

        if (IsBlank(text)) { error = new(ErrorCode.EmptyItem, subject, "only white space"); return null; }
        return text;
    }

    /// <summary>Decodes Windows-1252 (Latin-1 with typographic characters at 0x80..0x9F).</summary>
    public static string DecodeWindows1252(ReadOnlySpan<byte> bytes) => string.Create(bytes.Length, bytes.ToArray(), static (dest, src) =>
    {
        for (var i = 0; i < src.Length; i++)
        {
            var b = src[i];
            dest[i] = b is >= 0x80 and <= 0x9F ? Cp1252High[b - 0x80] : (char)b;
        }
    });

    public static bool IsBlank(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c) && c != '\uFEFF' && c != '\u200B') return false;
        }
        return true;
    }

    private static bool TryBom(ReadOnlySpan<byte> b, out Encoding encoding, out int length)
    {
        (encoding, length) = b switch
        {
            [0xEF, 0xBB, 0xBF, ..] => (StrictUtf8, 3),
            [0xFF, 0xFE, 0x00, 0x00, ..] => (StrictUtf32Le, 4),
            [0xFF, 0xFE, ..] => (StrictUtf16Le, 2),
            [0xFE, 0xFF, ..] => (StrictUtf16Be, 2),
            _ => (StrictUtf8, 0),
        };
        return length > 0;
    }

    /// <summary>True for data that is not text in any single-byte or UTF-8 encoding: a NUL byte, or mostly control characters.</summary>
    internal static bool LooksBinary(ReadOnlySpan<byte> bytes, out string reason)
    {
        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0) { reason = $"NUL byte at offset {nul}"; return true; }
        reason = "mostly control characters";
        return LooksBinary(bytes[..Math.Min(bytes.Length, SniffBytes)]);
    }

    private static bool LooksBinary(ReadOnlySpan<byte> sample)
    {
        var control = 0;
        foreach (var b in sample)
        {
            if (b is < 0x20 and not (byte)'\t' and not (byte)'\n' and not (byte)'\r' and not 0x0C || b == 0x7F) control++;
        }
        // Text has almost none; a tenth is far beyond any real document.
        return control * 10 > sample.Length;
    }

    private static int CountHigh(ReadOnlySpan<byte> bytes)
    {
        var n = 0;
        foreach (var b in bytes) if (b >= 0x80) n++;
        return n;
    }
}
