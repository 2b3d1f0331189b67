using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace CellRadar.Core.Reading;

/// <summary>
/// Stop-gap text from an HTML fragment (a JSON item's <c>html</c> field) until the real HTML reader
/// exists: drops scripts, styles and tags, turns block ends into paragraph breaks, decodes entities.
/// </summary>
public static partial class CrudeHtmlText
{
    public static string ToText(string html)
    {
        var s = InvisibleBlock().Replace(html, " ");
        s = BlockBoundary().Replace(s, "\n\n");
        s = LineBreak().Replace(s, "\n");
        s = AnyTag().Replace(s, "");
        s = WebUtility.HtmlDecode(s);
        // Fold runs of spaces inside lines; paragraph breaks stay.
        var sb = new StringBuilder(s.Length);
        foreach (var raw in s.Split('\n'))
        {
            var line = SpaceRun().Replace(raw, " ").Trim();
            if (line.Length == 0)
            {
                if (sb.Length > 0 && !EndsWithBlankLine(sb)) sb.Append('\n');
                continue;
            }
            sb.Append(line).Append('\n');
        }
        return sb.ToString().Trim();
    }

    private static bool EndsWithBlankLine(StringBuilder sb) => sb.Length >= 2 && sb[^1] == '\n' && sb[^2] == '\n';

    [GeneratedRegex(@"<(script|style|noscript|template)\b[^>]*>.*?</\1\s*>|<!--.*?-->", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex InvisibleBlock();

    [GeneratedRegex(@"</?(p|div|section|article|h[1-6]|li|ul|ol|blockquote|table|tr|header|footer)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockBoundary();

    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex AnyTag();

    [GeneratedRegex(@"[ \t\f\v\u00A0]+")]
    private static partial Regex SpaceRun();
}
