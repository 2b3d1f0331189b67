namespace CellRadar.Core.Model;

/// <summary>One regulatory event stated by one news item, tied to the text that states it.</summary>
public sealed record RegulatoryEvent
{
    /// <summary>Canonical product name: the INN in lower case where one is known, else the code or brand as written.</summary>
    public required string Product { get; init; }

    /// <summary>True when the product is not in the reference catalog (found from an INN shape or a sponsor code).</summary>
    public bool ProductIsNew { get; init; }

    public required EventKind Kind { get; init; }

    /// <summary>Designation (<c>RMAT</c>, <c>PRIME</c>...) or application type (<c>BLA</c>, <c>NDA</c>...); empty when unstated.</summary>
    public string Subtype { get; init; } = "";

    public required Jurisdiction Jurisdiction { get; init; }

    /// <summary>Short form of the acting body (<c>FDA</c>, <c>DOH</c>); empty when unknown.</summary>
    public string Agency { get; init; } = "";

    public PartialDate? Date { get; init; }

    public EventStatus Status { get; init; }

    public string Sponsor { get; init; } = "";

    public string Indication { get; init; } = "";

    /// <summary>The sentence(s) that state the event, as offsets into the cleaned text.</summary>
    public required TextSpan Evidence { get; init; }

    /// <summary>The evidence sentence's text (a copy of the cleaned text at <see cref="Evidence"/>).</summary>
    public required string EvidenceText { get; init; }

    /// <summary>0..1: how sure the extractor is, from the strength of the evidence.</summary>
    public double Confidence { get; init; }

    /// <summary>Which extractor made it, so stored events can be re-derived when the rules change.</summary>
    public required string ExtractorVersion { get; init; }
}
