namespace CellRadar.Core.Dates;

/// <summary>What a date expression states, before it is resolved against a publication date.</summary>
public enum DateExpressionKind
{
    /// <summary>Some of year, month and day as written: "30 June 2023", "June 2023", "in 2023", "in March", "9 December", "early 2026".</summary>
    Date,
    /// <summary>A month named relative to now: "last June", "next March", "this September" (<see cref="DateExpression.Offset"/> -1, +1, 0).</summary>
    RelativeMonthName,
    /// <summary>"on Friday", "last Monday", "next Tuesday".</summary>
    Weekday,
    /// <summary>"today" (0), "yesterday" (-1), "tomorrow" (+1).</summary>
    RelativeDay,
    /// <summary>"this week", "last week", "next week".</summary>
    RelativeWeek,
    /// <summary>"earlier this month", "last month", "next month".</summary>
    RelativeMonth,
    /// <summary>"later this year", "last year", "by the end of the year".</summary>
    RelativeYear,
    /// <summary>"Q3 2025", "the third quarter of 2025", "the fourth quarter".</summary>
    Quarter,
    /// <summary>"H2 2026", "the second half of 2026", "the first half of next year".</summary>
    Half,
    /// <summary>"on the 19th" (translated Korean and Japanese releases): a day of the publication month or the one before or after.</summary>
    DayOfMonth,
}

/// <summary>Which part of a year or month a phrase names ("early 2026", "mid-March", "by the end of 2025").</summary>
public enum PeriodPart
{
    None,
    Early,
    Mid,
    Late,
    End,
}

/// <summary>Which way an event lies from the publication date: past for occurred events, future for expected ones.</summary>
public enum TimeDirection
{
    Past,
    Future,
}
