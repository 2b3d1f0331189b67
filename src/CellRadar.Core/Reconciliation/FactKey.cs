using CellRadar.Core.Model;

namespace CellRadar.Core.Reconciliation;

/// <summary>
/// What makes two events the same fact: product, kind, subtype family and jurisdiction.
/// <para>Families. For kinds whose subtype says <em>what</em> was granted (<c>designation</c>, <c>access</c>,
/// <c>gmp</c>) the family is the subtype itself: RMAT and Orphan Drug are two facts. For kinds whose subtype
/// only names the paperwork (<c>submission</c>, <c>acceptance</c>, <c>approval</c>, <c>opinion</c>,
/// <c>rejection</c>, <c>withdrawal</c>: BLA, NDA, MAA, sBLA, NDS...) every subtype falls into the family
/// <see cref="MarketingFamily"/>, so "NDA" in one article and "BLA" in the next is one fact with a subtype
/// conflict (EVENTS.md rule 5); <c>trial_authorization</c> subtypes (IND, CTA, CTN) fall into
/// <see cref="TrialFamily"/>.</para>
/// </summary>
public readonly record struct FactKey(string Product, EventKind Kind, string Family, Jurisdiction Jurisdiction)
{
    public const string MarketingFamily = "marketing-application";
    public const string TrialFamily = "trial-application";

    public static FactKey Of(RegulatoryEvent e) =>
        new(e.Product.ToLowerInvariant(), e.Kind, FamilyOf(e.Kind, e.Subtype), e.Jurisdiction);

    public static string FamilyOf(EventKind kind, string subtype) => kind switch
    {
        EventKind.Designation or EventKind.Access or EventKind.Gmp => subtype,
        EventKind.TrialAuthorization => TrialFamily,
        _ => MarketingFamily,
    };

    /// <summary>True when the family keeps the subtype, so differing subtypes are different facts, never a conflict.</summary>
    public bool SubtypeIsIdentity => Kind is EventKind.Designation or EventKind.Access or EventKind.Gmp;

    /// <summary>The stable text form stored as the fact's key: <c>product|kind|family|JJ</c>.</summary>
    public override string ToString() => $"{Product}|{Kind.ToWire()}|{Family}|{Jurisdiction.Code}";

    public static bool TryParse(string text, out FactKey key)
    {
        key = default;
        var parts = text.Split('|');
        if (parts.Length != 4 || !EventKindNames.TryParse(parts[1], out var kind) || !Jurisdiction.TryParse(parts[3], out var j)) return false;
        key = new FactKey(parts[0], kind, parts[2], j);
        return true;
    }
}
