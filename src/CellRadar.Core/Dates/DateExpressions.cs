using System.Collections.Frozen;
using System.Text.RegularExpressions;
using CellRadar.Core.Model;

namespace CellRadar.Core.Dates;

/// <summary>
/// Finds date expressions in text in one regex pass. Month and weekday names must be capitalised
/// ("may" and "march" are verbs); bare numbers count as years only next to a preposition or in
/// parentheses, so "2023 patients" or "$2025" are not dates.
/// </summary>
public static partial class DateExpressions
{
    // Capital first letter, the rest any case: "June", "JUNE", "Jun.", but never the verb "may".
    private const string Mon =
        @"(?:J(?i:an(?:uary|\.)?|u(?:ne|n\.?|ly|l\.?))|F(?i:eb(?:ruary|\.)?)|M(?i:ar(?:ch|\.)?|ay)|A(?i:pr(?:il|\.)?|ug(?:ust|\.)?)|S(?i:ep(?:tember|t\.?|\.)?)|O(?i:ct(?:ober|\.)?)|N(?i:ov(?:ember|\.)?)|D(?i:ec(?:ember|\.)?))(?![A-Za-z])";
    private const string Day = @"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)";
    private const string Year = @"(?:19|20|21)\d\d(?![\d])";
    private const string Wd = @"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|(?:MON|TUES|WEDNES|THURS|FRI|SATUR|SUN)DAY";
    // Joins items of a list: "3 and 5", "January, February and March", "3-5".
    private const string Join = @"(?:\s*,\s*(?:and\s+|&\s*)?|\s+(?:and|&|or|to|through)\s+|\s*[-–]\s*)";
    private const string Sep = @"(?:\s*,\s*(?:and\s+|&\s*)?|\s+(?:and|&|or)\s+|\s*[-–]\s*)";
    private const string Ordinal = @"(?i:first|second|third|fourth|final|1st|2nd|3rd|4th)";

