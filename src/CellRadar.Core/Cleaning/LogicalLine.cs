namespace CellRadar.Core.Cleaning;

/// <summary>
/// One line of the normalised text as the cleaner sees it: a slice of that text, or, when hard-wrapped
/// physical lines were joined into one paragraph, its own string.
/// </summary>
internal struct LogicalLine
{
    public int Start;
    public int End;
    public string? Joined;
    public LineSignal Signal;
    public bool Drop;

    /// <summary>Furniture was cut from the front of this line, so the line before it sat next to furniture.</summary>
    public bool GluedBefore;

    public readonly ReadOnlySpan<char> Text(string normalized) => Joined is null ? normalized.AsSpan(Start, End - Start) : Joined;
}
