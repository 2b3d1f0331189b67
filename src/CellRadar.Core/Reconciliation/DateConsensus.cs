using CellRadar.Core.Model;

namespace CellRadar.Core.Reconciliation;

/// <summary>
/// The most precise date that agreeing sources allow. Partial dates either nest (2025-03 holds 2025-03-14) or
/// are disjoint; nested dates agree, and the finest of them wins: "2025-03" and "2025-03-14" give 2025-03-14.
/// Disjoint finest dates (2025-03-14 vs 2025-03-20) are a conflict: every one is kept, and one is picked by the
/// highest trust rank among the sources that allow it, then by how many sources allow it, then the earliest,
/// so the pick never depends on the order sources arrive in.
/// </summary>
public static class DateConsensus
{
    /// <summary>One source's date and how far it is trusted.</summary>
    public readonly record struct Vote(PartialDate Date, int TrustRank, string Item);

    /// <summary>The chosen date (null when no source gives one) and, when finest dates disagree, each of them with its items.</summary>
    public sealed record Result(PartialDate? Date, IReadOnlyList<ConflictValue> Disagreeing)
    {
        public bool IsConflict => Disagreeing.Count > 1;
    }

    public static Result Decide(IReadOnlyList<Vote> votes)
    {
        if (votes.Count == 0) return new Result(null, []);
        var distinct = votes.Select(v => v.Date).Distinct().ToList();
        // A finest date is one that holds no other stated date.
        var finest = distinct.Where(d => !distinct.Any(o => o != d && o.IsWithin(d))).OrderBy(d => d).ToList();
        if (finest.Count == 1) return new Result(finest[0], []);

        PartialDate? best = null;
        (int Rank, int Count) bestScore = default;
        var disagreeing = new List<ConflictValue>(finest.Count);
        foreach (var candidate in finest)
        {
            // Sources whose date holds the candidate allow it (a "2025-03" source allows both 03-14 and 03-20).
            var allowing = votes.Where(v => candidate.IsWithin(v.Date)).ToList();
            var score = (allowing.Max(v => v.TrustRank), allowing.Count);
            disagreeing.Add(new ConflictValue(candidate.ToString(), [.. allowing.Select(v => v.Item).Distinct().Order(StringComparer.Ordinal)]));
            // Candidates come earliest first, so a strict comparison keeps the earliest among equals.
            if (best is null || score.CompareTo(bestScore) > 0)
            {
                best = candidate;
                bestScore = score;
            }
        }
        return new Result(best, disagreeing);
    }

    /// <summary>True when two partial dates can stand for the same day (one holds the other).</summary>
    public static bool Agree(PartialDate a, PartialDate b) => a.IsWithin(b) || b.IsWithin(a);
}
