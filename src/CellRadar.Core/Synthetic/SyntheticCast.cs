using System.Runtime.CompilerServices;
using CellRadar.Core.Catalog;

namespace CellRadar.Core.Synthetic;

/// <summary>
/// The catalog entries the generator writes about, prepared once per catalog: products with the names the
/// press uses for them, places with their regulators, and the committees that give opinions.
/// </summary>
internal sealed class SyntheticCast
{
    private static readonly ConditionalWeakTable<ReferenceCatalog, SyntheticCast> Cache = [];

    // Places most regulatory news is about; the others still appear, less often.
    private static readonly string[] MajorPlaces = ["US", "EU", "CN", "JP", "GB", "CA", "AU", "CH", "KR", "DE", "FR", "BR", "IN", "SG", "HK"];

    private SyntheticCast(ReferenceCatalog catalog)
    {
        Catalog = catalog;
        Products = [.. catalog.Products.Where(p => p.Sponsor.Length > 0)];
        var places = new List<Place>();
        foreach (var j in catalog.Jurisdictions)
        {
            var regulator = j.Code == "EU" ? catalog.FindAgency("European Commission", "EU") : catalog.FindAgency(j.Regulator, j.Code);
            if (regulator is null || j.Names.Count == 0) continue;
            places.Add(new Place(j.Code, j.Names[0], j.Adjectives.Count > 0 ? j.Adjectives[0] : null, regulator));
        }
        AllPlaces = [.. places];
        Major = [.. places.Where(p => MajorPlaces.Contains(p.Code))];
        ByCode = places.ToDictionary(p => p.Code, StringComparer.Ordinal);
        Chmp = Agency("CHMP", "EU");
        Odac = Agency("ODAC", "US");
        Ctgtac = Agency("CTGTAC", "US");
        Cde = Agency("CDE", "CN");
        Ema = Agency("EMA", "EU");
    }

    public ReferenceCatalog Catalog { get; }
    public ProductEntry[] Products { get; }
    public Place[] AllPlaces { get; }
    public Place[] Major { get; }
    public Dictionary<string, Place> ByCode { get; }
    public AgencyEntry Chmp { get; }
    public AgencyEntry Odac { get; }
    public AgencyEntry Ctgtac { get; }
    public AgencyEntry Cde { get; }
    public AgencyEntry Ema { get; }

    public static SyntheticCast From(ReferenceCatalog catalog) => Cache.GetValue(catalog, static c => new SyntheticCast(c));

    /// <summary>A place for an event: a major market three times in four.</summary>
    public Place AnyPlace(Random r) => r.Next(4) == 0 ? AllPlaces[r.Next(AllPlaces.Length)] : Major[r.Next(Major.Length)];

    public Place Place(string code) => ByCode[code];

    private AgencyEntry Agency(string shortName, string code) =>
        Catalog.FindAgency(shortName, code) ?? throw new InvalidOperationException($"The catalog has no agency {shortName} ({code}); the generator writes about it.");
}

/// <summary>A jurisdiction with the regulator that acts there by default.</summary>
internal sealed record Place(string Code, string Name, string? Adjective, AgencyEntry Regulator);
