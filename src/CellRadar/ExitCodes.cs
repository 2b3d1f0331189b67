namespace CellRadar;

/// <summary>The process exit codes every command uses.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Some input failed (and was skipped), a threshold was missed, or the database could not be used.</summary>
    public const int Failed = 1;

    /// <summary>The command line itself was wrong: unknown option, missing argument, bad value.</summary>
    public const int BadUsage = 2;
}
