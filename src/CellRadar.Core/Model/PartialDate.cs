using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace CellRadar.Core.Model;

/// <summary>
/// A calendar date known only as precisely as the source states it. "June 2023" stays a month:
/// it stands for the days 2023-06-01 to 2023-06-30, and is never silently turned into 1 June.
/// </summary>
public readonly record struct PartialDate : IComparable<PartialDate>
{
    private PartialDate(int year, int month, int day, DatePrecision precision)
    {
        Year = year;
        Month = month;
        Day = day;
        Precision = precision;
    }

    public int Year { get; }

    /// <summary>1..12, or 0 when the precision is <see cref="DatePrecision.Year"/>.</summary>
    public int Month { get; }

    /// <summary>1..31, or 0 when the precision is coarser than a day.</summary>
    public int Day { get; }

    public DatePrecision Precision { get; }

    /// <summary>The first day the date can stand for.</summary>
    public DateOnly Start => new(Year, Month == 0 ? 1 : Month, Day == 0 ? 1 : Day);

    /// <summary>The last day the date can stand for.</summary>
    public DateOnly End => Precision switch
    {
        DatePrecision.Day => new DateOnly(Year, Month, Day),
        DatePrecision.Month => new DateOnly(Year, Month, DateTime.DaysInMonth(Year, Month)),
        _ => new DateOnly(Year, 12, 31),
    };

    public static PartialDate OfYear(int year)
    {
        CheckYear(year);
        return new PartialDate(year, 0, 0, DatePrecision.Year);
    }

    public static PartialDate OfMonth(int year, int month)
    {
        CheckYear(year);
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        return new PartialDate(year, month, 0, DatePrecision.Month);
    }

    public static PartialDate OfDay(int year, int month, int day)
    {
        var checkedMonth = OfMonth(year, month);
        ArgumentOutOfRangeException.ThrowIfLessThan(day, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(day, DateTime.DaysInMonth(year, month));
        return new PartialDate(checkedMonth.Year, month, day, DatePrecision.Day);
    }

    public static PartialDate OfDay(DateOnly date) => new(date.Year, date.Month, date.Day, DatePrecision.Day);

    /// <summary>True when a valid date with these parts exists; used by parsers that must not throw.</summary>
    public static bool TryCreate(int year, int month, int day, out PartialDate date)
    {
        date = default;
        if (year is < 1900 or > 2199) return false;
        if (month == 0) { if (day != 0) return false; date = OfYear(year); return true; }
        if (month is < 1 or > 12) return false;
        if (day == 0) { date = OfMonth(year, month); return true; }
        if (day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        date = OfDay(year, month, day);
        return true;
    }

    /// <summary>The same date cut to a coarser precision (a finer one is never invented).</summary>
    public PartialDate Truncate(DatePrecision precision) => precision >= Precision ? this : precision switch
    {
        DatePrecision.Year => OfYear(Year),
        DatePrecision.Month => OfMonth(Year, Month),
        _ => this,
    };

    /// <summary>True when every day this date stands for lies within <paramref name="other"/>.</summary>
    public bool IsWithin(PartialDate other) => Start >= other.Start && End <= other.End;

    /// <summary>Parses <c>YYYY</c>, <c>YYYY-MM</c>, <c>YYYY-MM-DD</c>, or an ISO 8601 timestamp (its date part).</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out PartialDate date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = text.AsSpan().Trim();
        if (s.Length > 10 && (s[10] == 'T' || s[10] == ' ')) s = s[..10];
        static bool Num(ReadOnlySpan<char> p, int len, out int v)
        {
            v = 0;
            return p.Length == len && int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out v);
        }
        return s.Length switch
        {
            4 => Num(s, 4, out var y) && TryCreate(y, 0, 0, out date),
            7 => s[4] == '-' && Num(s[..4], 4, out var y) && Num(s[5..7], 2, out var m) && TryCreate(y, m, 0, out date),
            10 => s[4] == '-' && s[7] == '-' && Num(s[..4], 4, out var y) && Num(s[5..7], 2, out var m)
                  && Num(s[8..10], 2, out var d) && TryCreate(y, m, d, out date),
            _ => false,
        };
    }

    public static PartialDate Parse(string text) =>
        TryParse(text, out var d) ? d : throw new FormatException($"'{text}' is not YYYY, YYYY-MM or YYYY-MM-DD.");

    /// <summary>Orders by the first day, then coarser before finer (so "2023" sorts before "2023-01").</summary>
    public int CompareTo(PartialDate other)
    {
        var c = Start.CompareTo(other.Start);
        return c != 0 ? c : Precision.CompareTo(other.Precision);
    }

    public static bool operator <(PartialDate a, PartialDate b) => a.CompareTo(b) < 0;
    public static bool operator >(PartialDate a, PartialDate b) => a.CompareTo(b) > 0;
    public static bool operator <=(PartialDate a, PartialDate b) => a.CompareTo(b) <= 0;
    public static bool operator >=(PartialDate a, PartialDate b) => a.CompareTo(b) >= 0;

    public override string ToString() => Precision switch
    {
        DatePrecision.Day => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}-{Day:D2}"),
        DatePrecision.Month => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}"),
        DatePrecision.Year => Year.ToString("D4", CultureInfo.InvariantCulture),
        _ => "",
    };

    private static void CheckYear(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
    }
}
