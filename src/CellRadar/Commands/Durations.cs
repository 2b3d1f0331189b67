using System.CommandLine.Parsing;
using System.Globalization;

namespace CellRadar.Commands;

/// <summary>Durations on the command line: a whole number and a unit, <c>30s</c>, <c>15m</c>, <c>1h</c> (and <c>500ms</c>).</summary>
internal static class Durations
{
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = default;
        var t = text.Trim().ToLowerInvariant();
        var unitStart = 0;
        while (unitStart < t.Length && char.IsAsciiDigit(t[unitStart])) unitStart++;
        if (unitStart == 0 || unitStart > 9) return false;
        var n = long.Parse(t.AsSpan(0, unitStart), NumberStyles.None, CultureInfo.InvariantCulture);
        duration = t[unitStart..] switch
        {
            "ms" => TimeSpan.FromMilliseconds(n),
            "s" => TimeSpan.FromSeconds(n),
            "m" => TimeSpan.FromMinutes(n),
            "h" => TimeSpan.FromHours(n),
            _ => TimeSpan.MinValue,
        };
        return duration != TimeSpan.MinValue;
    }

    /// <summary>A parser for an option taking a duration; <paramref name="allowZero"/> says whether 0 is meaningful.</summary>
    public static TimeSpan? Parse(ArgumentResult result, string name, bool allowZero)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (TryParse(text, out var d) && (allowZero ? d >= TimeSpan.Zero : d > TimeSpan.Zero)) return d;
        result.AddError($"{name} wants a duration such as 30s, 15m or 1h{(allowZero ? "" : " (more than zero)")}, not '{text}'.");
        return null;
    }

    /// <summary>The shortest exact way to write <paramref name="d"/> in these units (for messages).</summary>
    public static string Format(TimeSpan d) =>
        d.Ticks % TimeSpan.TicksPerHour == 0 && d >= TimeSpan.FromHours(1) ? $"{(long)d.TotalHours}h"
        : d.Ticks % TimeSpan.TicksPerMinute == 0 && d >= TimeSpan.FromMinutes(1) ? $"{(long)d.TotalMinutes}m"
        : d.Ticks % TimeSpan.TicksPerSecond == 0 ? $"{(long)d.TotalSeconds}s"
        : $"{(long)d.TotalMilliseconds}ms";
}