    // The twenty alternatives, in the order the pattern tries them.
    // ISO 2023-06-30
    private const string Iso =
        @"(?<![\d\-/.])(?<iy>(?:19|20|21)\d\d)(?<isep>[-/.])(?<im>0?[1-9]|1[0-2])\k<isep>(?<id>0?[1-9]|[12]\d|3[01])(?![\d])";
    // 30/06/2023, kept only when day and month cannot be confused
    private const string Numeric =
        @"(?<![\d/.])(?<na>\d{1,2})[/.](?<nb>\d{1,2})[/.](?<ny>" + Year + ")";
    // 30 June 2023, 9 December, 3 and 5 June 2024 (optionally after a weekday)
    private const string DayMonth =
        @"(?<![\d\w])(?>(?<dd>" + Day + ")(?:" + Sep + "(?<dd>" + Day + @"))*)\s+(?:of\s+)?(?<dm>" + Mon + @")(?:,?\s+(?<dy>" + Year + "))?";
    // June 30, 2023; Jun. 30, 2023; June 3 and 5, 2024; June 30
    private const string MonthDay =
        @"(?<mm>" + Mon + @")\s+(?>(?<md>" + Day + ")(?:" + Sep + "(?<md>" + Day + @"))*)(?!\s*[:.]\d)(?:,?\s+(?<my>" + Year + "))?";
    // early June 2025, mid-March, the end of March
    private const string PartOfMonth =
        @"(?<![A-Za-z])(?<pp>(?i:early|mid|late|(?:the\s+)?(?:end|middle|beginning|start)\s+of))[\s-]+(?<pm>" + Mon + @")(?:,?\s+(?<pmy>" + Year + "))?";
    // June 2023; January and February 2025
    private const string MonthYear =
        @"(?>(?<lm>" + Mon + ")(?:" + Join + "(?<lm>" + Mon + @"))*),?\s+(?:of\s+)?(?<ly>" + Year + ")";
    // in March; in January and February (no year)
    private const string InMonth =
        @"(?<![A-Za-z])(?i:in|since|during|until|till|by|from|through|throughout|before|after|of|for|between)\s+(?>(?<bm>" + Mon + ")(?:" + Join + "(?<bm>" + Mon + @"))*)(?![\s,]*\d)";
    // last June, next March
    private const string RelativeMonthName =
        @"(?<![A-Za-z])(?<rmod>(?i:last|next|this))\s+(?<rm>" + Mon + @")(?![\s,]*\d)";
    // Q3 2025, Q1
    private const string QuarterCode =
        @"(?<![A-Za-z\d])Q(?<q>[1-4])(?![\d])(?:\s*(?:of\s+)?(?<qy>" + Year + "))?";
    // the third quarter of 2025, the fourth quarter of next year
    private const string QuarterWords =
        @"(?<![A-Za-z])(?<qo>" + Ordinal + @")[\s-]+(?i:quarter)(?:\s+(?i:of\s+)?(?:(?<qy>" + Year + @")|(?<qrel>(?i:this|next|last|the))\s+(?i:year)))?";
    // H2 2026, the second half of 2026
    private const string HalfCode =
        @"(?<![A-Za-z\d])H(?<h>[12])\s*(?<hy>" + Year + ")";
    private const string HalfWords =
        @"(?<![A-Za-z])(?<ho>(?i:first|second|1st|2nd|latter))[\s-]+(?i:half)(?:\s+(?i:of\s+)?(?:(?<hy>" + Year + @")|(?<hrel>(?i:this|next|last|the))\s+(?i:year)))?";
    // early 2026, mid-2026, by the end of 2025, the end of next year
    private const string PartOfYear =
        @"(?<![A-Za-z])(?<yp>(?i:early|mid|late|(?:the\s+)?(?:end|middle|beginning|start)\s+of))[\s-]+(?:(?<ypy>" + Year + @")|(?<yprel>(?i:this|next|last|the))\s+(?i:year))";
    // later this year, earlier this month, last week, next month
    private const string RelativeUnit =
        @"(?<![A-Za-z])(?<ru>(?i:(?:later|earlier)\s+this|this|last|next))\s+(?<unit>(?i:year|month|week))(?![A-Za-z])";
    // today, yesterday, tomorrow
    private const string RelativeDay =
        @"(?<![A-Za-z])(?<rd>(?i:today|yesterday|tomorrow))(?![A-Za-z])";
    // on Friday, last Monday (not when a full date follows: "Friday, June 5, 2025" is that date)
    private const string Weekday =
        @"(?<![A-Za-z])(?<wmod>(?i:on|last|next|this|by|until|since|from|before|after))\s+(?<wd>" + Wd + @")(?![A-Za-z])(?![\s,]+(?:\d|" + Mon + "))";
    // two weeks ago, a year ago, 3 months ago
    private const string Ago =
        @"(?<![A-Za-z\d])(?<agon>\d{1,2}|(?i:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))\s+(?<agou>(?i:days?|weeks?|months?|years?))\s+(?i:ago)(?![A-Za-z])";
    // in 2023, since 2018, (2023)
    private const string InYear =
        @"(?<![A-Za-z])(?i:in|since|during|until|till|by|from|through|throughout|before|after|of|for|fiscal|FY|year|calendar|around|to)\s+(?<yy>" + Year + @")(?![.,]?\d)(?!\s*(?i:patients|people|participants|subjects|cases|mg|doses|sites)\b)";
    // on the 19th (local time): a day with an ordinal suffix and no month, as translated Korean and Japanese releases date acts
    private const string DayOnly =
        @"(?<![A-Za-z])(?i:on)\s+the\s+(?<od>(?:3[01]|[12]\d|[1-9])(?:st|nd|rd|th))(?![A-Za-z\d])(?![\s,]+(?:of\s+)?(?:" + Mon + @"|(?i:day|floor|anniversary|century|line|place|time|round|attempt|edition|annual)\b))";
    private const string YearInParentheses =
        @"\((?<yy>" + Year + @")\)";

    private const string Pattern =
        Iso + "|" + Numeric + "|" + DayMonth + "|" + MonthDay + "|" + PartOfMonth + "|" + MonthYear
        + "|" + InMonth + "|" + RelativeMonthName + "|" + QuarterCode + "|" + QuarterWords + "|" + HalfCode + "|" + HalfWords
        + "|" + PartOfYear + "|" + RelativeUnit + "|" + RelativeDay + "|" + Weekday + "|" + InYear + "|" + YearInParentheses + "|" + DayOnly + "|" + Ago;

