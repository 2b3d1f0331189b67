using CellRadar.Core.Reconciliation;

namespace CellRadar.Pages;

/// <summary>How a market stage is drawn: a class the stylesheet colours, and always its name in words (colour is never the only cue).</summary>
internal static class Stages
{
    /// <summary>Most advanced first: the legend's order.</summary>
    public static readonly MarketStage[] Legend =
        [MarketStage.Approved, MarketStage.UnderReview, MarketStage.Filed, MarketStage.InTrials, MarketStage.Designated, MarketStage.Rejected, MarketStage.Withdrawn];

    public static string Class(MarketStage stage) => "stage stage-" + stage.ToWire().Replace(' ', '-');

    /// <summary>A few letters for a map tile, spelled out in the legend.</summary>
    public static string Abbreviation(MarketStage stage) => stage switch
    {
        MarketStage.Approved => "APP",
        MarketStage.UnderReview => "REV",
        MarketStage.Filed => "FIL",
        MarketStage.InTrials => "TRI",
        MarketStage.Designated => "DES",
        MarketStage.Rejected => "REJ",
        _ => "WDN",
    };

    public static Html Badge(Html html, MarketStage stage) => html.Element("span", stage.ToWire(), ("class", Class(stage)));

    /// <summary>The key of colours and abbreviations, as a list (readable without the colours).</summary>
    public static void WriteLegend(Html html, bool abbreviations)
    {
        html.Open("ul", ("class", "legend"), ("aria-label", "Stages"));
        foreach (var stage in Legend)
        {
            html.Open("li").Element("span", abbreviations ? Abbreviation(stage) : "", ("class", Class(stage) + " swatch"), ("aria-hidden", "true"))
                .Text(" " + stage.ToWire()).Close("li");
        }
        html.Close("ul");
    }
}
