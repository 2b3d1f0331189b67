using CellRadar.Core.Model;

namespace CellRadar.Core.Evaluation;

/// <summary>A gold event the extractor did not find.</summary>
public sealed record Miss(string ItemId, GoldEvent Gold);

/// <summary>An extracted event that matched no gold event.</summary>
public sealed record FalseEvent(string ItemId, RegulatoryEvent Event);

/// <summary>A matched event whose date differs from the gold's at the gold's precision.</summary>
public sealed record DateError(string ItemId, GoldEvent Gold, RegulatoryEvent Event);

public sealed record EvaluationReport(
    IReadOnlyDictionary<EventKind, KindScore> PerKind,
    KindScore Overall,
    int DatesScored,
    int DatesCorrect,
    int Items,
    IReadOnlyList<Miss> Misses,
    IReadOnlyList<FalseEvent> FalseEvents,
    IReadOnlyList<DateError> DateErrors)
{
    /// <summary>Share of matched events whose date is right; 1 when nothing was matched.</summary>
    public double DateAccuracy => DatesScored == 0 ? 1.0 : (double)DatesCorrect / DatesScored;
}
