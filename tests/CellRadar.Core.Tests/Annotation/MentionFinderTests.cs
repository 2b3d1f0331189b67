using CellRadar.Core.Annotation;
using CellRadar.Core.Tests.Extraction;

namespace CellRadar.Core.Tests.Annotation;

public class MentionFinderTests
{
    private static List<Mention> Mentions(string text, MentionType type) =>
        Extract.Document(text).Mentions.Where(m => m.Type == type).ToList();

    [Theory]
    [InlineData("Fucaso")]
    [InlineData("FUCASO")]
    [InlineData("CT103A")]
    [InlineData("eque-cel")]
    [InlineData("equecabtagene autoleucel")]
    [InlineData("Equecabtagene Autoleucel")]
    public void Brand_code_short_name_and_inn_resolve_to_one_product(string alias)
    {
        var products = Mentions($"Regulators looked at {alias} this week.", MentionType.Product);
        Assert.Equal("equecabtagene autoleucel", Assert.Single(products).Key);
    }

    [Fact]
    public void Sponsor_code_linked_in_the_catalog_resolves_to_its_inn()
    {
        var product = Assert.Single(Mentions("CT053, a BCMA CAR-T therapy, is in a Phase 2 study.", MentionType.Product));
        Assert.Equal("zevorcabtagene autoleucel", product.Key);
    }

    [Fact]
    public void Acronym_aliases_match_only_in_capitals()
    {
        Assert.Empty(Mentions("The doh of the old days and a prime example.", MentionType.Agency));
        Assert.Empty(Mentions("The doh of the old days and a prime example.", MentionType.Designation));
        Assert.Single(Mentions("The DOH accepted it.", MentionType.Agency));
    }

    [Fact]
    public void Longest_name_wins_over_the_place_inside_it()
    {
        var agencies = Mentions("The Hong Kong Department of Health accepted the filing.", MentionType.Agency);
        Assert.Equal("HK", Assert.Single(agencies).Detail);
        Assert.Empty(Mentions("The Hong Kong Department of Health accepted the filing.", MentionType.Jurisdiction));
    }

    [Fact]
    public void Country_with_a_generic_regulator_becomes_that_countrys_agency()
    {
        var agency = Assert.Single(Mentions("Israel's Ministry of Health authorised the study.", MentionType.Agency));
        Assert.Equal("IL", agency.Detail);
    }

    [Fact]
    public void Trial_name_with_a_code_shape_is_not_a_product()
    {
        Assert.Empty(Mentions("The ZUMA-7 study of the CAR-T therapy read out.", MentionType.Product));
    }

    [Fact]
    public void Antigen_names_are_not_products()
    {
        Assert.Empty(Mentions("A CD19 CAR-T therapy and an IL-15 armoured cell therapy.", MentionType.Product));
    }

    [Fact]
    public void Cue_inside_an_application_name_is_not_a_cue()
    {
        var cues = Mentions("The Biologics License Application was filed.", MentionType.Cue);
        Assert.DoesNotContain(cues, c => c.Key == nameof(CueType.ApprovalNoun));
    }

    [Theory]
    [InlineData("zelotabagene cotaleucel", "zelotabagene cotaleucel")]
    [InlineData("Pomacabtagene Autoleucel", "pomacabtagene autoleucel")]
    [InlineData("trimiracel-T", "trimiracel-t")]
    [InlineData("voranimab mafodotin", "voranimab mafodotin")]
    [InlineData("lumirase alfa", "lumirase alfa")]
    public void Unknown_inn_shapes_are_products_marked_new(string written, string canonical)
    {
        var product = Assert.Single(Mentions($"Regulators looked at {written} this week.", MentionType.Product));
        Assert.Equal(canonical, product.Key);
        Assert.Equal("new", product.Detail);
    }

    [Theory]
    [InlineData("pomacabtagene autoleucel was approved.")]
    [InlineData("The regulator approved pomacabtagene autoleucel")]
    [InlineData("(pomacabtagene autoleucel), a CAR-T, was approved.")]
    [InlineData("Approved:pomacabtagene autoleucel; cancelled: nothing.")]
    public void Inn_shapes_are_found_at_the_edges_of_the_text_and_next_to_punctuation(string text)
    {
        var product = Assert.Single(Mentions(text, MentionType.Product));
        Assert.Equal("pomacabtagene autoleucel", product.Key);
    }
}
