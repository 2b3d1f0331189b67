namespace CellRadar.Core.Pipeline;

/// <summary>Names of what a component needs from, or adds to, a <see cref="Document"/>.</summary>
public static class Layer
{
    /// <summary>The publication date (from metadata or the item's own dateline).</summary>
    public const string Published = "published";
    /// <summary>The cleaned text that evidence offsets point into.</summary>
    public const string CleanText = "clean-text";
    public const string Sentences = "sentences";
    public const string Mentions = "mentions";
    public const string Events = "events";
}
