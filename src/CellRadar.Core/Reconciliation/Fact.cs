using CellRadar.Core.Model;

namespace CellRadar.Core.Reconciliation;

/// <summary>
/// What all sources together say about one <see cref="FactKey"/>: the dates (decision and announcement, labelled),
/// the sponsors each source names, every supporting source, the disagreements, and how far it is corroborated.
/// </summary>
public sealed record Fact
{
    public required FactKey Key { get; init; }

    /// <summary>The application type or designation most trusted sources state; empty when none does.</summary>
    public string Subtype { get; init; } = "";

    /// <summary>Occurred when any source reports the act, else ongoing, else expected.</summary>
    public EventStatus Status { get; init; }

    /// <summary>When it happened: the most precise date the agreeing sources allow.</summary>
    public PartialDate? DecisionDate { get; init; }

    /// <summary>A later date that is only the publication day of a report of it (the announcement or gazette date).</summary>
    public PartialDate? AnnouncedDate { get; init; }

    /// <summary>The earliest day the news carried it: the earliest publication date among its sources.</summary>
    public PartialDate? FirstReported { get; init; }

    /// <summary>When this store first saw a source of it.</summary>
    public DateTimeOffset? FirstSeen { get; init; }

    /// <summary>Days from the decision to the first report, when both are known to the day.</summary>
    public int? LatencyDays { get; init; }

    public string Agency { get; init; } = "";

    /// <summary>Each sponsor named, with the items naming it (holders differ by market; nothing is merged).</summary>
    public IReadOnlyList<ConflictValue> Sponsors { get; init; } = [];

    public IReadOnlyList<string> Indications { get; init; } = [];

    public IReadOnlyList<FactSupport> Supports { get; init; } = [];

    public IReadOnlyList<FactConflict> Conflicts { get; init; } = [];

    /// <summary>0..1: grows with independent sources and their trust.</summary>
    public double Confidence { get; init; }

    /// <summary>Sources that are not reprints of one text and not the same publisher.</summary>
    public int IndependentSources { get; init; }

    /// <summary>Seen once, on a source below the trust file's confirmation rank.</summary>
    public bool Unconfirmed { get; init; }

    public RelianceRoute? Reliance { get; init; }

    /// <summary>The date the fact is placed at: its decision date, else its announcement date.</summary>
    public PartialDate? Date => DecisionDate ?? AnnouncedDate;
}
