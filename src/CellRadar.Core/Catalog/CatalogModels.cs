namespace CellRadar.Core.Catalog;

// The shapes of the data files in data/. Property names map to camelCase JSON.

public sealed record ProductEntry
{
    /// <summary>International non-proprietary name, lower case; null while none is assigned.</summary>
    public string? Inn { get; init; }

    /// <summary>Canonical name when there is no INN (a sponsor code as the press writes it).</summary>
    public string? Name { get; init; }

    public List<string> Brands { get; init; } = [];
    public List<string> Codes { get; init; } = [];
    public List<string> ShortNames { get; init; } = [];
    public List<string> OtherNames { get; init; } = [];
    public string Sponsor { get; init; } = "";
    public List<string> SponsorAliases { get; init; } = [];
    public List<string> Partners { get; init; } = [];
    /// <summary>CAR-T, TCR-T, TIL, CAR-NK, gene therapy, gene editing, cell therapy, oncolytic virus, bispecific antibody, ADC, other.</summary>
    public string Modality { get; init; } = "";
    public string Target { get; init; } = "";
    public List<string> Indications { get; init; } = [];
    /// <summary><c>approved</c> (somewhere), <c>late-stage</c> or <c>clinical</c>.</summary>
    public string Stage { get; init; } = "";
    /// <summary>Marketing-authorisation holders that differ by market: jurisdiction code to company.</summary>
    public Dictionary<string, string> Holders { get; init; } = [];
    public List<string> Sources { get; init; } = [];

    public string Canonical => Inn ?? Name ?? throw new InvalidOperationException("A product needs an inn or a name.");
}

public sealed record AgencyEntry
{
    /// <summary>Short form used in events (<c>FDA</c>, <c>DOH</c>).</summary>
    public string Short { get; init; } = "";
    public string Name { get; init; } = "";
    public string Jurisdiction { get; init; } = "";
    /// <summary>Names the press uses. All-capital aliases of up to six letters are matched case-sensitively.</summary>
    public List<string> Aliases { get; init; } = [];
    /// <summary><c>regulator</c>, <c>committee</c> (CHMP), <c>review-centre</c> (CDE), <c>ministry</c>, <c>executive</c> (European Commission).</summary>
    public string Role { get; init; } = "regulator";
    public List<string> Sources { get; init; } = [];
}

public sealed record JurisdictionEntry
{
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    /// <summary>Names of the place, including short forms ("US", "U.S.", "Mainland China").</summary>
    public List<string> Names { get; init; } = [];
    /// <summary>Adjectives and demonyms ("Japanese", "Saudi").</summary>
    public List<string> Adjectives { get; init; } = [];
    /// <summary>Short form of the main medicines regulator, the default agency (EVENTS.md rule 10).</summary>
    public string Regulator { get; init; } = "";
}

public sealed record DesignationEntry
{
    public string Subtype { get; init; } = "";
    public List<string> Aliases { get; init; } = [];
    /// <summary>Set when only one jurisdiction grants it (RMAT: US, PRIME: EU, SAKIGAKE: JP).</summary>
    public string? Jurisdiction { get; init; }
    public string? Agency { get; init; }
}

public sealed record ApplicationEntry
{
    public string Subtype { get; init; } = "";
    public List<string> Aliases { get; init; } = [];
    /// <summary><c>marketing</c> or <c>trial</c>.</summary>
    public string Purpose { get; init; } = "marketing";
    /// <summary>Set when the term is tied to one jurisdiction's system (MAA: EU); a hint only.</summary>
    public string? Jurisdiction { get; init; }
}

public sealed record ProductsFile { public List<ProductEntry> Products { get; init; } = []; }
public sealed record AgenciesFile { public List<AgencyEntry> Agencies { get; init; } = []; }
public sealed record JurisdictionsFile { public List<JurisdictionEntry> Jurisdictions { get; init; } = []; }
public sealed record TermsFile
{
    public List<DesignationEntry> Designations { get; init; } = [];
    public List<ApplicationEntry> Applications { get; init; } = [];
}
