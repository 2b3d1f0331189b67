using System.Text;

namespace CellRadar.Output;

/// <summary>
/// Makes untrusted article text safe to print in a plain-text table: control characters (which could
/// move the cursor or recolour a terminal) become spaces, line breaks fold, and long values are cut.
/// </summary>
internal static class TerminalText
{
    public static string Cell(string? value, int maxLength = int.MaxValue)
    {
        if (string.IsNullOrEmpty(value)) return "";
        var sb = new StringBuilder(Math.Min(value.Length, maxLength));
        var lastWasSpace = false;
        foreach (var ch in value)
        {
            var c = char.IsControl(ch) || char.IsWhiteSpace(ch) ? ' ' : ch;
            if (c == ' ' && lastWasSpace) continue;
            lastWasSpace = c == ' ';
            if (sb.Length == maxLength - 1 && maxLength != int.MaxValue)
            {
                sb.Append('…');
                break;
            }
            sb.Append(c);
        }
        return sb.ToString().Trim();
    }
}
