using CellRadar.Core.Model;

namespace CellRadar.Core.Dates;

/// <summary>
/// One date expression found in text, with exactly what it states: parts not written are 0 (or null),
/// so "June 2023" never becomes 1 June and "in March" has no year until it is resolved.
/// </summary>
public readonly record struct DateExpression
{
    public required TextSpan Span { get; init; }

    public required DateExpressionKind Kind { get; init; }

    /// <summary>The year as written, or 0.</summary>
    public int Year { get; init; }

    /// <summary>1..12 as written, or 0.</summary>
    public int Month { get; init; }

    /// <summary>1..31 as written, or 0.</summary>
    public int Day { get; init; }

    public DayOfWeek? Weekday { get; init; }

    /// <summary>1..4 for <see cref="DateExpressionKind.Quarter"/>, else 0.</summary>
    public int Quarter { get; init; }

    /// <summary>1..2 for <see cref="DateExpressionKind.Half"/>, else 0.</summary>
    public int Half { get; init; }

    public PeriodPart Part { get; init; }

    /// <summary>
    /// For relative kinds, how many units from the publication date ("last" -1, "this" 0, "next" +1); for a
    /// quarter or half, the year relative to publication ("of next year" +1); null when the text gives none.
    /// </summary>
    public int? Offset { get; init; }

    /// <summary>The date the text states on its own, with no publication date to lean on; null when it needs one.</summary>
    public PartialDate? Absolute => DateResolver.Resolve(this, null, TimeDirection.Past);

    public override string ToString() => $"{Kind}{Span} y={Year} m={Month} d={Day}";
}
