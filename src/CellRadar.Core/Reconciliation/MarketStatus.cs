using CellRadar.Core.Model;

namespace CellRadar.Core.Reconciliation;

/// <summary>
/// The current stage of one product in one market, the date and fact that set it, the path that led there
/// (each change of stage, in the order the state machine applied them) and the items behind the deciding fact.
/// </summary>
public sealed record MarketStatus
{
    public required string Product { get; init; }
    public required Jurisdiction Jurisdiction { get; init; }
    public required MarketStage Stage { get; init; }
    public PartialDate? Date { get; init; }
    /// <summary>The fact that set the stage.</summary>
    public required FactKey Fact { get; init; }
    public string Agency { get; init; } = "";
    public IReadOnlyList<StatusStep> Steps { get; init; } = [];
    public IReadOnlyList<string> Sources { get; init; } = [];
    /// <summary>True when the deciding fact is unconfirmed (one low-trust source).</summary>
    public bool Unconfirmed { get; init; }
    public RelianceRoute? Reliance { get; init; }
}

/// <summary>One change of stage: to which stage, on which date (if any), by which fact.</summary>
public sealed record StatusStep(MarketStage Stage, PartialDate? Date, FactKey Fact)
{
    public override string ToString() => Date is { } d ? $"{Stage.ToWire()} {d}" : Stage.ToWire();
}
