using System.Security.Cryptography;
using System.Text;

namespace CellRadar.Core.Model;

/// <summary>
/// The identity of an item's content for de-duplication: SHA-256 of its title and body with white
/// space folded, so the same article re-saved with other line endings or indentation is one item.
/// </summary>
public static class ContentHash
{
    public static string Of(NewsItem item)
    {
        var sb = new StringBuilder((item.Title?.Length ?? 0) + item.Body.Length + 1);
        AppendFolded(sb, item.Title ?? "");
        sb.Append('\n');
        AppendFolded(sb, item.Body);
        var bytes = Encoding.UTF8.GetBytes(sb.ToString());
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    private static void AppendFolded(StringBuilder sb, string text)
    {
        var pendingSpace = false;
        foreach (var ch in text)
        {
            if (char.IsWhiteSpace(ch)) { pendingSpace = sb.Length > 0; continue; }
            if (pendingSpace) { sb.Append(' '); pendingSpace = false; }
            sb.Append(ch);
        }
    }
}
