using CellRadar.Storage;

namespace CellRadar.Output;

/// <summary>One line about a logged change, for text output and feed entry titles.</summary>
internal static class ChangeText
{
    public static string Title(FactChange c) => c.Change switch
    {
        FactChange.NewFact => $"New fact: {c.Product} in {c.Jurisdiction.Code}: {c.Detail}",
        FactChange.StatusChange => $"Status: {c.Product} in {c.Jurisdiction.Code}: {c.Detail}",
        _ => $"Conflict: {c.Product} in {c.Jurisdiction.Code}: {c.Detail}",
    };
}
