using CellRadar.Core.Model;

namespace CellRadar.Core.Extraction;

/// <summary>
/// One event per (product, kind, jurisdiction) per item, per subtype for designations (rule 1):
/// the most precise date wins, the earliest between equals; the occurred status beats ongoing beats
/// expected; a past filing mentioned beside its acceptance or approval is not a second event (rule 12).
/// </summary>
internal static class EventMerger
{
    public static List<BoundEvent> Merge(List<BoundEvent> found)
    {
        var merged = new List<BoundEvent>();
        foreach (var g in found.GroupBy(e => (e.Product, e.Kind, e.Jurisdiction, Designation: e.Kind == EventKind.Designation ? e.Subtype : "")))
        {
            var all = g.ToList();
            // The evidence shown is the sentence that names the product itself, the strongest first.
            var best = all.OrderBy(e => e.ProductByReference).ThenByDescending(e => e.Confidence).ThenBy(e => e.SentenceIndex).First();
            // Rule 1: a date the text ties to the act beats the publication date standing in for one
            // (rule 3), which beats a date from a background mention ("approved since 2017"); then the
            // most precise; between equals the first (the initial approval, not a later expansion).
            var dated = all.Where(e => e.Date is not null)
                .OrderByDescending(e => e.DateRank)
                .ThenByDescending(e => e.Date!.Value.Precision)
                .ThenBy(e => e.Date!.Value)
                .FirstOrDefault();
            var status = all.Min(e => e.Status);
            var subtype = all.Select(e => e.Subtype).FirstOrDefault(st => st.Length > 0) ?? "";
            var agency = all.Where(e => e.Agency.Length > 0).OrderByDescending(e => e.Confidence).Select(e => e.Agency).FirstOrDefault() ?? "";
            var confidence = Math.Min(0.99, all.Max(e => e.Confidence) + 0.02 * (all.Count - 1));
            merged.Add(best with
            {
                Date = dated?.Date,
                Evidence = dated?.DateRank == 2 ? dated.Evidence : best.Evidence,
                Status = status,
                Subtype = subtype,
                Agency = agency,
                Confidence = Math.Round(confidence, 2),
            });
        }
        // Only a past filing is subsumed; "plans to resubmit" after a refusal is an act of its own.
        // A filing dated after the approval it sits beside ("filed for full approval" after a conditional
        // one) is a new application, not the one approved.
        // A report of an acceptance always carries its filing ("filed the application in November" is the
        // filing accepted); beside an approval or a review still running, a filing stated in a sentence of its own with its own date ("The
        // company had filed its application in March.") is reported as its own act (rule 12) and stays.
        merged.RemoveAll(e => e.Kind == EventKind.Submission && e.Status == EventStatus.Occurred && merged.Any(o =>
            o.Product == e.Product && o.Jurisdiction == e.Jurisdiction
            && (o.Kind == EventKind.Acceptance && o.Status == EventStatus.Occurred
                || o.Kind is EventKind.Acceptance or EventKind.Approval && o.Status != EventStatus.Expected && !OwnDatedFiling(found, e))
            && !(e.DateRank == 2 && e.Date is { } filed && o.Date is { } decided && filed.Start > decided.End)));
        return merged;
    }

    private static bool OwnDatedFiling(List<BoundEvent> found, BoundEvent filing)
    {
        foreach (var x in found)
        {
            if (x.Kind != EventKind.Submission || x.DateRank != 2 || x.Product != filing.Product || x.Jurisdiction != filing.Jurisdiction) continue;
            var shared = false;
            foreach (var y in found)
                if (y.SentenceIndex == x.SentenceIndex && y.Product == x.Product && y.Kind is EventKind.Approval or EventKind.Acceptance) { shared = true; break; }
            if (!shared) return true;
        }
        return false;
    }
}
