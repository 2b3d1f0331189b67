using CellRadar.Core.Errors;

namespace CellRadar.Storage;

/// <summary>Decides which database file a command uses: <c>--db</c>, else <c>CELLRADAR_DB</c>, else the user's data folder.</summary>
public static class StoreLocation
{
    public const string EnvironmentVariable = "CELLRADAR_DB";

    public static string Resolve(string? option, Func<string, string?> environment)
    {
        if (!string.IsNullOrWhiteSpace(option)) return option;
        if (environment(EnvironmentVariable) is { Length: > 0 } fromEnvironment && !string.IsNullOrWhiteSpace(fromEnvironment))
            return fromEnvironment;
        var dataFolder = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        if (string.IsNullOrEmpty(dataFolder))
        {
            throw new CellRadarException(new CellRadarError(ErrorCode.StoreUnavailable, "(default database)",
                $"this system has no user data folder; pass --db PATH or set {EnvironmentVariable}"));
        }
        return Path.Combine(dataFolder, "cellradar", "cellradar.db");
    }
}
