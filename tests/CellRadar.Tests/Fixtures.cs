namespace CellRadar.Tests;

/// <summary>
/// News items written for these tests (invented wording; the product and agency names are real so the
/// catalog can resolve them). Each uses the text header format of ITEMS.md.
/// </summary>
public static class Fixtures
{
    public const string HongKongApproval = """
        title: Hong Kong regulator clears Fucaso for myeloma
        published: 2025-03-18
        source: Test Wire

        The Department of Health in Hong Kong approved Fucaso (equecabtagene autoleucel), the BCMA-directed CAR-T from IASO Biotherapeutics, for adults with relapsed or refractory multiple myeloma.

        The company said the first patients could be treated in the territory within months.
        """;

    public const string RmatDesignation = """
        title: FDA gives RMAT status to CARsgen's CT053
        published: 2024-06-02

        The US Food and Drug Administration granted Regenerative Medicine Advanced Therapy designation to CT053, the anti-BCMA CAR-T therapy developed by CARsgen Therapeutics, for relapsed or refractory multiple myeloma.

        Analysts expect further trial readouts next year.
        """;

    public const string NoEvents = """
        title: Cell therapy makers expand their plants
        published: 2024-01-09

        Several manufacturers of engineered cell therapies said they would add production capacity this year, citing demand from hospitals.
        """;
}
