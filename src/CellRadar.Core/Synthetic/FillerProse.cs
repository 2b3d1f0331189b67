using System.Text;
using CellRadar.Core.Catalog;

namespace CellRadar.Core.Synthetic;

/// <summary>
/// Article prose that states no regulatory event: trial readouts, manufacturing, markets, science,
/// patients. Written without any word of the event lexicon, so an extractor that finds an event here
/// has made one up.
/// </summary>
internal static class FillerProse
{
    private static readonly string[] Cities = ["Boston", "Shanghai", "Basel", "Cambridge", "San Diego", "London", "Tokyo", "Seoul", "Philadelphia", "Munich", "Singapore", "Hangzhou", "Leiden", "Toronto", "Melbourne"];
    private static readonly string[] Meetings = ["the annual meeting of a haematology society", "a transplantation congress", "an oncology conference in Chicago", "a gene therapy symposium", "a regional myeloma workshop", "an investor day"];
    private static readonly string[] Topics = ["vein-to-vein time", "manufacturing success rates", "lymphodepletion regimens", "outpatient dosing", "cytokine release syndrome management", "vector supply", "apheresis logistics", "durability of response", "long-term follow-up", "hospital capacity"];
    private static readonly string[] People = ["the chief medical officer", "a haematologist at a university hospital", "an analyst covering the sector", "the head of manufacturing", "a patient advocate", "the lead investigator"];

    private static readonly Func<Random, ProductEntry, string>[] Sentences =
    [
        (r, p) => $"In the pivotal study, {Pct(r)} of patients responded and responses lasted a median of {Months(r)} months.",
        (r, p) => $"Updated data from {Study(r)} were presented at {Wording.Pick(r, Meetings)}.",
        (r, p) => $"The median follow-up was {Months(r)} months, and {Pct(r)} of patients remained in remission at two years.",
        (r, p) => $"Grade 3 or higher cytokine release syndrome occurred in {Pct(r)} of participants, most of which resolved within a week.",
        (r, p) => $"{p.Sponsor} reported revenue of ${r.Next(20, 900)} million for the quarter, up {Pct(r)} on the same period a year earlier.",
        (r, p) => $"The company has expanded its production site near {Wording.Pick(r, Cities)} and expects to double capacity by the end of the decade.",
        (r, p) => $"Analysts said {Wording.Pick(r, Topics)} remains the main constraint on how many patients can be treated each year.",
        (r, p) => $"{Wording.UpperFirst(Wording.Pick(r, People))} said the field has moved quickly since the first products reached patients.",
        (r, p) => $"Each dose is made from the patient's own cells, a process that currently takes about {r.Next(9, 35)} days.",
        (r, p) => $"Researchers are also testing the approach in autoimmune conditions such as lupus and myositis.",
        (r, p) => $"The therapy targets {(p.Target.Length > 0 ? p.Target : "a protein found on diseased cells")} and is given as a single infusion.",
        (r, p) => $"About {r.Next(2, 90)},000 people are diagnosed with {Wording.Indication(r, p)} each year, according to estimates cited by the company.",
        (r, p) => $"The list price has drawn criticism from hospital groups, which say budgets were not planned for one-time therapies.",
        (r, p) => $"{p.Sponsor} employs roughly {r.Next(2, 95)},{r.Next(100, 999)} people across {r.Next(2, 40)} countries.",
        (r, p) => $"Several academic centres are running their own point-of-care programmes to cut costs and waiting times.",
        (r, p) => $"The study enrolled {r.Next(24, 480)} adults at {r.Next(8, 90)} sites in North America, Europe and Asia.",
        (r, p) => $"Investigators measured minimal residual disease at {r.Next(2, 12)} months as a secondary endpoint.",
        (r, p) => $"Interest in allogeneic, off-the-shelf products has grown because they could be stored and shipped in advance.",
        (r, p) => $"The company ended the period with ${r.Next(80, 4000)} million in cash, which it said funds operations into {r.Next(2026, 2031)}.",
        (r, p) => $"Physicians noted that older patients and those with prior bispecific exposure were well represented.",
        (r, p) => $"A second cohort exploring earlier lines of treatment is fully enrolled, with data due next spring.",
        (r, p) => $"The partners share development costs equally and split any profits outside Greater China.",
        (r, p) => $"Payers in several countries are piloting outcomes-based contracts for one-time treatments.",
        (r, p) => $"{Wording.UpperFirst(Wording.Pick(r, People))} described the results as consistent with earlier cohorts.",
        (r, p) => $"Neurological events were mostly low grade and reversible, the investigators wrote.",
    ];

    /// <summary>One paragraph of three to six sentences.</summary>
    public static void Paragraph(StringBuilder sb, Random r, ProductEntry p)
    {
        var n = 3 + r.Next(4);
        for (var i = 0; i < n; i++)
        {
            if (i > 0) sb.Append(' ');
            sb.Append(Sentences[r.Next(Sentences.Length)](r, p));
        }
    }

    /// <summary>A line or two of context after an event sentence, naming no new event.</summary>
    public static string Context(Random r, ProductEntry p, string name) => r.Next(4) switch
    {
        0 => $"{Wording.UpperFirst(name)} is {(p.Modality is "CAR-T" or "CAR-NK" or "TCR-T" or "TIL" ? "a" : "a one-time")} {Wording.Modality(p)} therapy developed by {p.Sponsor}.",
        1 => $"In the pivotal study, {Pct(r)} of patients responded and responses lasted a median of {Months(r)} months.",
        2 => $"{p.Sponsor} expects to make the therapy available at {r.Next(5, 120)} treatment centres over the coming months.",
        _ => $"The company will host a conference call for investors at {r.Next(7, 11)}:00 a.m. Eastern Time.",
    };

    /// <summary>A quotation from an executive, in the press-release manner.</summary>
    public static string Quote(Random r, ProductEntry p)
    {
        var line = Wording.Pick(r,
        [
            "This milestone reflects years of work by our teams and by the patients and families who took part in our studies.",
            "We are proud to bring this treatment option to people who have had very few choices until now.",
            "Our focus now turns to making sure every eligible patient can be treated quickly.",
            "The results we have seen give us real confidence in what this therapy can do.",
        ]);
        var who = Wording.Pick(r, ["Chief Executive Officer", "President of Research and Development", "Chief Medical Officer", "Head of Cell Therapy"]);
        return $"\u201C{line}\u201D said {Wording.Pick(r, FirstNames)} {Wording.Pick(r, LastNames)}, {who} of {p.Sponsor}.";
    }

    public static readonly string[] FirstNames = ["Anna", "Wei", "Daniel", "Priya", "Kenji", "Maria", "Tomasz", "Grace", "Omar", "Lena", "Hiroshi", "Claire", "Ravi", "Sofia", "Jonas"];
    public static readonly string[] LastNames = ["Keller", "Zhang", "Okafor", "Lindqvist", "Tanaka", "Moreau", "Novak", "Haddad", "Brennan", "Iyer", "Costa", "Sato", "Fischer", "Nguyen", "Walsh"];

    private static string Pct(Random r) => $"{r.Next(12, 96)}%";
    private static string Months(Random r) => $"{r.Next(6, 60)}.{r.Next(10)}";
    private static string Study(Random r) => $"the {Wording.Pick(r, ["phase 1", "phase 2", "phase 1b/2", "registrational phase 2", "phase 3"])} study";
}
