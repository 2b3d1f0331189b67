using System.Text.RegularExpressions;
using CellRadar.Core.Annotation;

namespace CellRadar.Core.Extraction;

/// <summary>
/// Gives each frame of a sentence the date mentions the text ties to it (rule 2). English attaches
/// "in March 2025" and "on June 30" to what comes before ("approved on June 30", "Priority Review,
/// granted in May 2025"), unless the date opens a clause of its own ("..., and in 2018 the EC
/// approved it"); a date fronted at the start of the sentence ("In March 2025, ...") goes to every
/// frame that has none; frames listed together ("RMAT and Orphan Drug designations in 2019") share it.
/// </summary>
internal static partial class DateAssignment
{
    public static Dictionary<Frame, List<Mention>> Assign(SentenceContext s, List<Frame> frames)
    {
        var result = frames.ToDictionary(f => f, _ => new List<Mention>());
        var dates = s.Of(MentionType.Date).ToList();
        if (dates.Count == 0) return result;
        var fronted = new List<Mention>();
        var firstAnchor = frames.Min(f => f.Anchor.Start);
        foreach (var d in dates)
        {
            if (d.End <= firstAnchor && s.WordsBetween(s.Span.Start, d.Start) <= 1 && FrontedEnd().IsMatch(s.After(d.End, 4, s.Span.End)))
            {
                fronted.Add(d);
                continue;
            }
            var clause = s.ClauseAt(d.Start);
            Frame? before = null, after = null;
            foreach (var f in frames)
            {
                if (!clause.Contains(f.Anchor.Start)) continue;
                if (f.Anchor.Start < d.Start)
                {
                    if (s.Distance(f.Anchor, d) <= 25 && (before is null || f.Anchor.Start > before.Anchor.Start)) before = f;
                }
                else if (s.Distance(f.Anchor, d) <= 25 && (after is null || f.Anchor.Start < after.Anchor.Start)) after = f;
            }
            Frame? target;
            if (before is not null && after is not null)
                target = OpensClause().IsMatch(s.Text.AsSpan(before.Anchor.End, d.Start - before.Anchor.End)) ? after : before;
            else target = before ?? after;
            if (target is null) continue;
            foreach (var f in frames)
                if (f == target || Listed(s, f, target)) result[f].Add(d);
        }
        foreach (var f in frames)
            if (result[f].Count == 0) result[f].AddRange(fronted);
        // "The European Commission has granted marketing authorisation to Ebvallo ..., the company said on Monday": an act
        // with no date of its own is dated by the day it was reported, when the sentence gives one (and only one).
        var reported = dates.Where(d => ReportingBefore().IsMatch(s.Before(d.Start, 60, s.Span.Start))).ToList();
        if (reported.Count == 1)
            foreach (var f in frames)
                if (result[f].Count == 0 && f.Status == Model.EventStatus.Occurred) result[f].Add(reported[0]);
        Respectively(s, frames, dates, result);
        return result;
    }

    /// <summary>"PRIME eligibility and Orphan designation in 2019 and 2020, respectively": listed frames take listed dates in order.</summary>
    private static void Respectively(SentenceContext s, List<Frame> frames, List<Mention> dates, Dictionary<Frame, List<Mention>> result)
    {
        var marker = s.Cues(CueType.Respectively).FirstOrDefault();
        if (marker is null) return;
        var listedDates = dates.Where(d => d.End <= marker.Start).OrderBy(d => d.Start).ToList();
        var ordered = frames.OrderBy(f => f.Anchor.Start).ToList();
        // The run of listed frames that ends nearest before the dates.
        for (var end = ordered.Count - 1; end >= 0; end--)
        {
            var run = new List<Frame> { ordered[end] };
            for (var k = end - 1; k >= 0 && Listed(s, ordered[k], run[0]); k--) run.Insert(0, ordered[k]);
            if (run.Count < 2 || listedDates.Count < run.Count) continue;
            var tail = listedDates.Where(d => d.Start > run[^1].Anchor.End).TakeLast(run.Count).ToList();
            if (tail.Count != run.Count) continue;
            for (var i = 0; i < run.Count; i++) result[run[i]] = [tail[i]];
            return;
        }
    }

    /// <summary>Two frames of the same kind whose anchors stand in one list ("RMAT and Orphan Drug designations").</summary>
    private static bool Listed(SentenceContext s, Frame a, Frame b)
    {
        if (a.Kind != b.Kind || a == b) return false;
        var (x, y) = a.Anchor.Start < b.Anchor.Start ? (a.Anchor, b.Anchor) : (b.Anchor, a.Anchor);
        return y.Start >= x.End && ListBetween().IsMatch(s.Text.AsSpan(x.End, y.Start - x.End));
    }

    /// <summary>"In March 2025, the ...", "In 2018 Health Canada ...", "| April 2024 | FDA sends ...".</summary>
    [GeneratedRegex(@"^\s*(?:[,|:–-]|\p{Lu})", RegexOptions.CultureInvariant)]
    private static partial Regex FrontedEnd();

    [GeneratedRegex(@"\b(?:said|says|announced|announces|reported|disclosed|confirmed|stated|revealed|published|posted|notified|told\s+[\w-]+)\b(?:\s+(?!that\b)[\w'\u2019().-]+){0,7}\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReportingBefore();

    [GeneratedRegex(@"(?:,\s*and\b|;|\bwhile\b|\bwhereas\b|,\s*but\b|\.\s)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OpensClause();

    [GeneratedRegex(@"^[\s,()]*(?:and|or|&|as\s+well\s+as)?[\s,()]*(?:and|or)?[\s,()]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ListBetween();
}
