using System.Text.RegularExpressions;

namespace CellRadar.Core.Cleaning;

/// <summary>
/// Best-effort repair of furniture that a scraper glued to a sentence with no space between:
/// "By GlobalDataIt assessed ..." (an advert's attribution) or "AdvertisementThe FDA ...".
/// </summary>
internal static partial class GluedFurniture
{
    /// <summary>How many characters to cut from the start of <paramref name="line"/> (0 when nothing is glued).</summary>
    public static int GluedPrefixLength(ReadOnlySpan<char> line)
    {
        foreach (var phrase in FurnitureVocabulary.GlueProne)
        {
            if (line.Length > phrase.Length + 3 && line.StartsWith(phrase, StringComparison.OrdinalIgnoreCase)
                && char.IsUpper(line[phrase.Length]) && char.IsLetter(line[phrase.Length - 1]))
                return phrase.Length;
        }
        // An attribution "By SomeName" run into the next sentence: the sentence starts at a capitalised opener inside the name.
        if (!line.StartsWith("By ", StringComparison.Ordinal)) return 0;
        var m = GluedAttribution().Match(line.ToString());
        return m.Success ? m.Groups["rest"].Index : 0;
    }

    /// <summary>How many characters to cut from the end (a furniture phrase glued after a sentence's full stop).</summary>
    public static int GluedSuffixLength(ReadOnlySpan<char> line)
    {
        foreach (var phrase in FurnitureVocabulary.GlueProne)
        {
            if (line.Length > phrase.Length + 3 && line.EndsWith(phrase, StringComparison.OrdinalIgnoreCase)
                && line[^(phrase.Length + 1)] is '.' or '!' or '?' or '"' or '\u201D')
                return phrase.Length;
        }
        return 0;
    }

    [GeneratedRegex(@"^By \p{Lu}[\p{L}\d&]*?\p{Ll}(?<rest>(?:It|Its|The|This|These|That|Those|In|A|An|He|She|They|We|On|As|At|For|Following|According|After|However|Meanwhile|Separately|Under|With|According) \p{L})")]
    private static partial Regex GluedAttribution();
}
