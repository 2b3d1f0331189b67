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
    /// <summary>2: a date the text ties to the act; 1: the publication date standing in (rule 3); 0: a date from a background mention.</summary>
    int DateRank,
    EventStatus Status,
    TextSpan Evidence,
    double Confidence,
    int SentenceIndex,
    bool ProductByReference);
