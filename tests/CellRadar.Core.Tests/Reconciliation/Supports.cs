using CellRadar.Core.Model;
using CellRadar.Core.Reconciliation;

namespace CellRadar.Core.Tests.Reconciliation;

/// <summary>Builds supports for reconciler tests; the products, agencies and dates are real, the sentences invented.</summary>
internal static class Supports
{
    public static readonly TrustLevel Regulator = new("regulator", 4, 0.95);
    public static readonly TrustLevel Company = new("company", 3, 0.85);
    public static readonly TrustLevel Press = new("trade-press", 2, 0.7);
    public static readonly TrustLevel Unknown = new("unknown", 1, 0.5);

    public static Support Of(
        string item, EventKind kind = EventKind.Approval, string jurisdiction = "CN", string? date = null, string subtype = "",
        string? published = null, TrustLevel? trust = null, string? publisher = null, string? cluster = null,
        EventStatus status = EventStatus.Occurred, string sponsor = "CARsgen Therapeutics", string product = "zevorcabtagene autoleucel") => new()
    {
        Event = new RegulatoryEvent
        {
            Product = product,
            Kind = kind,
            Subtype = subtype,
            Jurisdiction = Jurisdiction.Parse(jurisdiction),
            Date = date is null ? null : PartialDate.Parse(date),
            Status = status,
            Sponsor = sponsor,
            Agency = "NMPA",
            Evidence = new TextSpan(0, 20),
            EvidenceText = $"Sentence of {item}.",
            Confidence = 0.9,
            ExtractorVersion = "test",
        },
        ItemKey = item,
        ItemHash = "hash-" + item,
        Publisher = publisher ?? item + ".example",
        Published = published is null ? null : PartialDate.Parse(published),
        Trust = trust ?? Press,
        Cluster = cluster ?? "hash-" + item,
    };

    public static Fact Reconcile(params Support[] supports) =>
        FactReconciler.Reconcile(FactKey.Of(supports[0].Event), supports, TrustPolicy.Embedded);
}
