using CellRadar.Core.Catalog;

namespace CellRadar.Core.Tests.Catalog;

/// <summary>
/// Pins that the catalog covers the regulators' own lists of approved cell, tissue and gene
/// therapy products (as checked in 2026), so a product dropped or renamed by mistake is noticed.
/// The names are the ones each list prints; each must resolve to exactly one product, and that
/// product must be marked approved.
/// </summary>
public sealed class CatalogCoverageTests
{
    private static ReferenceCatalog Shipped => ReferenceCatalog.Embedded;

    // CBER's "Approved Cellular and Gene Therapy Products", branded entries (unbranded "HPC, Cord
    // Blood" licences from other banks carry no name of their own).
    private static readonly string[] FdaList =
    [
        "Abecma", "Adstiladrin", "Allocord", "Amtagvi", "Aucatzyl", "Beqvez", "Breyanzi", "Carvykti",
        "Casgevy", "Clevecord", "Ducord", "Elevidys", "Encelto", "Gintuit", "Hemacord", "Hemgenix",
        "Imlygic", "Itvisma", "Kebilidi", "Kymriah", "Lantidra", "Laviv", "Lenmeldy", "Luxturna",
        "Lyfgenia", "MACI", "Omisirge", "Papzimeos", "Provenge", "Regenecyte", "Rethymic", "Roctavian",
        "Ryoncil", "Skysona", "StrataGraft", "Symvess", "Tecartus", "Tecelra", "Vyjuvek", "Waskyra",
        "Yescarta", "Zevaskyn", "Zolgensma", "Zynteglo",
    ];

    // EMA advanced therapy medicinal products authorised at some time, withdrawn ones included.
    private static readonly string[] EmaAtmps =
    [
        "ChondroCelect", "Glybera", "MACI", "Provenge", "Holoclar", "Imlygic", "Strimvelis", "Zalmoxis",
        "Spherox", "Alofisel", "Kymriah", "Yescarta", "Luxturna", "Zynteglo", "Zolgensma", "Libmeldy",
        "Tecartus", "Skysona", "Abecma", "Breyanzi", "Carvykti", "Upstaza", "Roctavian", "Ebvallo",
        "Hemgenix", "Casgevy", "Durveqtix", "Aucatzyl", "Zemcelpro",
    ];

    // Regenerative medical products approved in Japan (cell and tissue products and gene therapies).
    private static readonly string[] JapanList =
    [
        "JACE", "JACC autologous cultured cartilage", "Temcell", "HeartSheet", "Stemirac", "Kymriah",
        "Collategene", "Zolgensma", "Nepic", "Yescarta", "Breyanzi", "Ocural", "Delytact", "Abecma",
        "Carvykti", "JACEMIN", "Vyznova", "Akuugo", "Elevidys", "Amchepry", "ReHeart",
    ];

    // Korea, China, India and Russia: the cell and gene products the national regulators approved.
    private static readonly string[] OtherNationalLists =
    [
        "Holoderm", "Kaloderm", "Immuncell-LC", "Queencell", "Hearticellgram-AMI", "Cartistem", "Cupistem",
        "NeuroNata-R", "Invossa", "Rimqarto", "Gendicine", "Oncorine", "Yikaida", "Carteyva", "Fucaso",
        "CNCT19", "CT053", "pCAR-19B", "amimestrocel", "dalnacogene ponparvovec", "NexCAR19", "Qartemi",
        "Stempeucel", "Apceden", "Neovasculgen",
    ];

    public static TheoryData<string> ListedNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in FdaList.Concat(EmaAtmps).Concat(JapanList).Concat(OtherNationalLists).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            data.Add(name);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ListedNames))]
    public void Every_product_on_a_regulators_approved_list_resolves_to_one_approved_product(string listedName)
    {
        var owners = Owners(listedName);

        var owner = Assert.Single(owners);
        Assert.Equal("approved", owner.Stage);
    }

    [Theory]
    [InlineData("Tepkinly", "epcoritamab")]
    [InlineData("Epkinly", "epcoritamab")]
    [InlineData("teclistamab-cqyv", "teclistamab")]
    [InlineData("GSK2857916", "belantamab mafodotin")]
    [InlineData("REGN1979", "odronextamab")]
    [InlineData("Ordspono", "odronextamab")]
    public void Bispecifics_and_adcs_resolve_from_brands_codes_and_us_suffixed_names(string alias, string inn)
    {
        var owner = Assert.Single(Owners(alias));
        Assert.Equal(inn, owner.Canonical);
        Assert.Contains(owner.Modality, new[] { "bispecific antibody", "ADC" });
    }

    [Fact]
    public void Every_approved_product_cites_a_regulatory_decision()
    {
        Assert.Empty(CatalogIntegrity.ApprovedWithoutDecision(Shipped));
    }

    [Fact]
    public void An_approved_product_whose_sources_name_only_trials_is_reported()
    {
        var broken = new ReferenceCatalog(
            [new ProductEntry { Inn = "examplecel", Sponsor = "Example Bio", Modality = "cell therapy", Stage = "approved", Sources = ["phase 3 trial met its primary endpoint"] }],
            [], [], [], []);

        Assert.Single(CatalogIntegrity.ApprovedWithoutDecision(broken));
    }

    private static List<ProductEntry> Owners(string alias) =>
        Shipped.Products
            .Where(p => CatalogIntegrity.ProductAliases(p).Contains(alias, StringComparer.OrdinalIgnoreCase))
            .ToList();
}
