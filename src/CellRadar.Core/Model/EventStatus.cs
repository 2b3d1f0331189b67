namespace CellRadar.Core.Model;

public enum EventStatus
{
    /// <summary>The act happened.</summary>
    Occurred,
    /// <summary>A process is under way ("review is ongoing").</summary>
    Ongoing,
    /// <summary>A stated decision or act to come (PDUFA date, "plans to file in Q3").</summary>
    Expected,
}

public static class EventStatusNames
{
    public static string ToWire(this EventStatus status) => status switch
    {
        EventStatus.Ongoing => "ongoing",
        EventStatus.Expected => "expected",
        _ => "occurred",
    };

    public static bool TryParse(string? text, out EventStatus status)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "occurred": status = EventStatus.Occurred; return true;
            case "ongoing": status = EventStatus.Ongoing; return true;
            case "expected": status = EventStatus.Expected; return true;
            default: status = default; return false;
        }
    }
}
