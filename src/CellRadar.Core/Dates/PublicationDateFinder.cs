using System.Buffers;
using System.Collections.Frozen;
using System.Text.RegularExpressions;
using CellRadar.Core.Model;
using CellRadar.Core.Pipeline;

namespace CellRadar.Core.Dates;

/// <summary>
/// Sets the publication date: the item's metadata date if any, else the item's own dateline near the top
/// of the raw body ("17 February 2025 | Monday | News", "By Jane Doe | Mar 3, 2025 | 4 min read", or a wire
/// dateline "BOSTON, Jan. 5, 2024 /PRNewswire/ --"). Runs before cleaning, so it must itself refuse page
/// furniture: a dateline is a line with nothing but the date and known dateline words, seen before the
/// article is under way, which keeps out webinar banners ("| FREE Virtual Panel Discussion") and dates deep
/// in the body.
/// </summary>
public sealed partial class PublicationDateFinder : IPipelineComponent
{
    /// <summary>Non-blank lines looked at; datelines sit under the headline, not further down.</summary>
    private const int MaxLines = 12;

    /// <summary>Once this many prose paragraphs have gone by the article has started, and any later date is the story's.</summary>
    private const int MaxProseParagraphs = 2;

    // Words a dateline may carry around its date, each matched as a whole word.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> DatelineWords = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        [
            "published", "updated", "posted", "last", "on", "at", "by", "date", "news", "press", "release", "feature", "features",
            "analysis", "opinion", "comment", "article", "story", "report", "blog", "min", "mins", "minute", "minutes", "read",
            "am", "pm", "gmt", "bst", "utc", "cet", "cest", "et", "est", "edt", "pt", "pst", "pdt", "monday", "tuesday",
            "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "wed", "thu", "fri", "sat", "sun",
        ]).GetAlternateLookup<ReadOnlySpan<char>>();

    // Words that make a "date | label" line an event or promotion rather than the article's own dateline.
    private static readonly SearchValues<string> EventWords = SearchValues.Create(
        [
            "webinar", "virtual", "panel", "discussion", "register", "free", "live", "event", "conference", "summit", "seminar",
            "workshop", "session", "broadcast", "podcast", "on-demand", "on demand", "sponsored", "advert", "deadline", "award",
        ],
        StringComparison.OrdinalIgnoreCase);

    public string Name => "published";
    public IReadOnlyList<string> Needs { get; } = [];
    public IReadOnlyList<string> Adds { get; } = [Layer.Published];

    public void Process(Document document)
    {
        if (document.Item.Published is { } p)
        {
            document.Published = p;
            document.PublishedFrom = "metadata";
            return;
        }
        if (FindDateline(document.Item.Body) is { } d)
        {
            document.Published = d;
            document.PublishedFrom = "dateline";
        }
    }

    /// <summary>The publication date stated by the body's own dateline, or null.</summary>
    public static PartialDate? FindDateline(string body)
    {
        var lines = 0;
        var prose = 0;
        foreach (var raw in body.AsSpan().EnumerateLines())
        {
            var line = raw.Trim();
            if (line.IsEmpty || TextIsBlank(line)) continue;
            if (++lines > MaxLines) break;
            if (line.Length <= 160)
            {
                var text = line.ToString();
                if (DatelineLine(text) is { } d) return d;
                if (WireDateline(text) is { } w) return w;
            }
            else if (WireDateline(line[..Math.Min(line.Length, 240)].ToString()) is { } w)
            {
                return w;
            }
            if (IsProse(line) && ++prose >= MaxProseParagraphs) break;
        }
        return null;
    }

    /// <summary>True when the line holds a dateline and nothing else (used by the cleaner to drop it from the text).</summary>
    public static bool IsDatelineLine(string line) => DatelineLine(line) is not null;

    /// <summary>A line holding a dated dateline and nothing else: segments split by | · • are the date, bylines, weekdays or section labels.</summary>
    private static PartialDate? DatelineLine(string line)
    {
        var found = DateExpressions.Find(line);
        if (found.Count != 1 || found[0].Kind != DateExpressionKind.Date || found[0].Year == 0 || found[0].Month == 0) return null;
        var date = found[0];
        if (line.AsSpan().IndexOfAny(EventWords) >= 0) return null;

        var before = line.AsSpan(0, date.Span.Start);
        var after = line.AsSpan(date.Span.End);
        if (!RestIsDatelineText(before) || !RestIsDatelineText(after)) return null;
        return date.Absolute;
    }

    private static bool RestIsDatelineText(ReadOnlySpan<char> rest)
    {
        foreach (var range in rest.SplitAny(SegmentSeparators))
        {
            var segment = rest[range].Trim(" \t,:-–—/()".AsSpan());
            if (segment.IsEmpty) continue;
            if (IsByline(segment) || IsSectionLabel(segment) || OnlyDatelineWords(segment)) continue;
            return false;
        }
        return true;
    }

    private const string SegmentSeparators = "|·•";

    /// <summary>"By Jane Doe" or "By Jane Doe and John Roe": a byline of a few capitalised words.</summary>
    private static bool IsByline(ReadOnlySpan<char> segment) => Byline().IsMatch(segment);

    /// <summary>A short section label such as "News" or "Cell & Gene Therapy": one to four capitalised words.</summary>
    private static bool IsSectionLabel(ReadOnlySpan<char> segment) => SectionLabel().IsMatch(segment);

    /// <summary>Words a dateline may carry around its date: "Published:", "Updated 10:30 GMT", "4 min read".</summary>
    private static bool OnlyDatelineWords(ReadOnlySpan<char> segment)
    {
        foreach (var range in segment.SplitAny(" \t,:"))
        {
            var word = segment[range].Trim(".()");
            if (word.IsEmpty) continue;
            if (TimeOrNumber().IsMatch(word)) continue;
            if (!DatelineWords.Contains(word)) return false;
        }
        return true;
    }

    /// <summary>"CITY, Jan. 5, 2024 /Wire/ --" or "CITY--(WIRE)--Jan. 5, 2024--" at the very start of a paragraph.</summary>
    private static PartialDate? WireDateline(string line)
    {
        var m = WirePrefix().Match(line);
        if (!m.Success) return null;
        if (DateExpressions.FindFirst(line, m.Length) is not { } date || date.Span.Start != m.Length || date.Year == 0 || date.Day == 0) return null;
        if (!WireSuffix().IsMatch(line.AsSpan(date.Span.End))) return null;
        return date.Absolute;
    }

    /// <summary>A sentence-like line: long, several words, ending in sentence punctuation.</summary>
    private static bool IsProse(ReadOnlySpan<char> line)
    {
        if (line.Length < 80) return false;
        var end = line[^1];
        return end is '.' or '!' or '?' or '"' or '\u201D' or ')' || line.Count(' ') >= 15;
    }

    private static bool TextIsBlank(ReadOnlySpan<char> line)
    {
        foreach (var c in line) if (!char.IsWhiteSpace(c)) return false;
        return true;
    }

    [GeneratedRegex(@"^(?i:by)\s+\p{Lu}[\p{L}.'\-]*(?:\s+(?:\p{Lu}[\p{L}.'\-]*|and|&|de|van|von)){0,5}$")]
    private static partial Regex Byline();

    [GeneratedRegex(@"^\p{Lu}[\p{L}\-]*(?:\s+(?:&|and|\p{Lu}[\p{L}\-]*)){0,3}$")]
    private static partial Regex SectionLabel();

    [GeneratedRegex(@"^\d{1,2}(?::\d\d)?(?i:am|pm|h)?$")]
    private static partial Regex TimeOrNumber();

    [GeneratedRegex(@"^\p{Lu}[\p{Lu}.'’\- ]{1,40}(?:,\s*\p{Lu}[\p{L}.'’\- ]{1,30}){0,2}(?:\s*,\s*|\s*--?\s*\([^)\n]{2,40}\)\s*--?\s*)")]
    private static partial Regex WirePrefix();

    [GeneratedRegex(@"^\s*(?:/[^/\n]{2,40}/\s*)?(?:--|—|–|-|:|\(|/)")]
    private static partial Regex WireSuffix();
}
