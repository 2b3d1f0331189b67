using CellRadar.Core.Catalog;

namespace CellRadar.Core.Tests.Catalog;

/// <summary>
/// Pins the integrity of the shipped reference catalog (data/*.json, embedded in CellRadar.Core).
/// Each rule is also run once on a small catalog that breaks it, so a rule that can no longer
/// fail would be noticed.
/// </summary>
public sealed class CatalogDataTests
{
    private static readonly HashSet<string> Modalities =
        ["CAR-T", "TCR-T", "TIL", "CAR-NK", "gene therapy", "gene editing", "cell therapy", "oncolytic virus", "bispecific antibody", "ADC", "other"];

    private static readonly HashSet<string> Stages = ["approved", "late-stage", "clinical"];

    private static readonly HashSet<string> Roles = ["regulator", "committee", "review-centre", "ministry", "executive"];

    private static ReferenceCatalog Shipped => ReferenceCatalog.Embedded;

    [Fact]
    public void Shipped_catalog_covers_at_least_130_products_40_agencies_and_70_jurisdictions()
    {
        Assert.True(Shipped.Products.Count >= 130, $"{Shipped.Products.Count} products");
        Assert.True(Shipped.Agencies.Count >= 40, $"{Shipped.Agencies.Count} agencies");
        Assert.True(Shipped.Jurisdictions.Count >= 70, $"{Shipped.Jurisdictions.Count} jurisdictions");
    }

    [Fact]
    public void Every_product_has_a_canonical_name_a_sponsor_a_modality_and_a_source()
    {
        Assert.Empty(CatalogIntegrity.IncompleteProducts(Shipped));
    }

