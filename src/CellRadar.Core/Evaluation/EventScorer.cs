using CellRadar.Core.Model;

namespace CellRadar.Core.Evaluation;

/// <summary>
/// Scores extracted events against gold exactly as EVENTS.md "Scoring" says: a match needs equal
/// product, kind and jurisdiction (and subtype for designations); each gold event matches at most
/// once; counts are micro-averaged over all items; dates are scored on matched events only, exact
/// at the gold's precision (an empty gold date wants an empty date).
/// </summary>
public sealed class EventScorer
{
    private readonly Dictionary<EventKind, int[]> _counts = EventKindNames.All.ToDictionary(k => k, _ => new int[3]);
    private readonly List<Miss> _misses = [];
    private readonly List<FalseEvent> _false = [];
    private readonly List<DateError> _dateErrors = [];
    private int _datesScored;
    private int _datesCorrect;
    private int _items;

    public void Add(string itemId, IReadOnlyList<GoldEvent> gold, IReadOnlyList<RegulatoryEvent> predicted)
    {
        _items++;
        var used = new bool[gold.Count];
        foreach (var p in predicted)
        {
            var match = -1;
            // Prefer a gold event whose date also agrees, so a duplicate cannot steal the better pairing.
            for (var pass = 0; pass < 2 && match < 0; pass++)
            {
                for (var i = 0; i < gold.Count; i++)
                {
                    if (used[i] || !Matches(gold[i], p)) continue;
                    if (pass == 0 && !DateCorrect(gold[i].Date, p.Date)) continue;
                    match = i;
                    break;
                }
            }
            if (match < 0)
            {
                _counts[p.Kind][1]++;
                _false.Add(new FalseEvent(itemId, p));
                continue;
            }
            used[match] = true;
            _counts[p.Kind][0]++;
            _datesScored++;
            if (DateCorrect(gold[match].Date, p.Date)) _datesCorrect++;
            else _dateErrors.Add(new DateError(itemId, gold[match], p));
        }
        for (var i = 0; i < gold.Count; i++)
        {
            if (used[i]) continue;
            _counts[gold[i].Kind][2]++;
            _misses.Add(new Miss(itemId, gold[i]));
        }
    }

    public EvaluationReport Report()
    {
        var perKind = _counts.ToDictionary(kv => kv.Key, kv => new KindScore(kv.Value[0], kv.Value[1], kv.Value[2]));
        var overall = perKind.Values.Aggregate(new KindScore(0, 0, 0), (a, b) => a.Add(b));
        return new EvaluationReport(perKind, overall, _datesScored, _datesCorrect, _items, [.. _misses], [.. _false], [.. _dateErrors]);
    }

    public static bool Matches(GoldEvent gold, RegulatoryEvent p) =>
        gold.Kind == p.Kind
        && gold.Jurisdiction == p.Jurisdiction
        && string.Equals(gold.Product, p.Product, StringComparison.OrdinalIgnoreCase)
        && (gold.Kind != EventKind.Designation || string.Equals(gold.Subtype, p.Subtype, StringComparison.OrdinalIgnoreCase));

    public static bool DateCorrect(PartialDate? gold, PartialDate? predicted)
    {
        if (gold is null) return predicted is null;
        if (predicted is null) return false;
        var g = gold.Value;
        var p = predicted.Value;
        return p.Precision >= g.Precision && p.Truncate(g.Precision) == g;
    }
}
