using CellRadar.Core.Model;

namespace CellRadar.Core.Reconciliation;

/// <summary>
/// Turns the supports of one <see cref="FactKey"/> into a <see cref="Fact"/>. A pure function of the set of
/// supports: they are sorted canonically (by item content hash and evidence position) before anything else,
/// so the same sources give the same fact whatever order they arrived in.
/// <para>Decision vs announcement date: when the sources' dates disagree, a source whose date is exactly its
/// item's publication date (the extractor's "no date of its own, take the publication date" rule) and which
/// lies after the date the other sources state for the act is an <em>announcement</em>: its date is kept as
/// <see cref="Fact.AnnouncedDate"/> and is not a conflict; the decision date comes from the other sources.
/// Disagreements left after that are conflicts.</para>
/// </summary>
public static class FactReconciler
{
    public static Fact Reconcile(FactKey key, IEnumerable<Support> supports, TrustPolicy policy)
    {
        var sorted = supports.ToList();
        if (sorted.Count == 0) throw new ArgumentException("A fact needs at least one support.", nameof(supports));
        sorted.Sort(Canonical);

        var status = sorted.Any(s => s.Event.Status == EventStatus.Occurred) ? EventStatus.Occurred
            : sorted.Any(s => s.Event.Status == EventStatus.Ongoing) ? EventStatus.Ongoing
            : EventStatus.Expected;
        // Once the act is reported, planned dates (a PDUFA date) no longer say when it happened.
        var dated = sorted.Where(s => s.Event.Date is not null && (status == EventStatus.Expected || s.Event.Status != EventStatus.Expected)).ToList();

        var announcements = Announcements(dated);
        var deciding = dated.Where(s => !announcements.Contains(s)).ToList();
        var consensus = DateConsensus.Decide([.. deciding.Select(Vote)]);
        PartialDate? announced = announcements.Count == 0 ? null : announcements.Min(s => s.Event.Date!.Value);

        var conflicts = new List<FactConflict>();
        if (consensus.IsConflict) conflicts.Add(new FactConflict("date", consensus.Disagreeing));
        var statedSubtype = Pick(sorted, s => s.Event.Subtype, out var subtypeValues);
        var subtype = key.SubtypeIsIdentity ? key.Family : statedSubtype;
        if (!key.SubtypeIsIdentity && subtypeValues.Count > 1) conflicts.Add(new FactConflict("subtype", subtypeValues));
        var agency = Pick(sorted, s => s.Event.Agency, out _);

        var factSupports = sorted.Select(s => new FactSupport
        {
            ItemKey = s.ItemKey,
            ItemHash = s.ItemHash,
            Url = s.ItemUrl,
            Publisher = s.Publisher,
            Trust = s.Trust.Name,
            Cluster = s.Cluster,
            Published = s.Published,
            Date = s.Event.Date,
            DateRole = RoleOf(s, announcements, dated, consensus.Date),
            Subtype = s.Event.Subtype,
            Status = s.Event.Status,
            Agency = s.Event.Agency,
            Sponsor = s.Event.Sponsor,
            Evidence = s.Event.EvidenceText,
            EvidenceSpan = s.Event.Evidence,
        }).ToList();

        var groups = IndependentGroups(sorted);
        var miss = 1.0;
        foreach (var group in groups) miss *= 1 - group.Max(s => s.Trust.Weight * Math.Clamp(s.Event.Confidence, 0, 1));
        PartialDate? firstReported = null;
        foreach (var s in sorted)
        {
            if (s.Published is { } p && (firstReported is null || p < firstReported.Value)) firstReported = p;
        }
        var firstSeen = sorted.Min(s => s.FirstSeen);

        return new Fact
        {
            Key = key,
            Subtype = subtype,
            Status = status,
            DecisionDate = consensus.Date,
            AnnouncedDate = announced,
            FirstReported = firstReported,
            FirstSeen = firstSeen == default ? null : firstSeen,
            // A decision date taken only from a report's publication day says nothing about how late the news was.
            LatencyDays = deciding.Any(s => !s.DatedByPublication && DateConsensus.Agree(s.Event.Date!.Value, consensus.Date!.Value))
                ? Latency(consensus.Date, firstReported) : null,
            Agency = agency,
            Sponsors = [.. sorted.Where(s => s.Event.Sponsor.Length > 0).GroupBy(s => s.Event.Sponsor, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new ConflictValue(g.Key, [.. g.Select(s => s.ItemKey).Distinct().Order(StringComparer.Ordinal)]))],
            Indications = [.. sorted.Select(s => s.Event.Indication).Where(i => i.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            Supports = factSupports,
            Conflicts = conflicts,
            Confidence = Math.Round(1 - miss, 3),
            IndependentSources = groups.Count,
            Unconfirmed = groups.Count == 1 && sorted.Max(s => s.Trust.Rank) < policy.ConfirmedFromRank,
            Reliance = key.Kind == EventKind.Approval
                ? sorted.Select(s => s.Reliance).OfType<RelianceRoute>().OrderBy(r => r.Route, StringComparer.Ordinal).FirstOrDefault()
                : null,
        };
    }

    /// <summary>The canonical order of supports: by item content hash, then where the evidence sits, then what it says.</summary>
    public static int Canonical(Support a, Support b)
    {
        var c = string.CompareOrdinal(a.ItemHash, b.ItemHash);
        if (c == 0) c = a.Event.Evidence.Start.CompareTo(b.Event.Evidence.Start);
        if (c == 0) c = a.Event.Evidence.End.CompareTo(b.Event.Evidence.End);
        if (c == 0) c = string.CompareOrdinal(a.Event.Subtype, b.Event.Subtype);
        if (c == 0) c = string.CompareOrdinal(a.Event.Date?.ToString(), b.Event.Date?.ToString());
        if (c == 0) c = a.Event.Status.CompareTo(b.Event.Status);
        return c;
    }

    /// <summary>
    /// Sources dated by their own publication day that come after the date the others give the act. Only when
    /// some source dates the act itself; otherwise publication-dated sources are all there is to go on.
    /// </summary>
    private static HashSet<Support> Announcements(List<Support> dated)
    {
        var result = new HashSet<Support>();
        var own = dated.Where(s => !s.DatedByPublication).ToList();
        if (own.Count == 0 || own.Count == dated.Count) return result;
        if (DateConsensus.Decide([.. own.Select(Vote)]).Date is not { } decision) return result;
        foreach (var s in dated)
        {
            if (s.DatedByPublication && !DateConsensus.Agree(s.Event.Date!.Value, decision) && s.Event.Date!.Value.Start > decision.End)
                result.Add(s);
        }
        return result;
    }

    private static DateRole RoleOf(Support s, HashSet<Support> announcements, List<Support> dated, PartialDate? decision)
    {
        if (s.Event.Date is not { } date || !dated.Contains(s)) return DateRole.None;
        if (announcements.Contains(s)) return DateRole.Announcement;
        return decision is { } d && DateConsensus.Agree(date, d) ? DateRole.Decision : DateRole.Conflicting;
    }

    private static DateConsensus.Vote Vote(Support s) => new(s.Event.Date!.Value, s.Trust.Rank, s.ItemKey);

    /// <summary>The non-empty value with the most trusted, then most numerous, sources (ties: ordinal order), and every value stated.</summary>
    private static string Pick(List<Support> supports, Func<Support, string> field, out List<ConflictValue> values)
    {
        var groups = supports.Where(s => field(s).Length > 0).GroupBy(field, StringComparer.Ordinal)
            .OrderByDescending(g => g.Max(s => s.Trust.Rank)).ThenByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        values = [.. groups.OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ConflictValue(g.Key, [.. g.Select(s => s.ItemKey).Distinct().Order(StringComparer.Ordinal)]))];
        return groups.Count == 0 ? "" : groups[0].Key;
    }

    /// <summary>
    /// Sources that are one voice: reprints of one text (same near-duplicate cluster) or items of one publisher.
    /// Items with no known publisher are linked by their cluster only.
    /// </summary>
    internal static List<List<Support>> IndependentGroups(List<Support> supports)
    {
        var parent = Enumerable.Range(0, supports.Count).ToArray();
        int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);
        var byCluster = new Dictionary<string, int>(StringComparer.Ordinal);
        var byPublisher = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < supports.Count; i++)
        {
            if (byCluster.TryGetValue(supports[i].Cluster, out var c)) parent[Find(i)] = Find(c);
            else byCluster[supports[i].Cluster] = i;
            if (supports[i].Publisher.Length == 0) continue;
            if (byPublisher.TryGetValue(supports[i].Publisher, out var p)) parent[Find(i)] = Find(p);
            else byPublisher[supports[i].Publisher] = i;
        }
        return [.. Enumerable.Range(0, supports.Count).GroupBy(Find).Select(g => g.Select(i => supports[i]).ToList())];
    }

    private static int? Latency(PartialDate? decision, PartialDate? reported)
    {
        if (decision is not { Precision: DatePrecision.Day } d || reported is not { Precision: DatePrecision.Day } r) return null;
        var days = r.Start.DayNumber - d.Start.DayNumber;
        return days >= 0 ? days : null;
    }
}
