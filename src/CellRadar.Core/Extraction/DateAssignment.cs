using CellRadar.Core.Annotation;

namespace CellRadar.Core.Extraction;

/// <summary>
/// Gives each frame of a sentence the date mentions the text ties to it (rule 2): each date goes to
/// the nearest frame in its clause; a date fronted at the start of the sentence ("In March 2025, ...")
/// goes to every frame that has none; lists stay in order for "respectively".
/// </summary>
internal static class DateAssignment
{
    public static Dictionary<Frame, List<Mention>> Assign(SentenceContext s, List<Frame> frames)
    {
        var result = frames.ToDictionary(f => f, _ => new List<Mention>());
        var dates = s.Of(MentionType.Date).ToList();
        if (dates.Count == 0) return result;
        var fronted = new List<Mention>();
        foreach (var d in dates)
        {
            var clause = s.ClauseAt(d.Start);
            var candidates = frames.Where(f => clause.Contains(f.Anchor.Start)).ToList();
            var firstAnchor = frames.Min(f => f.Anchor.Start);
            if (d.End <= firstAnchor && s.WordsBetween(s.Span.Start, d.Start) <= 1 && s.Text.AsSpan(d.End, Math.Min(3, s.Span.End - d.End)).Contains(',')) { fronted.Add(d); continue; }
            if (candidates.Count == 0) continue;
            var nearest = candidates.OrderBy(f => s.Distance(f.Anchor, d)).ThenBy(f => f.Anchor.Start <= d.Start ? 0 : 1).First();
            if (s.Distance(nearest.Anchor, d) > 25) continue;
            result[nearest].Add(d);
        }
        foreach (var f in frames)
            if (result[f].Count == 0) result[f].AddRange(fronted);
        return result;
    }
}
