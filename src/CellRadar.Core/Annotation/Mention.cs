using CellRadar.Core.Model;

namespace CellRadar.Core.Annotation;

/// <summary>What a span of text was recognised as, before any event is decided.</summary>
public enum MentionType
{
    Product,
    Agency,
    Jurisdiction,
    Designation,
    Application,
    Date,
    Cue,
    Company,
    Indication,
}

/// <summary>
/// A recognised span. <see cref="Key"/> is the canonical value (product name, agency short form,
/// jurisdiction code, subtype, cue name, ISO date); <see cref="Detail"/> carries a second value
/// where a type needs one (an agency's jurisdiction code, a date's precision marker).
/// </summary>
public sealed record Mention(MentionType Type, TextSpan Span, string Key, string Detail = "")
{
    public int Start => Span.Start;
    public int End => Span.End;
}
