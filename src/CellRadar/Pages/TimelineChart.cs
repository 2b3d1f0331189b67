using System.Globalization;
using CellRadar.Core.Model;
using CellRadar.Core.Reconciliation;

namespace CellRadar.Pages;

/// <summary>
/// A product's facts drawn to scale as SVG: one lane per market, time running left to right over whole years. A
/// fact dated to the day is a point; one dated to a month is a bar over that month, one dated to a year a bar over
/// the year (the date's precision is what is drawn, never a made-up day). Each mark links to the fact's sources
/// below and is named in words beside it; conflicting facts are drawn dashed and labelled "conflict".
/// </summary>
internal static class TimelineChart
{
    public const double LabelWidth = 70;
    public const double PlotWidth = 1000;
    private const double LaneHeight = 30;
    private const double AxisHeight = 26;
    private const double CharWidth = 6.2;

    /// <summary>Where a date lies on the axis: a point (day) or a span from <c>X</c> of <c>Width</c> (month, year).</summary>
    public readonly record struct Placement(double X, double Width, bool IsPoint)
    {
        public double End => X + Width;
    }

    /// <summary>A fact to draw, with the anchor of its entry on the page.</summary>
    public readonly record struct Mark(Fact Fact, string Anchor);

    /// <summary>The axis: from the first day of the first year to the last day of the last year of the dates.</summary>
    public static (DateOnly From, DateOnly To) Axis(IEnumerable<PartialDate> dates)
    {
        var list = dates.ToList();
        if (list.Count == 0) throw new ArgumentException("An axis needs at least one date.", nameof(dates));
        return (new DateOnly(list.Min(d => d.Start.Year), 1, 1), new DateOnly(list.Max(d => d.End.Year), 12, 31));
    }

    /// <summary>Places a date on an axis <paramref name="width"/> units wide: day precision is a point, coarser ones span their whole period.</summary>
    public static Placement Place(PartialDate date, DateOnly from, DateOnly to, double width)
    {
        double days = to.DayNumber - from.DayNumber + 1;
        double At(DateOnly d) => (d.DayNumber - from.DayNumber) * width / days;
        if (date.Precision == DatePrecision.Day) return new Placement(At(date.Start) + (width / days / 2), 0, true);
        return new Placement(At(date.Start), At(date.End.AddDays(1)) - At(date.Start), false);
    }