    [GeneratedRegex(Pattern, RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex Expression();

    // The pattern tried only at the position it is given (\G), for anything unusual at that position.
    [GeneratedRegex(@"\G(?:" + Pattern + ")", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex ExpressionAt();

    // The alternatives that can begin with a given character, in the pattern's order, each tried only at its
    // position. At a position where the others cannot match, the first success among these is the pattern's.
    [GeneratedRegex(@"\G(?:" + Iso + "|" + Numeric + "|" + DayMonth + "|" + QuarterWords + "|" + HalfWords + "|" + Ago + ")", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex AtDigit();

    [GeneratedRegex(@"\G(?:" + Ago + ")", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex AtCountWord();

    [GeneratedRegex(@"\G(?:" + MonthDay + "|" + MonthYear + ")", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex AtMonth();

    [GeneratedRegex(@"\G(?:" + PartOfMonth + "|" + PartOfYear + ")", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex AtPeriodWord();

    [GeneratedRegex(@"\G(?:" + InMonth + "|" + Weekday + "|" + InYear + "|" + DayOnly + ")", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex AtPreposition();

    [GeneratedRegex(@"\G(?:" + RelativeMonthName + "|" + RelativeUnit + "|" + Weekday + ")", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex AtRelativeWord();

    [GeneratedRegex(@"\G(?:" + QuarterWords + "|" + HalfWords + ")", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex AtOrdinalWord();

    [GeneratedRegex(@"\G(?:" + RelativeDay + ")", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex AtDayWord();

    [GeneratedRegex(@"\G(?:" + QuarterCode + ")", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex AtQ();

    [GeneratedRegex(@"\G(?:" + HalfCode + ")", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex AtH();

    [GeneratedRegex(@"\G(?:" + YearInParentheses + ")", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex AtParenthesis();

    /// <summary>All date expressions in <paramref name="text"/>, in text order.</summary>
    public static List<DateExpression> Find(string text)
    {
        var found = new List<DateExpression>();
        Find(text, found);
        return found;
    }

    /// <summary>Adds the date expressions in <paramref name="text"/> to <paramref name="into"/>, so callers can reuse one list.</summary>
    public static void Find(string text, List<DateExpression> into)
    {
        var first = into.Count;
        for (var m = NextMatch(text, 0); m is not null; m = NextMatch(text, m.Index + m.Length)) AddFrom(m, into);
        AddListedYears(text, into, first);
    }

    /// <summary>
    /// "in 2019 and 2020": the second year of a list follows no preposition of its own, so it is added
    /// after a found bare year when "and", "or" or "&" joins the two.
    /// </summary>
    private static void AddListedYears(string text, List<DateExpression> into, int first)
    {
        for (var i = first; i < into.Count; i++)
        {
            var e = into[i];
            if (e.Kind != DateExpressionKind.Date || e.Month != 0 || e.Year == 0) continue;
            var m = ListedYear().Match(text, e.Span.End, Math.Min(12, text.Length - e.Span.End));
            if (!m.Success) continue;
            var g = m.Groups["y"];
            var span = new TextSpan(g.Index, g.Index + g.Length);
            if (into.Any(x => x.Span.Overlaps(span))) continue;
            into.Insert(i + 1, new DateExpression { Span = span, Kind = DateExpressionKind.Date, Year = int.Parse(g.ValueSpan, System.Globalization.CultureInfo.InvariantCulture) });
        }
    }

    [GeneratedRegex(@"\G,?\s+(?:and|or|&)\s+(?<y>(?:19|20|21)\d\d)(?![.,]?\d)", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex ListedYear();

    /// <summary>The first date expression that starts at or after <paramref name="start"/>, or null.</summary>
    public static DateExpression? FindFirst(string text, int start = 0)
    {
        var list = new List<DateExpression>(2);
        for (var m = NextMatch(text, start); m is not null; m = NextMatch(text, m.Index + m.Length))
        {
            AddFrom(m, list);
            if (list.Count > 0) return list[0];
        }
        return null;
    }

    /// <summary>
    /// The leftmost match starting at or after <paramref name="from"/>: exactly what a scan of the whole pattern
    /// finds, at a fraction of the cost. A scan tries the twenty alternatives at every character; here only
    /// positions where one can begin are tried (<see cref="AlternativesAt"/>), with just those alternatives, in text
    /// order, so the first success is the leftmost match and matches never overlap, as with <see cref="Regex.Matches(string)"/>.
    /// </summary>
    private static Match? NextMatch(string text, int from)
    {
        for (var p = from; p < text.Length; p++)
        {
            // IsMatch keeps no captures and allocates nothing; only a hit pays for a Match with its groups.
            if (AlternativesAt(text, p) is not { } regex || !regex.IsMatch(text.AsSpan(), p)) continue;
            return regex.Match(text, p);
        }
        return null;
    }

    /// <summary>The reference: the whole pattern scanned over the text (tests check the fast search against it).</summary>
    internal static List<DateExpression> FindByScan(string text)
    {
        var found = new List<DateExpression>();
        foreach (Match m in Expression().Matches(text)) AddFrom(m, found);
        return found;
    }

    // Words alternatives begin with (case-insensitive), each with the alternatives that can begin with it.
    private static readonly FrozenDictionary<string, Func<Regex>>.AlternateLookup<ReadOnlySpan<char>> StartWords = new Dictionary<string, Func<Regex>>(StringComparer.OrdinalIgnoreCase)
    {
        ["early"] = AtPeriodWord, ["mid"] = AtPeriodWord, ["late"] = AtPeriodWord, ["the"] = AtPeriodWord, ["end"] = AtPeriodWord,
        ["middle"] = AtPeriodWord, ["beginning"] = AtPeriodWord, ["start"] = AtPeriodWord,
        ["in"] = AtPreposition, ["since"] = AtPreposition, ["during"] = AtPreposition, ["until"] = AtPreposition, ["till"] = AtPreposition,
        ["by"] = AtPreposition, ["from"] = AtPreposition, ["through"] = AtPreposition, ["throughout"] = AtPreposition,
        ["before"] = AtPreposition, ["after"] = AtPreposition, ["of"] = AtPreposition, ["for"] = AtPreposition, ["between"] = AtPreposition,
        ["on"] = AtPreposition, ["fiscal"] = AtPreposition, ["fy"] = AtPreposition, ["year"] = AtPreposition, ["calendar"] = AtPreposition,
        ["around"] = AtPreposition, ["to"] = AtPreposition,
        ["last"] = AtRelativeWord, ["next"] = AtRelativeWord, ["this"] = AtRelativeWord, ["later"] = AtRelativeWord, ["earlier"] = AtRelativeWord,
        ["first"] = AtOrdinalWord, ["second"] = AtOrdinalWord, ["third"] = AtOrdinalWord, ["fourth"] = AtOrdinalWord, ["final"] = AtOrdinalWord,
        ["latter"] = AtOrdinalWord,
        ["today"] = AtDayWord, ["yesterday"] = AtDayWord, ["tomorrow"] = AtDayWord,
        ["a"] = AtCountWord, ["an"] = AtCountWord, ["one"] = AtCountWord, ["two"] = AtCountWord, ["three"] = AtCountWord, ["four"] = AtCountWord,
        ["five"] = AtCountWord, ["six"] = AtCountWord, ["seven"] = AtCountWord, ["eight"] = AtCountWord, ["nine"] = AtCountWord,
        ["ten"] = AtCountWord, ["eleven"] = AtCountWord, ["twelve"] = AtCountWord,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The alternatives that can match at <paramref name="p"/>, or null where none can. Every alternative begins
    /// with a digit, "(", "Q" or "H", a month name (capital first letter, no look-behind), or one of the
    /// <see cref="StartWords"/> not preceded by an ASCII letter and followed by a non-letter. Where a non-ASCII
    /// letter or digit is involved the whole pattern is tried, since case-insensitive and \d matching reach a
    /// few of them (the long s, the Kelvin sign, other scripts' digits).
    /// </summary>
    private static Regex? AlternativesAt(string text, int p)
    {
        var c = text[p];
        if (char.IsAsciiDigit(c))
        {
            // After a digit only an ordinal can start ("21st" holds "1st"); every other digit alternative looks behind for one.
            if (p == 0 || !char.IsDigit(text[p - 1])) return AtDigit();
            return c is >= '1' and <= '4' && p + 1 < text.Length && (char.IsAsciiLetter(text[p + 1]) || text[p + 1] >= 0x80) ? AtDigit() : null;
        }
        switch (c)
        {
            case '(': return AtParenthesis();
            case 'Q': return AtQ();
            case 'H': return AtH();
        }
        if (c >= 0x80) return char.IsLetterOrDigit(c) ? ExpressionAt() : null;
        if (!char.IsAsciiLetter(c)) return null;
        if (c is 'J' or 'F' or 'M' or 'A' or 'S' or 'O' or 'N' or 'D' && p + 2 < text.Length && IsMonthStart(c, text[p + 1], text[p + 2])) return AtMonth();
        if (p > 0 && char.IsAsciiLetter(text[p - 1])) return null;
        var end = p + 1;
        while (end < text.Length && char.IsAsciiLetter(text[end])) end++;
        if (end < text.Length && text[end] >= 0x80 && char.IsLetter(text[end])) return ExpressionAt();
        return end - p <= 10 && StartWords.TryGetValue(text.AsSpan(p, end - p), out var alternatives) ? alternatives() : null;
    }

    /// <summary>The first three letters of a month name as <see cref="Mon"/> reads them: capital first, the rest any case.</summary>
    private static bool IsMonthStart(char c, char b, char d)
    {
        b = char.ToLowerInvariant(b);
        d = char.ToLowerInvariant(d);
        return c switch
        {
            'J' => b == 'a' && d == 'n' || b == 'u' && d is 'n' or 'l',
            'F' => b == 'e' && d == 'b',
            'M' => b == 'a' && d is 'r' or 'y',
            'A' => b == 'p' && d == 'r' || b == 'u' && d == 'g',
            'S' => b == 'e' && d == 'p',
            'O' => b == 'c' && d == 't',
            'N' => b == 'o' && d == 'v',
            _ => b == 'e' && d == 'c',
        };
    }

    private static void AddFrom(Match m, List<DateExpression> into)
    {
        var g = m.Groups;
        if (g["iy"].Success)
        {
            AddDate(into, Span(m), Int(g["iy"]), Int(g["im"]), Int(g["id"]));
        }
        else if (g["na"].Success)
        {
            // Day-first and month-first both occur; only a reading that is the same either way, or possible one way only, is taken.
            int a = Int(g["na"]), b = Int(g["nb"]), y = Int(g["ny"]);
            int day, month;
            if (a == b || (a > 12 && b <= 12)) (day, month) = (a, b);
            else if (b > 12 && a <= 12) (day, month) = (b, a);
            // "05.03.2024" is 5 March or 3 May: only the year is certain.
            else if (a <= 12 && b <= 12) (day, month) = (0, 0);
            else return;
            AddDate(into, Span(m), y, month, day);
        }
        else if (g["dd"].Success)
        {
            var month = MonthOf(g["dm"].Value);
            var year = g["dy"].Success ? Int(g["dy"]) : 0;
            var days = g["dd"].Captures;
            for (var i = 0; i < days.Count; i++)
            {
                // Earlier list members cover their own number; the last carries the month and year as written.
                var span = i == days.Count - 1 ? new TextSpan(days[i].Index, m.Index + m.Length) : Span(days[i]);
                AddDate(into, span, year, month, DayOf(days[i].Value));
            }
        }
        else if (g["mm"].Success)
        {
            var month = MonthOf(g["mm"].Value);
            var year = g["my"].Success ? Int(g["my"]) : 0;
            var days = g["md"].Captures;
            for (var i = 0; i < days.Count; i++)
            {
                var span = i == 0 ? new TextSpan(m.Index, days[0].Index + days[0].Length) : Span(days[i]);
                if (i == days.Count - 1) span = span with { End = m.Index + m.Length };
                AddDate(into, span, year, month, DayOf(days[i].Value));
            }
        }
        else if (g["pp"].Success)
        {
            AddDate(into, Span(m), g["pmy"].Success ? Int(g["pmy"]) : 0, MonthOf(g["pm"].Value), 0, PartOf(g["pp"].Value));
        }
        else if (g["lm"].Success)
        {
            var year = Int(g["ly"]);
            var months = g["lm"].Captures;
            for (var i = 0; i < months.Count; i++)
            {
                var span = i == months.Count - 1 ? new TextSpan(months[i].Index, m.Index + m.Length) : Span(months[i]);
                AddDate(into, span, year, MonthOf(months[i].Value), 0);
            }
        }
        else if (g["bm"].Success)
        {
            foreach (Capture c in g["bm"].Captures) AddDate(into, Span(c), 0, MonthOf(c.Value), 0);
        }
        else if (g["rm"].Success)
        {
            into.Add(new DateExpression
            {
                Span = Span(m),
                Kind = DateExpressionKind.RelativeMonthName,
                Month = MonthOf(g["rm"].Value),
                Offset = OffsetOf(g["rmod"].Value),
            });
        }
        else if (g["q"].Success || g["qo"].Success)
        {
            var q = g["q"].Success ? Int(g["q"]) : OrdinalOf(g["qo"].Value);
            into.Add(new DateExpression
            {
                Span = Span(m),
                Kind = DateExpressionKind.Quarter,
                Quarter = q,
                Year = g["qy"].Success ? Int(g["qy"]) : 0,
                Offset = g["qrel"].Success ? OffsetOf(g["qrel"].Value) : null,
            });
        }
        else if (g["h"].Success || g["ho"].Success)
        {
            var h = g["h"].Success ? Int(g["h"]) : Math.Min(2, OrdinalOf(g["ho"].Value));
            into.Add(new DateExpression
            {
                Span = Span(m),
                Kind = DateExpressionKind.Half,
                Half = h,
                Year = g["hy"].Success ? Int(g["hy"]) : 0,
                Offset = g["hrel"].Success ? OffsetOf(g["hrel"].Value) : null,
            });
        }
        else if (g["yp"].Success)
        {
            var part = PartOf(g["yp"].Value);
            if (g["ypy"].Success) AddDate(into, Span(m), Int(g["ypy"]), 0, 0, part);
            else into.Add(new DateExpression { Span = Span(m), Kind = DateExpressionKind.RelativeYear, Part = part, Offset = OffsetOf(g["yprel"].Value) });
        }
        else if (g["ru"].Success)
        {
            var ru = g["ru"].Value;
            var part = ru.StartsWith("later", StringComparison.OrdinalIgnoreCase) ? PeriodPart.Late
                : ru.StartsWith("earlier", StringComparison.OrdinalIgnoreCase) ? PeriodPart.Early : PeriodPart.None;
            var kind = char.ToLowerInvariant(g["unit"].Value[0]) switch
            {
                'y' => DateExpressionKind.RelativeYear,
                'm' => DateExpressionKind.RelativeMonth,
                _ => DateExpressionKind.RelativeWeek,
            };
            into.Add(new DateExpression { Span = Span(m), Kind = kind, Part = part, Offset = OffsetOf(LastWord(ru)) });
        }
        else if (g["rd"].Success)
        {
            var offset = char.ToLowerInvariant(g["rd"].Value[2]) switch { 'd' => 0, 's' => -1, _ => 1 };
            into.Add(new DateExpression { Span = Span(m), Kind = DateExpressionKind.RelativeDay, Offset = offset });
        }
        else if (g["wd"].Success)
        {
            var mod = g["wmod"].Value.ToLowerInvariant();
            var relative = mod is "last" or "next" or "this";
            into.Add(new DateExpression
            {
                Span = relative ? Span(m) : Span(g["wd"]),
                Kind = DateExpressionKind.Weekday,
                Weekday = WeekdayOf(g["wd"].Value),
                Offset = mod switch { "last" => -1, "next" => 1, _ => 0 },
            });
        }
        else if (g["agon"].Success)
        {
            var n = g["agon"].Value.ToLowerInvariant() switch
            {
                "a" or "an" or "one" => 1, "two" => 2, "three" => 3, "four" => 4, "five" => 5, "six" => 6, "seven" => 7, "eight" => 8,
                "nine" => 9, "ten" => 10, "eleven" => 11, "twelve" => 12, var digits => DayOf(digits),
            };
            var kind = char.ToLowerInvariant(g["agou"].Value[0]) switch
            {
                'd' => DateExpressionKind.RelativeDay,
                'w' => DateExpressionKind.RelativeWeek,
                'm' => DateExpressionKind.RelativeMonth,
                _ => DateExpressionKind.RelativeYear,
            };
            into.Add(new DateExpression { Span = Span(m), Kind = kind, Offset = -n });
        }
        else if (g["od"].Success)
        {
            into.Add(new DateExpression { Span = Span(m), Kind = DateExpressionKind.DayOfMonth, Day = DayOf(g["od"].Value) });
        }
        else if (g["yy"].Success)
        {
            AddDate(into, Span(g["yy"]), Int(g["yy"]), 0, 0);
        }
    }

    private static void AddDate(List<DateExpression> into, TextSpan span, int year, int month, int day, PeriodPart part = PeriodPart.None)
    {
        // Without a year, 29 February is possible; 31 June never is.
        if (day > 0 && day > DateTime.DaysInMonth(year > 0 ? year : 2024, month)) return;
        into.Add(new DateExpression { Span = span, Kind = DateExpressionKind.Date, Year = year, Month = month, Day = day, Part = part });
    }

    private static TextSpan Span(Capture c) => new(c.Index, c.Index + c.Length);

    /// <summary>
    /// The number a group holds. \d also matches other scripts' digits ("١٢/٥/2023"), which int.Parse rejects
    /// with an exception that would stop the whole run; each digit's numeric value is added up instead.
    /// </summary>
    private static int Int(Group g)
    {
        var n = 0;
        foreach (var c in g.ValueSpan) n = n * 10 + (int)char.GetNumericValue(c);
        return n;
    }

    private static int DayOf(string text)
    {
        var n = 0;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c)) break;
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private static int MonthOf(string name) => char.ToLowerInvariant(name[0]) switch
    {
        'j' => char.ToLowerInvariant(name[1]) == 'a' ? 1 : char.ToLowerInvariant(name[2]) == 'n' ? 6 : 7,
        'f' => 2,
        'm' => char.ToLowerInvariant(name[2]) == 'r' ? 3 : 5,
        'a' => char.ToLowerInvariant(name[1]) == 'p' ? 4 : 8,
        's' => 9,
        'o' => 10,
        'n' => 11,
        _ => 12,
    };

    private static DayOfWeek WeekdayOf(string name) => char.ToLowerInvariant(name[0]) switch
    {
        'm' => DayOfWeek.Monday,
        'w' => DayOfWeek.Wednesday,
        'f' => DayOfWeek.Friday,
        't' => char.ToLowerInvariant(name[1]) == 'u' ? DayOfWeek.Tuesday : DayOfWeek.Thursday,
        _ => char.ToLowerInvariant(name[1]) == 'a' ? DayOfWeek.Saturday : DayOfWeek.Sunday,
    };

    private static int OrdinalOf(string word) => char.ToLowerInvariant(word[0]) switch
    {
        'f' when word.Length > 1 && char.ToLowerInvariant(word[1]) == 'o' => 4,
        'f' when word.Length > 1 && char.ToLowerInvariant(word[1]) == 'i' && char.ToLowerInvariant(word[2]) == 'n' => 4,
        'f' or '1' => 1,
        's' or '2' or 'l' => 2,
        't' or '3' => 3,
        _ => 4,
    };

    private static int OffsetOf(string word) => word.ToLowerInvariant() switch
    {
        "last" => -1,
        "next" => 1,
        _ => 0,
    };

    private static PeriodPart PartOf(string phrase)
    {
        var p = phrase.ToLowerInvariant();
        if (p.StartsWith("early", StringComparison.Ordinal) || p.Contains("beginning", StringComparison.Ordinal) || p.Contains("start", StringComparison.Ordinal)) return PeriodPart.Early;
        if (p.StartsWith("mid", StringComparison.Ordinal) || p.Contains("middle", StringComparison.Ordinal)) return PeriodPart.Mid;
        if (p.StartsWith("late", StringComparison.Ordinal)) return PeriodPart.Late;
        return PeriodPart.End;
    }

    private static string LastWord(string phrase)
    {
        var t = phrase.TrimEnd();
        var i = t.LastIndexOfAny([' ', '\t', '\n', '\r']);
        return i < 0 ? t : t[(i + 1)..];
    }
}
