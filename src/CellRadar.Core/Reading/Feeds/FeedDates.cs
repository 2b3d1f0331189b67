using System.Globalization;
using System.Text.RegularExpressions;
using CellRadar.Core.Model;

namespace CellRadar.Core.Reading.Feeds;

/// <summary>
/// Reads feed dates: RFC 822 (RSS <c>pubDate</c>, <c>Tue, 10 Jun 2025 08:00:00 GMT</c>) and ISO 8601 (Atom,
/// Dublin Core). The date is taken as written, in the publisher's own zone, as for web pages; an unreadable
/// date is treated as absent (the item's dateline can still give one).
/// </summary>
public static partial class FeedDates
{
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    public static PartialDate? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 100) return null;
        var v = value.Trim();
        if (PartialDate.TryParse(v, out var iso) && iso.Precision == DatePrecision.Day) return iso;
        var m = Rfc822().Match(v);
        if (!m.Success) return null;
        var month = Array.IndexOf(Months, m.Groups["mon"].Value[..3].ToLowerInvariant()) + 1;
        var day = int.Parse(m.Groups["d"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
        var year = int.Parse(m.Groups["y"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
        // RFC 822 allowed two-digit years; RFC 1123 feeds use four. Two digits are read as this century or the last.
        if (m.Groups["y"].Length == 2) year += year < 70 ? 2000 : 1900;
        return month > 0 && PartialDate.TryCreate(year, month, day, out var date) ? date : null;
    }

    [GeneratedRegex(@"^(?:[A-Za-z]{3,9},?\s*)?(?<d>\d{1,2})\s+(?<mon>[A-Za-z]{3,9})\.?\s+(?<y>\d{4}|\d{2})\b")]
    private static partial Regex Rfc822();
}
