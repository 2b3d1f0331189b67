using System.Buffers;
using System.Text;
using CellRadar.Core.Dates;
using CellRadar.Core.Pipeline;

namespace CellRadar.Core.Cleaning;

/// <summary>
/// Drops page furniture from the body and sets <see cref="Document.Text"/>: article paragraphs, the
/// headline first, separated by exactly one blank line. Each line is classified on its own
/// (<see cref="LineClassifier"/>), then in context: promotion blocks between a start and an end marker
/// go whole, lists under "Most read" headings go, an author bio goes with its heading, a teaser that
/// repeats the start of a later paragraph goes, and weakly suspicious lines go only when a neighbour is
/// furniture. Cleaning clean text changes nothing.
/// </summary>
public sealed class TextCleaner : IPipelineComponent
{
    /// <summary>How far (in lines) a promotion's end marker may be from its start.</summary>
    private const int MaxBlockLines = 14;

    /// <summary>How much text a promotion block may hold; more than this and the "block" is probably article.</summary>
    private const int MaxBlockChars = 2500;

    /// <summary>Shortest text checked for being a teaser copy of a later paragraph.</summary>
    private const int MinTeaserChars = 40;

    public string Name => "clean";
    public IReadOnlyList<string> Needs { get; } = [];
    public IReadOnlyList<string> Adds { get; } = [Layer.CleanText];

    public void Process(Document document)
    {
        document.Text = Clean(document.Item.Body, out var headline);
        if (string.IsNullOrWhiteSpace(document.Title) && headline is not null) document.Title = headline;
    }

    /// <summary>The article text of <paramref name="body"/>.</summary>
    public static string Clean(string body) => Clean(body, out _);

    /// <summary>The article text of <paramref name="body"/>, and its first line when that reads as a headline.</summary>
    public static string Clean(string body, out string? headline)
    {
        var text = TextNormalizer.Normalize(body);
        var lines = SplitLines(text);
        var span = lines.AsSpan();
        RepairGlue(text, span);
        for (var i = 0; i < span.Length; i++) span[i].Signal = Classify(span[i].Text(text));

        var first = MarkStructures(text, span);
        DropTeasers(text, span);
        Propagate(span, first);

        headline = null;
        foreach (ref readonly var line in span)
        {
            if (line.Drop) continue;
            // The headline is the first kept line with text, when it does not read as a sentence.
            var t = line.Text(text);
            if (!LineClassifier.IsProse(t, LineClassifier.CountWords(t)) && t.Length <= 200) headline = t.ToString();
            if (!t.IsEmpty) break;
        }
        return JoinKept(text, span);
    }

    /// <summary>The lines that stay, separated by one blank line, written straight into the result string.</summary>
    private static string JoinKept(string text, ReadOnlySpan<LogicalLine> lines)
    {
        var length = 0;
        foreach (ref readonly var line in lines)
            if (!line.Drop) length += (length > 0 ? 2 : 0) + line.Text(text).Length;
        if (length == 0) return "";
        var buffer = ArrayPool<char>.Shared.Rent(length);
        var n = 0;
        foreach (ref readonly var line in lines)
        {
            if (line.Drop) continue;
            if (n > 0) { buffer[n++] = '\n'; buffer[n++] = '\n'; }
            line.Text(text).CopyTo(buffer.AsSpan(n));
            n += line.Text(text).Length;
        }
        var result = new string(buffer, 0, n);
        ArrayPool<char>.Shared.Return(buffer);
        return result;
    }

    private static LineSignal Classify(ReadOnlySpan<char> line)
    {
        // A table row ("| Kymriah | Novartis | March 2019 |") is content even when its cells look like
        // a dateline's segments: tables of milestones are read by the extractor.
        if (line.Length > 2 && line[0] == '|' && line[^1] == '|') return LineSignal.Clean;
        var signal = LineClassifier.Classify(line);
        // A line with nothing but a date and dateline words ("17 February 2025 | Monday | News") is page chrome;
        // the publication date finder has read it from the raw body already.
        if (!signal.IsFurniture && line.Length <= 160 && line.IndexOfAnyInRange('0', '9') >= 0 && PublicationDateFinder.IsDatelineLine(line.ToString()))
            return new(LineRole.Furniture, 5);
        return signal;
    }

