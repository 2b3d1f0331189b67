namespace CellRadar.Core.Model;

/// <summary>How much of a date the source text actually states.</summary>
public enum DatePrecision
{
    Year = 1,
    Month = 2,
    Day = 3,
}
