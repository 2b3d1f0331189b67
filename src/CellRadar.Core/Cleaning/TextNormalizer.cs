using System.Text;

namespace CellRadar.Core.Cleaning;

/// <summary>
/// Brings scraped text to one form before it is judged: <c>\n</c> line ends, no-break and odd spaces as
/// plain spaces, zero-width characters gone, runs of spaces folded, lines trimmed. One pass, one string.
/// </summary>
internal static class TextNormalizer
{
    public static string Normalize(string text)
    {
        var sb = new StringBuilder(text.Length);
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
                    TrimEnd(sb, lineStart);
                    sb.Append('\n');
                    lineStart = sb.Length;
                    continue;
                case '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD':
                    continue;
            }
            if (c == ' ' || c == '\t' || c == '\u00A0' || c == '\u2007' || c == '\u202F' || c == '\f' || c == '\v' || (c >= '\u2000' && c <= '\u200A'))
            {
                // Leading spaces of a line and repeats are dropped.
                if (sb.Length == lineStart || sb[^1] == ' ') continue;
                sb.Append(' ');
                continue;
            }
            sb.Append(c);
        }
        TrimEnd(sb, lineStart);
        return sb.ToString();
    }

    private static void TrimEnd(StringBuilder sb, int lineStart)
    {
        while (sb.Length > lineStart && sb[^1] == ' ') sb.Length--;
    }
}
