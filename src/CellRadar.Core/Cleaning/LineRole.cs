namespace CellRadar.Core.Cleaning;

/// <summary>What a line is, judged on its own; the cleaner then looks at neighbours and blocks.</summary>
internal enum LineRole
{
    /// <summary>Article text, or a line with only weak furniture signs (see <see cref="LineSignal.Score"/>).</summary>
    Content,
    /// <summary>Certainly furniture: a UI word, a share counter, a sponsor line, a newsletter box.</summary>
    Furniture,
    /// <summary>Opens a promotion ("Reserve your FREE place"); everything up to a <see cref="BlockEnd"/> nearby goes with it.</summary>
    BlockStart,
    /// <summary>Closes a promotion ("Register for FREE").</summary>
    BlockEnd,
    /// <summary>Heads a list of other stories ("Most read"); the headline-like lines under it go with it.</summary>
    ListHeading,
    /// <summary>Heads an author biography; the paragraph under it goes with it.</summary>
    BioHeading,
}

/// <summary>The classifier's verdict on one line: a role, and for content lines how furniture-like they are (0 = not at all).</summary>
internal readonly record struct LineSignal(LineRole Role, int Score)
{
    public static LineSignal Clean { get; } = new(LineRole.Content, 0);

    public bool IsFurniture => Role != LineRole.Content;
}
