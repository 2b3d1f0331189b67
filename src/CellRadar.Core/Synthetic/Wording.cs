using System.Globalization;
using CellRadar.Core.Catalog;

namespace CellRadar.Core.Synthetic;

/// <summary>How the generated press writes names and dates: the varied forms real outlets use.</summary>
internal static class Wording
{
    private static readonly string[] MonthNames = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames;
    private static readonly string[] WireMonths = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];

    // Words that make an agency's name read as "the ...".
    private static readonly string[] TakesArticle =
    [
        "Agency", "Administration", "Authority", "Commission", "Ministry", "Department", "Center", "Centre", "Institute", "Office",
        "Committee", "Board", "Service", "Division", "Organisation", "Organization", "Bureau", "Directorate", "Establishment", "Council",
    ];

    public static T Pick<T>(Random r, IReadOnlyList<T> options) => options[r.Next(options.Count)];

    /// <summary>A product as the press names it: brand with INN, INN, brand, sponsor code or short name.</summary>
    public static string Product(Random r, ProductEntry p)
    {
        var brand = p.Brands.Count > 0 ? p.Brands[r.Next(p.Brands.Count)] : null;
        var roll = r.Next(100);
        if (brand is not null && roll < 35) return $"{brand} ({p.Canonical})";
        if (brand is not null && roll < 55) return brand;
        if (p.Codes.Count > 0 && roll < 65) return p.Codes[r.Next(p.Codes.Count)];
        if (p.ShortNames.Count > 0 && roll < 75) return p.ShortNames[r.Next(p.ShortNames.Count)];
        return p.Canonical;
    }

    /// <summary>An agency by its full name, a catalog alias or its short form, with "the" where English wants it.</summary>
    public static string Agency(Random r, AgencyEntry a)
    {
        var names = a.Aliases;
        var name = r.Next(5) == 0 || names.Count == 0 ? a.Name : names[r.Next(names.Count)];
        if (name.Contains('\'') || name.Contains('\u2019') || name.Contains('(')) return name;
        foreach (var word in TakesArticle)
            if (name.Contains(word, StringComparison.Ordinal)) return "the " + name;
        return name;
    }

    /// <summary>A day written one of the ways the press writes it: "March 3, 2024" or "3 March 2024".</summary>
    public static string Day(Random r, DateOnly d) => r.Next(2) == 0
        ? $"{MonthNames[d.Month - 1]} {d.Day}, {d.Year}"
        : $"{d.Day} {MonthNames[d.Month - 1]} {d.Year}";

    public static string Month(DateOnly d) => $"{MonthNames[d.Month - 1]} {d.Year}";

    /// <summary>The date of a wire dateline: "March 3, 2024", "Sept. 12, 2023".</summary>
    public static string WireDay(DateOnly d) => $"{WireMonths[d.Month - 1]} {d.Day}, {d.Year}";

    /// <summary>The date of a trade-press dateline line: "3 March 2024".</summary>
    public static string PressDay(DateOnly d) => $"{d.Day} {MonthNames[d.Month - 1]} {d.Year}";

    public static string Indication(Random r, ProductEntry p) =>
        p.Indications.Count > 0 ? p.Indications[r.Next(p.Indications.Count)] : "a rare disease";

    /// <summary>What kind of medicine it is, for phrases like "its CAR-T therapy".</summary>
    public static string Modality(ProductEntry p) => p.Modality switch
    {
        "" or "other" => "investigational",
        var m => m,
    };

    public static string UpperFirst(string s) => s.Length == 0 || char.IsUpper(s[0]) ? s : char.ToUpperInvariant(s[0]) + s[1..];

    public static string LowerArticle(string s) => s.StartsWith("The ", StringComparison.Ordinal) ? "the " + s[4..] : s;

    public static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
