namespace CellRadar.Core.Model;

public static class ExtractorInfo
{
    /// <summary>Bumped whenever a rule or the catalog changes what the extractor outputs.</summary>
    public const string Version = "cellradar-rules/0.1.0";
}