    [Fact]
    public void A_product_without_sponsor_or_source_is_reported()
    {
        var broken = Catalog(products: [new ProductEntry { Inn = "examplecabtagene autoleucel", Modality = "CAR-T" }]);

        var problems = CatalogIntegrity.IncompleteProducts(broken);

        Assert.Contains(problems, p => p.Contains("no sponsor", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("no source", StringComparison.Ordinal));
    }

    [Fact]
    public void Product_modality_and_stage_come_from_the_documented_sets()
    {
        var odd = Shipped.Products
            .Where(p => !Modalities.Contains(p.Modality) || !Stages.Contains(p.Stage))
            .Select(p => $"{p.Canonical}: {p.Modality} / {p.Stage}");
        Assert.Empty(odd);
    }

    [Fact]
    public void No_alias_resolves_to_two_products()
    {
        var shared = CatalogIntegrity.SharedAliases(Shipped.Products, p => p.Canonical, CatalogIntegrity.ProductAliases);
        Assert.Empty(shared);
    }

    [Fact]
    public void An_alias_shared_by_two_products_is_reported_whatever_its_case()
    {
        ProductEntry[] products =
        [
            new() { Inn = "alphacabtagene autoleucel", Codes = ["XY-101"] },
            new() { Inn = "betacabtagene autoleucel", Brands = ["xy-101"] },
        ];

        var shared = CatalogIntegrity.SharedAliases(products, p => p.Canonical, CatalogIntegrity.ProductAliases);

        var problem = Assert.Single(shared);
        Assert.Contains("alphacabtagene autoleucel", problem, StringComparison.Ordinal);
        Assert.Contains("betacabtagene autoleucel", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void No_product_alias_is_also_an_agency_or_place_name()
    {
        var other = Shipped.Agencies.SelectMany(CatalogIntegrity.AgencyNames)
            .Concat(Shipped.Jurisdictions.SelectMany(CatalogIntegrity.PlaceNames))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        var clashes = Shipped.Products.SelectMany(CatalogIntegrity.ProductAliases).Where(other.Contains);

        Assert.Empty(clashes);
    }

    [Fact]
    public void Inns_are_lower_case()
    {
        var notLower = Shipped.Products
            .Where(p => p.Inn is not null && p.Inn != p.Inn.ToLowerInvariant())
            .Select(p => p.Inn);
        Assert.Empty(notLower);
    }

    [Fact]
    public void No_alias_or_place_name_is_shorter_than_two_characters_or_padded()
    {
        Assert.Empty(CatalogIntegrity.MalformedAliases(Shipped));
    }

    [Fact]
    public void A_one_letter_alias_is_reported()
    {
        var broken = Catalog(products: [new ProductEntry { Inn = "examplecel", Codes = ["X"] }]);

        Assert.Single(CatalogIntegrity.MalformedAliases(broken));
    }

    [Fact]
    public void Every_agency_belongs_to_a_listed_jurisdiction_and_has_a_known_role()
    {
        Assert.Empty(CatalogIntegrity.AgenciesInUnknownJurisdictions(Shipped));
        Assert.Empty(Shipped.Agencies.Where(a => !Roles.Contains(a.Role)).Select(a => a.Short));
    }

    [Fact]
    public void An_agency_in_an_unlisted_jurisdiction_is_reported()
    {
        var broken = Catalog(
            agencies: [new AgencyEntry { Short = "XRA", Jurisdiction = "XX", Aliases = ["XRA"] }],
            jurisdictions: [new JurisdictionEntry { Code = "US", Names = ["United States"], Regulator = "FDA" }]);

        Assert.Single(CatalogIntegrity.AgenciesInUnknownJurisdictions(broken));
    }

    [Fact]
    public void Every_jurisdiction_regulator_is_an_agency_of_that_jurisdiction()
    {
        Assert.Empty(CatalogIntegrity.MissingRegulators(Shipped));
    }

    [Fact]
    public void A_regulator_listed_under_another_jurisdiction_is_reported()
    {
        // FDA exists, but as a US agency: it cannot be Canada's default regulator.
        var broken = Catalog(
            agencies: [new AgencyEntry { Short = "FDA", Jurisdiction = "US", Aliases = ["FDA"] }],
            jurisdictions:
            [
                new JurisdictionEntry { Code = "US", Names = ["United States"], Regulator = "FDA" },
                new JurisdictionEntry { Code = "CA", Names = ["Canada"], Regulator = "FDA" },
            ]);

        var missing = Assert.Single(CatalogIntegrity.MissingRegulators(broken));
        Assert.StartsWith("CA:", missing, StringComparison.Ordinal);
    }

    [Fact]
    public void Agency_short_forms_names_and_aliases_each_name_one_agency()
    {
        // The annotator matches an agency's short form and full name as well as its aliases.
        Assert.Empty(CatalogIntegrity.SharedAliases(Shipped.Agencies, a => $"{a.Short} ({a.Jurisdiction})", CatalogIntegrity.AgencyNames));
        Assert.Empty(CatalogIntegrity.SharedAliases(Shipped.Agencies, a => $"{a.Short} ({a.Jurisdiction})", a => a.Aliases));
    }

    [Fact]
    public void Agency_short_forms_avoid_the_abbreviations_left_out_as_ambiguous()
    {
        // These stand for other things in biotech news; the short form must carry the country instead.
        string[] ambiguous = ["EDA", "IMA", "BDA", "MPA", "MMA", "PEI", "EOF", "ISP", "MOH", "MOPH", "SEC"];
        var used = Shipped.Agencies.SelectMany(CatalogIntegrity.AgencyNames).Intersect(ambiguous, StringComparer.OrdinalIgnoreCase);
        Assert.Empty(used);
    }

    [Fact]
    public void Place_names_and_adjectives_each_name_one_jurisdiction()
    {
        Assert.Empty(CatalogIntegrity.SharedAliases(Shipped.Jurisdictions, j => j.Code, CatalogIntegrity.PlaceNames));
    }

    [Fact]
    public void Jurisdiction_codes_are_unique_iso_alpha2_or_EU()
    {
        var bad = Shipped.Jurisdictions
            .Where(j => j.Code.Length != 2 || !j.Code.All(char.IsAsciiLetterUpper))
            .Select(j => j.Code);
        Assert.Empty(bad);
        Assert.Equal(Shipped.Jurisdictions.Count, Shipped.Jurisdictions.Select(j => j.Code).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Every_eu_member_state_is_listed()
    {
        string[] members = ["AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"];
        var missing = members.Where(m => !Shipped.JurisdictionsByCode.ContainsKey(m)).ToList();
        Assert.True(missing.Count == 0, "missing: " + string.Join(", ", missing));
    }

    [Fact]
    public void Marketing_authorisation_holders_are_keyed_by_listed_jurisdictions()
    {
        var unknown = Shipped.Products
            .SelectMany(p => p.Holders.Select(h => (p.Canonical, h.Key, h.Value)))
            .Where(h => !Shipped.JurisdictionsByCode.ContainsKey(h.Key) || string.IsNullOrWhiteSpace(h.Value))
            .Select(h => $"{h.Canonical}: {h.Key}");
        Assert.Empty(unknown);
    }

    [Fact]
    public void Designations_tied_to_one_agency_name_an_agency_in_the_catalog()
    {
        // terms.json is owned elsewhere, but its agency references must resolve against agencies.json.
        var dangling = Shipped.Designations
            .Where(d => d.Agency is not null && d.Jurisdiction is not null && Shipped.FindAgency(d.Agency, d.Jurisdiction) is null)
            .Select(d => $"{d.Subtype}: {d.Agency} ({d.Jurisdiction})");
        Assert.Empty(dangling);
    }

    [Theory]
    [InlineData("CT053", "zevorcabtagene autoleucel")]
    [InlineData("eque-cel", "equecabtagene autoleucel")]
    [InlineData("Lenmeldy", "atidarsagene autotemcel")]
    [InlineData("KYV-101", "mivocabtagene autoleucel")]
    public void Codes_brands_and_short_names_resolve_to_the_inn(string alias, string inn)
    {
        var owners = Shipped.Products
            .Where(p => CatalogIntegrity.ProductAliases(p).Contains(alias, StringComparer.OrdinalIgnoreCase))
            .Select(p => p.Canonical);
        Assert.Equal([inn], owners);
    }

    private static ReferenceCatalog Catalog(
        ProductEntry[]? products = null, AgencyEntry[]? agencies = null, JurisdictionEntry[]? jurisdictions = null) =>
        new(products ?? [], agencies ?? [], jurisdictions ?? [], [], []);
}
