namespace CellRadar.Core.Tests.Cleaning;

/// <summary>
/// Made-up pages in the shapes scrapers deliver (written for these tests; companies and products are invented).
/// Each keeps the article paragraphs in <c>Article</c> lists so tests can check every one survives.
/// </summary>
internal static class CleaningFixtures
{
    public static readonly string[] WireArticle =
    [
        "Nordlys Bio Receives FDA Fast Track Designation for NB-204",
        "OSLO, Norway, April 2, 2025 /PRNewswire/ -- Nordlys Bio today announced that the U.S. Food and Drug Administration has granted Fast Track designation to NB-204, its autologous CAR-T candidate for relapsed follicular lymphoma.",
        "The designation allows more frequent meetings with the agency during development, the company said.",
        "About Nordlys Bio",
        "Nordlys Bio is a clinical-stage company based in Oslo that develops engineered cell therapies for blood cancers.",
    ];

    public static readonly string Wire = string.Join("\n\n", WireArticle[..3]) + "\n\nShare via\nTweet\nPrint\n\n"
        + WireArticle[3] + "\n" + WireArticle[4] + "\n\n© 2025 Example Newswire Ltd. All rights reserved.\n";

    public static readonly string[] TradeArticle =
    [
        "Regulator accepts filing for gene therapy in haemophilia",
        "The Medicines Agency has validated the marketing application for Lumacor, a one-time gene therapy for severe haemophilia B.",
        "A decision is expected in the first half of 2026, according to the sponsor, Brightwell Therapeutics.",
        "Brightwell said the filing draws on three years of follow-up from its pivotal study in adult men.",
        "Earlier Trials",
        "Its earlier trials were run at sites in Spain, Italy and Poland, where the product was made under contract.",
    ];

    public static readonly string Trade =
        "news\n\n" + TradeArticle[0] + "\n\n12\nSHARES\n\n" + TradeArticle[1] + "\n\nImage credit: Stock photo library\n\n"
        + TradeArticle[2] + "\n\u00A0\nReserve your FREE place\n\u00A0\nCut your assay turnaround with automated colony counting.\n\n"
        + "4 December 2025 | 2:00 PM GMT | FREE Virtual Panel Discussion\n\n"
        + "This webinar walks through an automated counting platform for sterility testing, explaining how it shortens release times and how it fits existing quality systems.\n\n"
        + "Key learning points:\n\n  \u2022 See how automated counting fits a release workflow\n  \u2022 Hear how one site validated the method\n\n"
        + "Don\u2019t miss the chance to ask our panel your questions \u2013 Register for FREE\n\u00A0\n"
        + TradeArticle[3] + "\n\nDiscover Trial Recruitment That Works\nReach engaged professionals across 20 leading media platforms.\n"
        + TradeArticle[4] + "\n" + TradeArticle[5] + "\n\n"
        + "Stay Connected\n\nSign up to our free newsletter and get the week's top stories sent to your inbox\n\nShow\n\nForgot your password?\n\nBack to log-in\n\nClose\n\n"
        + "Related stories\n\nAgency clears second CAR-T maker\n\n12 March 2025\n\nThree biotechs merge in Basel\n\n"
        + "Gene therapy coverage on Example Pharma Daily is supported by Acme Instruments.\n"
        + "Editorial content is independently produced and follows our editorial code. Sponsors have no say in what we publish.\n";

    public static readonly string[] FarmArticle =
    [
        "Japan Cell Therapy : How Japan Became A Testing Ground For Regenerative Medicine",
        "Japan has built a conditional approval route that lets regenerative products reach patients after smaller studies, and several firms now use it to launch earlier than they could elsewhere.",
        "A Fast Route",
        "Under the route, a product can be approved on evidence of probable benefit and must confirm it within a set period, after which the approval lapses unless the sponsor proves efficacy.",
        "Firms from abroad have taken note, and some now run their first trials in Japan before filing in the United States or in Europe.",
    ];

    public static readonly string Farm =
        FarmArticle[0] + "\n\nComments \u00B7 12 Views\n\n"
        + "Firms from abroad have taken note, and some now run their first trials in Japan before\n\n"
        + FarmArticle[1] + "\n\n\n" + FarmArticle[2] + "\n\n\n" + FarmArticle[3] + "\n\n" + FarmArticle[4] + "\n\n"
        + "Get more insights on this topic: https://farm.example.net/japan-cell-therapy\n\n"
        + "Author Bio\n\nRiya writes about market research for a content agency and has edited reports for five years.\n\nComments";

    public static IEnumerable<object[]> All() =>
    [
        ["wire", Wire, WireArticle],
        ["trade", Trade, TradeArticle],
        ["farm", Farm, FarmArticle],
    ];
}
