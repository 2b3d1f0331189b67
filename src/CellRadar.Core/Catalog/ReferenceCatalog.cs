using System.Reflection;
using System.Text.Json;

namespace CellRadar.Core.Catalog;

/// <summary>
/// The reference catalog: products, agencies, jurisdictions and regulatory terms, read from the
/// data files in <c>data/</c> (embedded in this assembly, or read from a folder that overrides them).
/// </summary>
public sealed class ReferenceCatalog
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private static readonly Lazy<ReferenceCatalog> EmbeddedCatalog = new(() => Load(name => OpenEmbedded(name)));

    public ReferenceCatalog(
        IReadOnlyList<ProductEntry> products,
        IReadOnlyList<AgencyEntry> agencies,
        IReadOnlyList<JurisdictionEntry> jurisdictions,
        IReadOnlyList<DesignationEntry> designations,
        IReadOnlyList<ApplicationEntry> applications)
    {
        Products = products;
        Agencies = agencies;
        Jurisdictions = jurisdictions;
        Designations = designations;
        Applications = applications;
        ProductsByCanonical = products.GroupBy(p => p.Canonical, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        AgenciesByShort = agencies.GroupBy(a => a.Short + "|" + a.Jurisdiction, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        JurisdictionsByCode = jurisdictions.ToDictionary(j => j.Code, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<ProductEntry> Products { get; }
    public IReadOnlyList<AgencyEntry> Agencies { get; }
    public IReadOnlyList<JurisdictionEntry> Jurisdictions { get; }
    public IReadOnlyList<DesignationEntry> Designations { get; }
    public IReadOnlyList<ApplicationEntry> Applications { get; }
    public IReadOnlyDictionary<string, ProductEntry> ProductsByCanonical { get; }
    public IReadOnlyDictionary<string, JurisdictionEntry> JurisdictionsByCode { get; }
    private Dictionary<string, AgencyEntry> AgenciesByShort { get; }

    /// <summary>The catalog shipped with this build.</summary>
    public static ReferenceCatalog Embedded => EmbeddedCatalog.Value;

    /// <summary>Reads the four data files from a folder (a user's own catalog).</summary>
    public static ReferenceCatalog FromDirectory(string directory) =>
        Load(name => File.OpenRead(Path.Combine(directory, name)));

    public AgencyEntry? FindAgency(string shortName, string jurisdiction) =>
        AgenciesByShort.GetValueOrDefault(shortName + "|" + jurisdiction);

    /// <summary>The default regulator's short form for a jurisdiction (EVENTS.md rule 10), or empty.</summary>
    public string RegulatorOf(string jurisdiction) =>
        JurisdictionsByCode.TryGetValue(jurisdiction, out var j) ? j.Regulator : "";

    private static ReferenceCatalog Load(Func<string, Stream> open)
    {
        T Read<T>(string name)
        {
            using var s = open(name);
            return JsonSerializer.Deserialize<T>(s, JsonOptions) ?? throw new InvalidDataException($"{name} is empty.");
        }
        var products = Read<ProductsFile>("products.json").Products;
        var agencies = Read<AgenciesFile>("agencies.json").Agencies;
        var jurisdictions = Read<JurisdictionsFile>("jurisdictions.json").Jurisdictions;
        var terms = Read<TermsFile>("terms.json");
        return new ReferenceCatalog(products, agencies, jurisdictions, terms.Designations, terms.Applications);
    }

    private static Stream OpenEmbedded(string name) =>
        Assembly.GetExecutingAssembly().GetManifestResourceStream("CellRadar.Data." + name)
        ?? throw new InvalidDataException($"The catalog file {name} is not embedded in this build.");
}
