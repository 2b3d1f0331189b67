using System.Text;
using CellRadar.Core.Catalog;

namespace CellRadar.Core.Synthetic;

/// <summary>
/// What sites print around an article: share buttons and counters, webinar adverts with their own dates,
/// newsletter boxes, "Related stories" lists whose headlines name other products and events, author bios,
/// sponsor and copyright lines. None of it is the article, and no gold event comes from it.
/// </summary>
internal static class PageFurniture
{
    public static void Counter(StringBuilder sb, Random r) =>
        sb.Append(r.Next(3) switch { 0 => $"{r.Next(2, 400)}\nSHARES", 1 => $"{r.Next(2, 12)} min read", _ => $"Comments \u00B7 {r.Next(5, 900)} Views" }).Append("\n\n");

    public static void Share(StringBuilder sb, Random r) =>
        sb.Append(Wording.Pick(r, ["Share this article\nFacebook\nLinkedIn\nEmail", "Share via", "Share on X\nShare on LinkedIn\nPrint", "Share this story\nCopy link"])).Append("\n\n");

    /// <summary>A webinar advert with a date line of its own, which is never the article's date.</summary>
    public static void Advert(StringBuilder sb, Random r, DateOnly around)
    {
        var day = around.AddDays(r.Next(5, 60));
        sb.Append(Wording.Pick(r, ["Reserve your FREE place", "Reserve your seat", "Free webinar"])).Append("\n\n");
        sb.Append(Wording.Pick(r,
        [
            "Cutting release testing time for autologous products",
            "Scaling viral vector supply without losing quality",
            "Cold chain lessons from the first hundred commercial infusions",
            "Automating sterility testing in cell therapy suites",
        ])).Append("\n\n");
        sb.Append($"{Wording.PressDay(day)} | {r.Next(1, 5)}:00 PM GMT | {Wording.Pick(r, ["FREE Virtual Panel Discussion", "Live webinar", "Free virtual event"])}\n\n");
        sb.Append("This session brings together quality leaders to share how they shortened turnaround times while keeping full data integrity.\n\n");
        sb.Append("Key learning points:\n\n");
        sb.Append("\u2022 Understand where most delays arise in release testing\n\u2022 Learn how other sites validated rapid methods\n\u2022 Find out what inspectors ask about automation\n\n");
        sb.Append(Wording.Pick(r, ["Register for FREE", "Register now", "Save your seat"])).Append("\n\n");
    }

    public static void Newsletter(StringBuilder sb, Random r) =>
        sb.Append(Wording.Pick(r,
        [
            "Sign up to our free newsletter\n\nGet the latest cell and gene therapy news delivered to your inbox every week.\n\nSubscribe",
            "Stay up to date with the stories that matter. Enter your email address to join our mailing list.",
            "Sign up for our daily briefing and get the latest news in your inbox.",
        ])).Append("\n\n");

    /// <summary>"Related stories": headlines about other products, some of them stating events of their own.</summary>
    public static void Related(StringBuilder sb, Random r, SyntheticCast cast)
    {
        sb.Append(Wording.Pick(r, ["Related stories", "Most read", "You may also like", "Latest news"])).Append("\n\n");
        var n = 3 + r.Next(3);
        for (var i = 0; i < n; i++)
        {
            var p = cast.Products[r.Next(cast.Products.Length)];
            var place = cast.AnyPlace(r);
            var name = p.Brands.Count > 0 ? p.Brands[0] : p.Canonical;
            sb.Append(r.Next(4) switch
            {
                0 => $"{place.Regulator.Short} approves {name} in {Wording.Indication(r, p)}",
                1 => $"{name} wins {place.Name} nod after long wait",
                2 => $"Five things to watch in {name}'s next readout",
                _ => $"{p.Sponsor} cuts jobs as it refocuses on {Wording.Modality(p)} pipeline",
            }).Append("\n\n");
        }
    }

    public static void AuthorBio(StringBuilder sb, Random r) =>
        sb.Append($"About the author\n\n{Wording.Pick(r, FillerProse.FirstNames)} {Wording.Pick(r, FillerProse.LastNames)} has covered biotechnology for {r.Next(3, 20)} years, "
            + "with a focus on cell therapy manufacturing and the companies building it. Before journalism, they worked in a clinical laboratory.\n\n");

    public static void Footer(StringBuilder sb, Random r, DateOnly day) =>
        sb.Append(r.Next(2) == 0
            ? $"\u00A9 {day.Year} Example Media Group. All rights reserved.\n\nPrivacy policy\n\nTerms of use\n"
            : "This website uses cookies to improve your experience. Accept all cookies\n\nContact us\n");
}
