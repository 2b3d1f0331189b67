using CellRadar.Core.Model;

namespace CellRadar.Core.Evaluation;

/// <summary>One hand-written event of a gold file (EVENTS.md "Gold files").</summary>
public sealed record GoldEvent(
    string Product,
    EventKind Kind,
    string Subtype,
    Jurisdiction Jurisdiction,
    string Agency,
    PartialDate? Date,
    EventStatus Status,
    string Sponsor,
    string Indication);
