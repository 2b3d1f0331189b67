using System.Buffers;

namespace CellRadar.Core.Cleaning;

/// <summary>
/// Brings scraped text to one form before it is judged: <c>\n</c> line ends, no-break and odd spaces as
/// plain spaces, zero-width characters gone, runs of spaces folded, lines trimmed. One pass, one string.
/// </summary>
internal static class TextNormalizer
{
    public static string Normalize(string text)
    {
        // The result is never longer than the input, so one pooled buffer holds it and the only allocation is the string.
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(1, text.Length));
        var n = 0;
        var lineStart = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\r':
                    if (i + 1 < text.Length && text[i + 1] == '\n') continue;
                    goto case '\n';
                case '\n':
                case '\u2028':
                case '\u2029':
                    n = TrimEnd(buffer, n, lineStart);
                    buffer[n++] = '\n';
                    lineStart = n;
                    continue;
                case '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD':
                    continue;
            }
            if (c == ' ' || c == '\t' || c == '\u00A0' || c == '\u2007' || c == '\u202F' || c == '\f' || c == '\v' || (c >= '\u2000' && c <= '\u200A'))
            {
                // Leading spaces of a line and repeats are dropped.
                if (n == lineStart || buffer[n - 1] == ' ') continue;
                buffer[n++] = ' ';
                continue;
            }
            buffer[n++] = c;
        }
        n = TrimEnd(buffer, n, lineStart);
        var result = new string(buffer, 0, n);
        ArrayPool<char>.Shared.Return(buffer);
        return result;
    }

    /// <summary>The length of <paramref name="buffer"/>'s first <paramref name="n"/> characters without the spaces ending the current line.</summary>
    private static int TrimEnd(char[] buffer, int n, int lineStart)
    {
        while (n > lineStart && buffer[n - 1] == ' ') n--;
        return n;
    }
}
