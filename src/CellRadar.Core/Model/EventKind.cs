namespace CellRadar.Core.Model;

/// <summary>The kinds of regulatory event of EVENTS.md.</summary>
public enum EventKind
{
    Designation,
    TrialAuthorization,
    Submission,
    Acceptance,
    Approval,
    Opinion,
    Rejection,
    Withdrawal,
    Access,
    Gmp,
}

public static class EventKindNames
{
    private static readonly string[] Names =
        ["designation", "trial_authorization", "submission", "acceptance", "approval", "opinion", "rejection", "withdrawal", "access", "gmp"];

    public static IReadOnlyList<EventKind> All { get; } = Enum.GetValues<EventKind>();

    /// <summary>The name used in gold files, JSON output and the database.</summary>
    public static string ToWire(this EventKind kind) => Names[(int)kind];

    public static bool TryParse(string? text, out EventKind kind)
    {
        var i = Array.IndexOf(Names, text?.Trim().ToLowerInvariant());
        kind = i < 0 ? default : (EventKind)i;
        return i >= 0;
    }
}
