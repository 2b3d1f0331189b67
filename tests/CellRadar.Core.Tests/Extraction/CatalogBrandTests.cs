using CellRadar.Core.Annotation;
using CellRadar.Core.Model;

namespace CellRadar.Core.Tests.Extraction;

/// <summary>
/// A brand or code with no INN beside it is invisible unless the catalog lists it; these run the
/// default pipeline on sentences that name a product only by a brand or code the wider catalog added.
/// </summary>
public class CatalogBrandTests
{
    [Fact]
    public void A_regional_brand_alone_resolves_to_the_inn()
    {
        var events = Extract.From("The European Commission granted conditional marketing authorisation to Tepkinly for relapsed follicular lymphoma.");

        Assert.Equal("epcoritamab", Extract.Single(events, EventKind.Approval, "EU").Product);
    }

    [Fact]
    public void A_japanese_regenerative_product_named_by_brand_is_found()
    {
        var events = Extract.From("Japan's Ministry of Health, Labour and Welfare granted conditional, time-limited approval to Amchepry for advanced Parkinson's disease.");

        Assert.Equal("raguneprocel", Extract.Single(events, EventKind.Approval, "JP").Product);
    }

    [Fact]
    public void A_product_without_an_inn_keeps_its_brand_as_the_name()
    {
        var events = Extract.From("Russia's Ministry of Health registered Neovasculgen, a plasmid gene therapy, and approved it for limb ischaemia.");

        Assert.Equal("Neovasculgen", Extract.Single(events, EventKind.Approval, "RU").Product);
    }

    [Fact]
    public void A_sponsor_code_alone_resolves_to_the_inn()
    {
        var events = Extract.From("The FDA has granted Breakthrough Therapy designation to NTLA-2002 for hereditary angioedema.");

        var e = Extract.Single(events, EventKind.Designation, "US");
        Assert.Equal("lonvoguran ziclumeran", e.Product);
        Assert.Equal("BreakthroughTherapy", e.Subtype);
    }

    [Fact]
    public void The_cardiology_journal_JACC_is_not_a_product()
    {
        var document = Extract.Document("Cardiac events after CAR-T infusion were described in JACC: CardioOncology last year.");

        var jacc = document.Text.IndexOf("JACC", StringComparison.Ordinal);
        Assert.True(jacc >= 0);
        Assert.DoesNotContain(document.Mentions, m => m.Type == MentionType.Product && m.Start <= jacc && m.End > jacc);
    }
}