    public static void Write(Html html, string product, IReadOnlyList<Mark> marks)
    {
        var dated = marks.Where(m => m.Fact.Date is not null).ToList();
        if (dated.Count == 0)
        {
            html.Element("p", "No dated fact to draw.", ("class", "muted"));
            return;
        }
        var (from, to) = Axis(dated.Select(m => m.Fact.Date!.Value));
        // Lanes in the order markets first appear, so the eye reads the story left to right, top to bottom.
        var lanes = new List<(string Market, List<List<(double From, double To)>> Rows)>();
        var placed = new List<(Mark Mark, Placement At, int Lane, int Row, string Label)>();
        foreach (var m in dated.OrderBy(m => m.Fact.Date!.Value.Start).ThenBy(m => m.Fact.Date!.Value.End))
        {
            var market = m.Fact.Key.Jurisdiction.Code;
            var lane = lanes.FindIndex(l => l.Market == market);
            if (lane < 0)
            {
                lanes.Add((market, []));
                lane = lanes.Count - 1;
            }
            var at = Place(m.Fact.Date!.Value, from, to, PlotWidth);
            var label = Label(m.Fact);
            // A mark and its words take room; one that would run into an earlier one in its lane goes a row down.
            var left = at.X - 6;
            var right = at.End + 8 + (label.Length * CharWidth);
            var rows = lanes[lane].Rows;
            var row = rows.FindIndex(r => r.All(taken => right < taken.From || left > taken.To));
            if (row < 0)
            {
                rows.Add([]);
                row = rows.Count - 1;
            }
            rows[row].Add((left, right));
            placed.Add((m, at, lane, row, label));
        }
        var laneTops = new double[lanes.Count];
        var y = AxisHeight;
        for (var i = 0; i < lanes.Count; i++)
        {
            laneTops[i] = y;
            y += LaneHeight * lanes[i].Rows.Count;
        }
        var height = y + 6;
        var width = LabelWidth + PlotWidth + 20;
        html.Open("figure", ("class", "timeline"))
            .Open("svg", ("xmlns", "http://www.w3.org/2000/svg"), ("viewbox", $"0 0 {N(width)} {N(height)}"),
                ("role", "group"), ("aria-label", $"Timeline of {product}, {from.Year} to {to.Year}"), ("class", "timeline"));
        // Years: a line at each start, the year's number over its middle.
        for (var year = from.Year; year <= to.Year; year++)
        {
            var span = Place(PartialDate.OfYear(year), from, to, PlotWidth);
            var x = LabelWidth + span.X;
            html.Open("line", ("x1", N(x)), ("y1", N(AxisHeight - 6)), ("x2", N(x)), ("y2", N(height)), ("class", "year-line")).Close("line")
                .Element("text", year.ToString(CultureInfo.InvariantCulture), ("x", N(x + (span.Width / 2))), ("y", "16"), ("class", "year"), ("text-anchor", "middle"));
        }
        for (var i = 0; i < lanes.Count; i++)
        {
            var top = laneTops[i];
            html.Open("line", ("x1", "0"), ("y1", N(top)), ("x2", N(width)), ("y2", N(top)), ("class", "lane-line")).Close("line")
                .Element("text", lanes[i].Market, ("x", "8"), ("y", N(top + 19)), ("class", "lane"));
        }
        foreach (var (mark, at, lane, row, label) in placed)
        {
            var f = mark.Fact;
            var mid = laneTops[lane] + (row * LaneHeight) + (LaneHeight / 2);
            var conflict = f.Conflicts.Count > 0;
            var cls = "mark kind-" + f.Key.Kind.ToWire() + (conflict ? " conflict" : "") + (f.Status != EventStatus.Occurred ? " not-occurred" : "");
            var words = $"{f.Key.Jurisdiction.Code} {Output.FactText.What(f)} {f.Date}{(conflict ? ", conflict: " + string.Join("; ", f.Conflicts) : "")}";
            html.Open("a", ("href", "#" + mark.Anchor), ("class", "timeline-mark"), ("aria-label", words),
                ("data-market", f.Key.Jurisdiction.Code), ("data-kind", f.Key.Kind.ToWire()), ("data-date", f.Date.ToString()),
                ("data-precision", f.Date!.Value.Precision.ToString().ToLowerInvariant()));
            html.Element("title", words);
            var x = LabelWidth + at.X;
            if (at.IsPoint) html.Open("circle", ("cx", N(x)), ("cy", N(mid)), ("r", "6"), ("class", cls)).Close("circle");
            else html.Open("rect", ("x", N(x)), ("y", N(mid - 7)), ("width", N(Math.Max(at.Width, 3))), ("height", "14"), ("rx", "2"), ("class", cls)).Close("rect");
            html.Element("text", label, ("x", N(LabelWidth + at.End + 8)), ("y", N(mid + 4)), ("class", conflict ? "mark-label conflict" : "mark-label"));
            html.Close("a");
        }
        html.Close("svg")
            .Element("figcaption", "Points are facts dated to the day; bars span the month or year a fact is dated to. " +
                "Dashed marks are facts whose sources disagree. Each mark links to the fact and its sources below.")
            .Close("figure");
    }

    /// <summary>The words beside a mark: what happened, and "conflict" when sources disagree.</summary>
    private static string Label(Fact f) =>
        f.Key.Kind.ToWire().Replace('_', ' ') + (f.Status == EventStatus.Expected ? " (expected)" : "") + (f.Conflicts.Count > 0 ? " ⚠ conflict" : "");

    private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
