using System.Buffers;

namespace CellRadar.Output;

/// <summary>RFC 4180 CSV fields, guarded against spreadsheet formula injection from article text.</summary>
internal static class Csv
{
    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",\"\r\n");

    /// <summary>
    /// Quotes a field when it holds a comma, quote or line break. A text field starting with <c>= + - @</c>
    /// would run as a formula in a spreadsheet, so it gets a leading apostrophe (the OWASP advice).
    /// </summary>
    public static string Text(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.AsSpan().IndexOfAny(NeedsQuotes) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    public static void WriteRow(TextWriter writer, params ReadOnlySpan<string> fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0) writer.Write(',');
            writer.Write(fields[i]);
        }
        writer.Write("\r\n");
    }
}
