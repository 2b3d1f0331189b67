namespace CellRadar.Core.Reconciliation;

/// <summary>Where a product stands in one market. The progression stages are ordered; rejected and withdrawn end a path.</summary>
public enum MarketStage
{
    Designated = 1,
    InTrials = 2,
    Filed = 3,
    UnderReview = 4,
    Approved = 5,
    Rejected = 6,
    Withdrawn = 7,
}

public static class MarketStageNames
{
    private static readonly string[] Names = ["", "designated", "in trials", "filed", "under review", "approved", "rejected", "withdrawn"];

    public static string ToWire(this MarketStage stage) => Names[(int)stage];

    public static bool TryParse(string? text, out MarketStage stage)
    {
        var i = Array.IndexOf(Names, text?.Trim().ToLowerInvariant());
        stage = i <= 0 ? default : (MarketStage)i;
        return i > 0;
    }

    /// <summary>True for the stages a product climbs through; rejected and withdrawn are not on the ladder.</summary>
    public static bool IsProgression(this MarketStage stage) => stage is >= MarketStage.Designated and <= MarketStage.Approved;
}