    /// <summary>
    /// Splits into non-blank lines and joins hard-wrapped ones: a line that does not end a sentence is joined to
    /// the next when that next starts in lower case, or, in text wrapped at a fixed width, always.
    /// </summary>
    private static LogicalLine[] SplitLines(string text)
    {
        var physical = new List<(int Start, int End, bool BlankBefore)>();
        var blank = false;
        int longLines = 0, veryLong = 0;
        var pos = 0;
        while (pos <= text.Length)
        {
            var nl = text.IndexOf('\n', pos);
            var end = nl < 0 ? text.Length : nl;
            if (end == pos) blank = true;
            else
            {
                physical.Add((pos, end, blank));
                blank = false;
                if (end - pos >= 40) longLines++;
                if (end - pos > 100) veryLong++;
            }
            if (nl < 0) break;
            pos = nl + 1;
        }
        var hardWrapped = longLines >= 5 && veryLong == 0;

        var result = new List<LogicalLine>(physical.Count);
        for (var i = 0; i < physical.Count; i++)
        {
            var (start, end, _) = physical[i];
            StringBuilder? joined = null;
            while (i + 1 < physical.Count && !physical[i + 1].BlankBefore && i > 0
                   && ShouldJoin(text.AsSpan(start, end - start), joined, text.AsSpan(physical[i + 1].Start, physical[i + 1].End - physical[i + 1].Start), hardWrapped))
            {
                joined ??= new StringBuilder().Append(text, start, end - start);
                joined.Append(' ').Append(text, physical[i + 1].Start, physical[i + 1].End - physical[i + 1].Start);
                i++;
            }
            result.Add(new LogicalLine { Start = start, End = end, Joined = joined?.ToString() });
        }
        return [.. result];
    }

    private static bool ShouldJoin(ReadOnlySpan<char> current, StringBuilder? joined, ReadOnlySpan<char> next, bool hardWrapped)
    {
        var last = joined is null ? current[^1] : joined[^1];
        if (last is '.' or '!' or '?' or ':' or ';' or '"' or '\u201D' or '\u2019' or ')') return false;
        if (next[0] is '•' or '·' or '*' or '-' or '–' or '—') return false;
        return char.IsLower(next[0]) || (hardWrapped && (joined?.Length ?? current.Length) >= 40);
    }

    private static void RepairGlue(string text, Span<LogicalLine> lines)
    {
        foreach (ref var line in lines)
        {
            var t = line.Text(text);
            var cut = GluedFurniture.GluedPrefixLength(t);
            var cutEnd = GluedFurniture.GluedSuffixLength(t[cut..]);
            if (cut == 0 && cutEnd == 0) continue;
            if (line.Joined is null) { line.Start += cut; line.End -= cutEnd; }
            else line.Joined = line.Joined[cut..^cutEnd];
            line.GluedBefore = cut > 0;
        }
    }

    /// <summary>Applies the block rules and returns the index of the headline (the first line that is not furniture).</summary>
    private static int MarkStructures(string text, Span<LogicalLine> lines)
    {
        var headline = -1;
        for (var i = 0; i < lines.Length; i++)
        {
            switch (lines[i].Signal.Role)
            {
                case LineRole.Content:
                    if (headline < 0 && !lines[i].Drop) headline = i;
                    break;
                case LineRole.Furniture or LineRole.BlockEnd:
                    lines[i].Drop = true;
                    break;
                case LineRole.BlockStart:
                    DropBlock(text, lines, i);
                    break;
                case LineRole.ListHeading:
                    DropList(text, lines, i);
                    break;
                case LineRole.BioHeading:
                    DropBio(text, lines, i);
                    break;
            }
        }
        return headline;
    }

    /// <summary>From a promotion's start to its call to action, if one comes soon enough; else the start line alone.</summary>
    private static void DropBlock(string text, Span<LogicalLine> lines, int start)
    {
        lines[start].Drop = true;
        var chars = 0;
        for (var j = start + 1; j < lines.Length && j <= start + MaxBlockLines; j++)
        {
            chars += lines[j].Text(text).Length;
            if (chars > MaxBlockChars) return;
            if (lines[j].Signal.Role == LineRole.BlockEnd)
            {
                for (var k = start; k <= j; k++) lines[k].Drop = true;
                return;
            }
        }
    }

