using System.Text;

namespace CellRadar.Pages;

/// <summary>Builds site-relative URLs whose query values are percent-encoded.</summary>
internal static class Url
{
    /// <summary><paramref name="path"/> with the non-empty parameters as its query.</summary>
    public static string With(string path, params ReadOnlySpan<(string Name, string? Value)> query)
    {
        var url = new StringBuilder(path);
        var first = true;
        foreach (var (name, value) in query)
        {
            if (string.IsNullOrEmpty(value)) continue;
            url.Append(first ? '?' : '&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
            first = false;
        }
        return url.ToString();
    }
}
