using CellRadar.Core.Model;

namespace CellRadar.Core.Extraction;

/// <summary>A frame with its arguments bound: one product in one jurisdiction.</summary>
internal sealed record BoundEvent(
    string Product,
    bool ProductIsNew,
    EventKind Kind,
    string Subtype,
    string Jurisdiction,
    string Agency,
    PartialDate? Date,
    bool DateFromText,
    EventStatus Status,
    TextSpan Evidence,
    double Confidence,
    int SentenceIndex,
    bool ProductByReference);
