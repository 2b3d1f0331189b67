namespace CellRadar.Core.Model;

/// <summary>Where an event applies: an ISO 3166-1 alpha-2 code, or <c>EU</c> for the European Union.</summary>
public readonly record struct Jurisdiction
{
    private Jurisdiction(string code) => Code = code;

    public string Code { get; }

    public static Jurisdiction EU { get; } = new("EU");

    public static bool TryParse(string? text, out Jurisdiction jurisdiction)
    {
        jurisdiction = default;
        if (text is null) return false;
        var t = text.Trim();
        if (t.Length != 2 || !char.IsAsciiLetter(t[0]) || !char.IsAsciiLetter(t[1])) return false;
        jurisdiction = new Jurisdiction(t.ToUpperInvariant());
        return true;
    }

    public static Jurisdiction Parse(string text) =>
        TryParse(text, out var j) ? j : throw new FormatException($"'{text}' is not a two-letter jurisdiction code.");

    public override string ToString() => Code ?? "";
}