    /// <summary>A "Most read" list: the heading and the headline-like lines under it, up to the first prose paragraph.</summary>
    private static void DropList(string text, Span<LogicalLine> lines, int start)
    {
        lines[start].Drop = true;
        for (var j = start + 1; j < lines.Length && j <= start + 30; j++)
        {
            var t = lines[j].Text(text);
            if (LineClassifier.IsProse(t, LineClassifier.CountWords(t)) || t.Length > 200) return;
            lines[j].Drop = true;
        }
    }

    /// <summary>An author bio: the heading, the paragraph under it, and a name line before that paragraph if there is one.</summary>
    private static void DropBio(string text, Span<LogicalLine> lines, int start)
    {
        lines[start].Drop = true;
        if (start + 1 >= lines.Length) return;
        lines[start + 1].Drop = true;
        var t = lines[start + 1].Text(text);
        if (start + 2 < lines.Length && t.Length <= 60 && !LineClassifier.IsProse(t, LineClassifier.CountWords(t)))
            lines[start + 2].Drop = true;
    }

    /// <summary>
    /// A paragraph that is the start of another one (a teaser or meta description the scraper kept, often cut
    /// mid-sentence), or an exact repeat of an earlier one, is dropped; the full text stays.
    /// </summary>
    private static void DropTeasers(string text, Span<LogicalLine> lines)
    {
        var byPrefix = new Dictionary<int, List<int>>();
        for (var i = 0; i < lines.Length; i++)
        {
            var t = lines[i].Text(text);
            if (t.Length < MinTeaserChars) continue;
            var key = string.GetHashCode(t[..MinTeaserChars], StringComparison.Ordinal);
            if (!byPrefix.TryGetValue(key, out var group)) byPrefix[key] = group = [];
            group.Add(i);
        }
        foreach (var group in byPrefix.Values)
        {
            if (group.Count < 2) continue;
            foreach (var i in group)
            {
                var t = lines[i].Text(text).TrimEnd(".…");
                foreach (var j in group)
                {
                    if (i == j) continue;
                    var other = lines[j].Text(text);
                    var longer = other.Length > t.Length && other.StartsWith(t, StringComparison.Ordinal);
                    var repeat = j < i && other.SequenceEqual(lines[i].Text(text));
                    if (longer || repeat) { lines[i].Drop = true; break; }
                }
            }
        }
    }

    /// <summary>
    /// A line whose only suspicious sign is its Title Case, followed by clean text, is that text's subheading
    /// ("About the Company", "Earlier Trials") and stays even beside furniture.
    /// </summary>
    private static bool IsHeading(Span<LogicalLine> lines, int i) =>
        lines[i].Signal.Score == 1 && i + 1 < lines.Length && !lines[i + 1].Drop && lines[i + 1].Signal.Score == 0;

    /// <summary>Together, consecutive suspicious lines scoring this much are an advert even with no marker around them.</summary>
    private const int RunScore = 6;

    /// <summary>
    /// Weakly suspicious lines go when the line before or after them went (or had furniture glued to it), repeated
    /// until nothing changes; a run of suspicious lines goes whole when together they score high enough.
    /// </summary>
    private static void Propagate(Span<LogicalLine> lines, int headline)
    {
        bool changed;
        do
        {
            changed = false;
            for (var i = 0; i < lines.Length; i++)
            {
                ref var line = ref lines[i];
                if (line.Drop || i == headline || line.Signal.Score == 0 || IsHeading(lines, i)) continue;
                var before = i > 0 && lines[i - 1].Drop && lines[i - 1].Signal.Score > 0;
                var after = i + 1 < lines.Length && ((lines[i + 1].Drop && lines[i + 1].Signal.Score > 0) || lines[i + 1].GluedBefore);
                if (before || after) { line.Drop = true; changed = true; }
            }
        }
        while (changed);

        for (var i = 0; i < lines.Length;)
        {
            var j = i;
            var sum = 0;
            while (j < lines.Length && !lines[j].Drop && j != headline && lines[j].Signal.Score > 0 && !IsHeading(lines, j)) sum += lines[j++].Signal.Score;
            if (j - i >= 2 && sum >= RunScore)
            {
                for (var k = i; k < j; k++) lines[k].Drop = true;
            }
            i = j == i ? i + 1 : j;
        }
    }
}
