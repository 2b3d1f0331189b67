using CellRadar.Core.Model;

namespace CellRadar.Pages;

/// <summary>
/// Writes an item's text with event evidence wrapped in <c>&lt;mark&gt;</c> at the stored offsets; everything else
/// is encoded text. Evidence of several events may overlap (one sentence states two events): the text is cut at
/// every start and end, and each piece is marked if any evidence covers it.
/// </summary>
internal static class EvidenceText
{
    /// <summary>A span to mark; the <paramref name="Selected"/> one is drawn apart and its first piece gets the id "evidence".</summary>
    public readonly record struct Marked(TextSpan Span, bool Selected);

    public static void Write(Html html, string text, IReadOnlyList<Marked> marks)
    {
        // Offsets that do not fit the text (a damaged row) are not drawn rather than drawn in the wrong place.
        var valid = marks.Where(m => m.Span.Start >= 0 && m.Span.End <= text.Length && m.Span.Start < m.Span.End).ToArray();
        var cuts = new SortedSet<int> { 0, text.Length };
        foreach (var m in valid)
        {
            cuts.Add(m.Span.Start);
            cuts.Add(m.Span.End);
        }
        var anchored = false;
        var previous = -1;
        foreach (var cut in cuts)
        {
            if (previous >= 0 && cut > previous)
            {
                var piece = new TextSpan(previous, cut);
                var selected = false;
                var covered = false;
                foreach (var m in valid)
                {
                    if (!m.Span.Overlaps(piece)) continue;
                    covered = true;
                    selected |= m.Selected;
                }
                if (!covered)
                {
                    html.Text(text, piece.Start, piece.Length);
                }
                else
                {
                    var id = selected && !anchored ? "evidence" : null;
                    anchored |= id is not null;
                    html.Open("mark", ("class", selected ? "evidence selected" : "evidence"), ("id", id))
                        .Text(text, piece.Start, piece.Length)
                        .Close("mark");
                }
            }
            previous = cut;
        }
    }
}
