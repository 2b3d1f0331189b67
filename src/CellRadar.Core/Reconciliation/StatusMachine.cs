using CellRadar.Core.Model;

namespace CellRadar.Core.Reconciliation;

/// <summary>
/// The stage of a product in one market, from its facts there, by explicit transitions.
/// <para>What each fact signals: a designation → designated; a trial authorisation → in trials; a filed
/// submission → filed; an acceptance, an opinion or an <em>expected</em> approval (a PDUFA date) → under review;
/// an approval → approved; a rejection → rejected; a withdrawal → withdrawn. Planned submissions, expected
/// rejections, access programmes and GMP outcomes signal nothing.</para>
/// <para>Transitions: on the ladder (designated &lt; in trials &lt; filed &lt; under review &lt; approved) the
/// stage only climbs, so an approval ends "under review" and a later filing (a label expansion) does not undo
/// an approval. A rejection or withdrawal applied after anything wins; after one, only a new filing, review or
/// approval restarts the path.</para>
/// <para>Order: dated facts in date order (a partial date placed at its first day, ties by the signal's rank).
/// An undated ladder signal goes where the ladder puts it: after the dated signals of its rank or lower, before
/// the first dated one of a higher rank (an undated approval follows a dated acceptance: "under review
/// 2025-02-17 -> approved"). An undated rejection or withdrawal cannot be placed after anything, so it goes
/// first and never overrides a dated approval.</para>
/// </summary>
public static class StatusMachine
{
    /// <summary>The status of one (product, jurisdiction), or null when none of its facts signals a stage.</summary>
    public static MarketStatus? Evaluate(IEnumerable<Fact> facts)
    {
        var signals = new List<(Fact Fact, MarketStage Stage)>();
        foreach (var fact in facts)
        {
            if (Signal(fact) is { } signal) signals.Add((fact, signal));
        }
        if (signals.Count == 0) return null;
        var ordered = Order(signals);

        MarketStage? stage = null;
        Fact? deciding = null;
        var steps = new List<StatusStep>();
        foreach (var (fact, signal) in ordered)
        {
            var next = Transition(stage, signal);
            if (next == stage) continue;
            stage = next;
            deciding = fact;
            steps.Add(new StatusStep(next, fact.Date, fact.Key));
        }
        return new MarketStatus
        {
            Product = deciding!.Key.Product,
            Jurisdiction = deciding.Key.Jurisdiction,
            Stage = stage!.Value,
            Date = deciding.Date,
            Fact = deciding.Key,
            Agency = deciding.Agency,
            Steps = steps,
            Sources = [.. deciding.Supports.Select(s => s.ItemKey).Distinct().Order(StringComparer.Ordinal)],
            Unconfirmed = deciding.Unconfirmed,
            Reliance = deciding.Reliance,
        };
    }

    private static List<(Fact Fact, MarketStage Stage)> Order(List<(Fact Fact, MarketStage Stage)> signals)
    {
        static int ByKey((Fact Fact, MarketStage Stage) a, (Fact Fact, MarketStage Stage) b) =>
            string.CompareOrdinal(a.Fact.Key.ToString(), b.Fact.Key.ToString());
        var dated = signals.Where(s => s.Fact.Date is not null).ToList();
        dated.Sort((a, b) =>
        {
            var c = a.Fact.Date!.Value.CompareTo(b.Fact.Date!.Value);
            if (c == 0) c = a.Stage.CompareTo(b.Stage);
            return c != 0 ? c : ByKey(a, b);
        });
        var undated = signals.Where(s => s.Fact.Date is null).ToList();
        undated.Sort((a, b) => a.Stage != b.Stage ? a.Stage.CompareTo(b.Stage) : ByKey(a, b));
        var ordered = new List<(Fact Fact, MarketStage Stage)>(signals.Count);
        ordered.AddRange(undated.Where(s => !s.Stage.IsProgression()));
        ordered.AddRange(dated);
        foreach (var s in undated.Where(s => s.Stage.IsProgression()))
        {
            // Before the first dated signal of a higher rank, and after every undated ladder signal already placed.
            var at = ordered.FindIndex(o => o.Fact.Date is not null && o.Stage.IsProgression() && o.Stage > s.Stage);
            if (at < 0) ordered.Add(s);
            else ordered.Insert(at, s);
        }
        return ordered;
    }

    /// <summary>The stage a fact signals, or null when it signals none.</summary>
    public static MarketStage? Signal(Fact fact)
    {
        var expected = fact.Status == EventStatus.Expected;
        return fact.Key.Kind switch
        {
            EventKind.Designation => expected ? null : MarketStage.Designated,
            EventKind.TrialAuthorization => expected ? null : MarketStage.InTrials,
            EventKind.Submission => expected ? null : MarketStage.Filed,
            EventKind.Acceptance => expected ? null : MarketStage.UnderReview,
            EventKind.Opinion => MarketStage.UnderReview,
            EventKind.Approval => expected ? MarketStage.UnderReview : MarketStage.Approved,
            EventKind.Rejection => expected ? null : MarketStage.Rejected,
            EventKind.Withdrawal => expected ? null : MarketStage.Withdrawn,
            _ => null,
        };
    }

    /// <summary>The stage after a signal.</summary>
    public static MarketStage Transition(MarketStage? current, MarketStage signal)
    {
        if (current is not { } now) return signal;
        if (!signal.IsProgression()) return signal;
        if (!now.IsProgression())
            return signal is MarketStage.Filed or MarketStage.UnderReview or MarketStage.Approved ? signal : now;
        return signal > now ? signal : now;
    }
}
