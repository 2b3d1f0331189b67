using CellRadar.Core.Model;

namespace CellRadar.Core.Dates;

/// <summary>
/// Turns a date expression into a date, leaning on the publication date for what the text leaves out,
/// and never returning more precision than the text gives: a quarter yields its year, "in March" a month.
/// </summary>
public static class DateResolver
{
    /// <param name="expression">What the text states.</param>
    /// <param name="published">The item's publication date, if known.</param>
    /// <param name="direction">Past for events that occurred, future for expected ones; decides which March "in March" is.</param>
    public static PartialDate? Resolve(in DateExpression expression, PartialDate? published, TimeDirection direction)
    {
        var e = expression;
        return e.Kind switch
        {
            DateExpressionKind.Date when e.Year > 0 => Create(e.Year, e.Month, e.Day),
            DateExpressionKind.Date when e.Month > 0 && published is { } p => NearestMonthDay(e.Month, e.Day, p, direction),
            DateExpressionKind.RelativeMonthName when published is { Precision: >= DatePrecision.Month } p => RelativeMonthName(e.Month, e.Offset ?? 0, p),
            DateExpressionKind.Weekday when published is { Precision: DatePrecision.Day } p => Weekday(e.Weekday!.Value, e.Offset ?? 0, p.Start, direction),
            DateExpressionKind.RelativeDay when published is { } p => RelativeDay(e.Offset ?? 0, p),
            DateExpressionKind.RelativeWeek when published is { Precision: DatePrecision.Day } p => Week(p.Start.AddDays(7 * (e.Offset ?? 0))),
            DateExpressionKind.RelativeMonth when published is { Precision: >= DatePrecision.Month } p => AddMonths(p, e.Offset ?? 0),
            DateExpressionKind.RelativeYear when published is { } p => Create(p.Year + (e.Offset ?? 0), 0, 0),
            DateExpressionKind.Quarter => Period(e.Year, e.Offset, (e.Quarter - 1) * 3 + 1, 3, published, direction),
            DateExpressionKind.DayOfMonth when published is { Precision: DatePrecision.Day } p => DayOfMonth(e.Day, p.Start, direction),
            DateExpressionKind.Half => Period(e.Year, e.Offset, (e.Half - 1) * 6 + 1, 6, published, direction),
            _ => null,
        };
    }

    private static PartialDate? Create(int year, int month, int day) =>
        PartialDate.TryCreate(year, month, day, out var d) ? d : null;

    /// <summary>
    /// The year of a month (and day) stated without one: the latest on or before publication for the past,
    /// the earliest on or after it for the future. A year-only publication date can only say "that year".
    /// </summary>
    private static PartialDate? NearestMonthDay(int month, int day, PartialDate published, TimeDirection direction)
    {
        var year = published.Year;
        if (published.Precision >= DatePrecision.Month)
        {
            var c = month.CompareTo(published.Month);
            if (c == 0 && day > 0 && published.Precision == DatePrecision.Day) c = day.CompareTo(published.Day);
            if (direction == TimeDirection.Past && c > 0) year--;
            if (direction == TimeDirection.Future && c < 0) year++;
        }
        // 29 February exists only in leap years: keep going the same way until one comes.
        for (var i = 0; i < 8; i++)
        {
            if (PartialDate.TryCreate(year, month, day, out var d)) return d;
            year += direction == TimeDirection.Past ? -1 : 1;
        }
        return null;
    }

    /// <summary>"last June" is the June before the publication month, "next June" the one after, "this June" the publication year's.</summary>
    private static PartialDate? RelativeMonthName(int month, int offset, PartialDate published)
    {
        var year = offset switch
        {
            < 0 => month < published.Month ? published.Year : published.Year - 1,
            > 0 => month > published.Month ? published.Year : published.Year + 1,
            _ => published.Year,
        };
        return Create(year, month, 0);
    }

    /// <summary>"on Friday": the Friday on or before publication for the past, on or after for the future; "last"/"next" skip the publication day.</summary>
    private static PartialDate Weekday(DayOfWeek weekday, int offset, DateOnly published, TimeDirection direction)
    {
        var back = ((int)published.DayOfWeek - (int)weekday + 7) % 7;
        var ahead = ((int)weekday - (int)published.DayOfWeek + 7) % 7;
        var date = offset switch
        {
            < 0 => published.AddDays(-(back == 0 ? 7 : back)),
            > 0 => published.AddDays(ahead == 0 ? 7 : ahead),
            _ => direction == TimeDirection.Past ? published.AddDays(-back) : published.AddDays(ahead),
        };
        return PartialDate.OfDay(date);
    }

    private static PartialDate? RelativeDay(int offset, PartialDate published)
    {
        if (offset == 0) return published;
        return published.Precision == DatePrecision.Day ? PartialDate.OfDay(published.Start.AddDays(offset)) : null;
    }

    /// <summary>
    /// "on the 19th": that day of the publication month when it is on the right side of publication, else of
    /// the month before (past) or after (future); a day the month lacks moves one month further.
    /// </summary>
    private static PartialDate? DayOfMonth(int day, DateOnly published, TimeDirection direction)
    {
        var month = new DateOnly(published.Year, published.Month, 1);
        if (direction == TimeDirection.Past && day > published.Day) month = month.AddMonths(-1);
        if (direction == TimeDirection.Future && day < published.Day) month = month.AddMonths(1);
        for (var i = 0; i < 3; i++)
        {
            if (day <= DateTime.DaysInMonth(month.Year, month.Month)) return PartialDate.OfDay(new DateOnly(month.Year, month.Month, day));
            month = month.AddMonths(direction == TimeDirection.Past ? -1 : 1);
        }
        return null;
    }

    /// <summary>A week (Monday to Sunday) is a month when it lies in one, else a year when it lies in one.</summary>
    private static PartialDate? Week(DateOnly day)
    {
        var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        var sunday = monday.AddDays(6);
        if (monday.Year != sunday.Year) return null;
        return monday.Month == sunday.Month ? Create(monday.Year, monday.Month, 0) : Create(monday.Year, 0, 0);
    }

    private static PartialDate? AddMonths(PartialDate published, int offset)
    {
        var index = published.Year * 12 + (published.Month - 1) + offset;
        return Create(index / 12, index % 12 + 1, 0);
    }

    /// <summary>
    /// A quarter or half is never one month, so it resolves to its year: the stated one, the one relative to
    /// publication ("of next year"), or for a bare "the third quarter" the nearest in the given direction.
    /// </summary>
    private static PartialDate? Period(int year, int? offset, int firstMonth, int months, PartialDate? published, TimeDirection direction)
    {
        if (year > 0) return Create(year, 0, 0);
        if (published is not { } p) return null;
        if (offset is { } o) return Create(p.Year + o, 0, 0);
        if (p.Precision == DatePrecision.Year) return Create(p.Year, 0, 0);
        var lastMonth = firstMonth + months - 1;
        var y = p.Year;
        if (direction == TimeDirection.Past && firstMonth > p.Month) y--;
        if (direction == TimeDirection.Future && lastMonth < p.Month) y++;
        return Create(y, 0, 0);
    }
}
