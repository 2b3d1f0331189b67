using System.Text;

namespace CellRadar.Tests;

/// <summary>A strict RFC 4180 reader for checking CSV output: quoted fields, doubled quotes, CRLF rows.</summary>
public static class CsvReader
{
    public static List<string[]> Parse(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0: quoted = true; break;
                case '"': throw new FormatException($"A quote inside an unquoted field at {i}.");
                case ',': row.Add(field.ToString()); field.Clear(); break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    row.Add(field.ToString()); field.Clear();
                    rows.Add([.. row]); row.Clear();
                    i++;
                    break;
                case '\n' or '\r': throw new FormatException($"A bare line break at {i}: rows must end with CRLF.");
                default: field.Append(c); break;
            }
        }
        if (quoted) throw new FormatException("An unterminated quoted field.");
        if (field.Length > 0 || row.Count > 0) throw new FormatException("The last row does not end with CRLF.");
        return rows;
    }
}
