using CellRadar.Core.Annotation;
using CellRadar.Core.Model;

namespace CellRadar.Core.Extraction;

/// <summary>A candidate event anchored on one cue, before its arguments are bound.</summary>
internal sealed class Frame
{
    public required Mention Anchor { get; init; }
    public required EventKind Kind { get; set; }
    public string Subtype { get; set; } = "";
    public EventStatus Status { get; set; } = EventStatus.Occurred;
    /// <summary>Jurisdiction fixed by the term itself (RMAT is American), with its agency.</summary>
    public string FixedJurisdiction { get; init; } = "";
    public string FixedAgency { get; init; } = "";
    /// <summary>A hint from the application term (sBLA: US) used only when nothing else binds.</summary>
    public string HintJurisdiction { get; set; } = "";
    /// <summary>0..1 from the kind of cue: a verb of the act itself is strong, a bare noun weaker.</summary>
    public double CueStrength { get; init; } = 0.8;
    public string Rule { get; init; } = "";
}
