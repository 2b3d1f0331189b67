using CellRadar.Core.Model;

namespace CellRadar.Core.Tests.Extraction;

public class HardCaseTests
{
    [Fact]
    public void Plans_to_file_is_an_expected_submission()
    {
        var events = Extract.From("Legend Biotech plans to submit a new drug application for cilta-cel to Japan's PMDA next year.");
        Assert.Equal(EventStatus.Expected, Extract.Single(events, EventKind.Submission, "JP").Status);
    }

    [Fact]
    public void Review_ongoing_in_a_list_of_places_gives_one_ongoing_acceptance_each()
    {
        var events = Extract.From("Fucaso is approved in China, with reviews ongoing in Brazil and Australia.");
        Assert.Equal(EventStatus.Ongoing, Extract.Single(events, EventKind.Acceptance, "BR").Status);
        Assert.Equal(EventStatus.Ongoing, Extract.Single(events, EventKind.Acceptance, "AU").Status);
        Extract.Single(events, EventKind.Approval, "CN");
    }

    [Fact]
    public void Negated_approval_is_not_an_event()
    {
        var events = Extract.From("Carvykti has not yet been approved in South Korea.");
        Assert.Empty(events);
    }

    [Fact]
    public void Hoped_for_approval_is_not_an_event()
    {
        var events = Extract.From("Executives said Breyanzi could win approval in Canada within a year.");
        Assert.DoesNotContain(events, e => e.Kind == EventKind.Approval);
    }

    [Fact]
    public void Reimbursement_approval_is_not_a_regulatory_approval()
    {
        var events = Extract.From("Kymriah received reimbursement approval in France after a health technology assessment.");
        Assert.DoesNotContain(events, e => e.Kind == EventKind.Approval);
    }

    [Fact]
    public void No_named_product_means_no_event()
    {
        var events = Extract.From("A CD19 CAR-T from a Shanghai biotech was approved by the NMPA.");
        Assert.Empty(events);
    }

    [Fact]
    public void No_jurisdiction_means_no_event()
    {
        var events = Extract.From("Yescarta has been cleared in several markets and is available worldwide.");
        Assert.Empty(events);
    }

    [Fact]
    public void Therapy_named_earlier_is_followed_through_a_reference()
    {
        var events = Extract.From("Relmacabtagene autoleucel is a CD19 CAR-T made in Shanghai.\nThe therapy was approved by the National Medical Products Administration for follicular lymphoma.");
        Assert.Equal("relmacabtagene autoleucel", Extract.Single(events, EventKind.Approval, "CN").Product);
    }

    [Fact]
    public void Each_agency_in_a_sentence_binds_to_its_own_cue()
    {
        var events = Extract.From("The candidate CT041 CAR-T received IND clearance from the FDA and authorisation of its clinical trial application from Health Canada.");
        Assert.Equal("US", events.Single(e => e.Subtype == "IND").Jurisdiction.Code);
        Assert.Equal("CA", events.Single(e => e.Subtype == "CTA").Jurisdiction.Code);
    }

    [Fact]
    public void Place_where_a_company_comes_from_is_not_the_event_place()
    {
        var events = Extract.From("It is the first China-developed cell therapy to win approval from Singapore's Health Sciences Authority, and Fucaso is the product.");
        Assert.DoesNotContain(events, e => e.Jurisdiction.Code == "CN");
    }

    [Fact]
    public void Unknown_product_with_an_inn_shape_is_reported_as_new()
    {
        var events = Extract.From("The NMPA has approved pelocabtagene autoleucel for relapsed mantle cell lymphoma.");
        var e = Extract.Single(events, EventKind.Approval, "CN");
        Assert.Equal("pelocabtagene autoleucel", e.Product);
        Assert.True(e.ProductIsNew);
    }

    [Fact]
    public void Same_event_stated_twice_is_one_event()
    {
        var events = Extract.From("The FDA approved Tecartus for mantle cell lymphoma.\nThe FDA's approval of Tecartus follows a priority review.");
        Assert.Single(events, e => e.Kind == EventKind.Approval);
    }

    [Fact]
    public void Submission_mentioned_inside_an_acceptance_report_is_not_a_second_event()
    {
        var events = Extract.From("Hong Kong's Department of Health accepted the NDA for Fucaso. We swiftly submitted the NDA to the Department of Health in Hong Kong.");
        Assert.DoesNotContain(events, e => e.Kind == EventKind.Submission);
        Extract.Single(events, EventKind.Acceptance, "HK");
    }

    [Fact]
    public void Evidence_offsets_point_at_the_stating_sentence()
    {
        var doc = Extract.Document("Investors reacted calmly to the decision.\nThe European Commission approved Casgevy for sickle cell disease.");
        var e = Extract.Single(doc.Events, EventKind.Approval, "EU");
        Assert.Equal(doc.Text[e.Evidence.Start..e.Evidence.End], e.EvidenceText);
        Assert.StartsWith("The European Commission approved", e.EvidenceText, StringComparison.Ordinal);
        Assert.Equal(ExtractorInfo.Version, e.ExtractorVersion);
    }

    [Fact]
    public void Approval_stated_by_an_agency_scores_higher_confidence_than_one_by_reference_in_a_quote()
    {
        var strong = Extract.Single(Extract.From("The FDA approved Abecma for multiple myeloma."), EventKind.Approval, "US");
        var weak = Extract.Single(Extract.From("Abecma is a BCMA CAR-T.\n“We are proud that the therapy is now approved in Japan,” the chief executive said."), EventKind.Approval, "JP");
        Assert.True(strong.Confidence > weak.Confidence, $"{strong.Confidence} <= {weak.Confidence}");
    }

    [Fact]
    public void Places_listed_with_their_own_dates_keep_them()
    {
        var events = Extract.From("Iovance plans to submit applications for lifileucel in Canada and the United Kingdom in the second half of 2024 and in Australia in 2025.", "2024-06-28");
        Assert.Equal("2024", Extract.Single(events, EventKind.Submission, "CA").Date.ToString());
        Assert.Equal("2024", Extract.Single(events, EventKind.Submission, "GB").Date.ToString());
        Assert.Equal("2025", Extract.Single(events, EventKind.Submission, "AU").Date.ToString());
    }

    [Fact]
    public void Respectively_pairs_places_with_dates_in_order()
    {
        var events = Extract.From("Singapore's Health Sciences Authority and Hong Kong's Department of Health accepted the NDA for Fucaso in January and February 2025 respectively.");
        Assert.Equal("2025-01", Extract.Single(events, EventKind.Acceptance, "SG").Date.ToString());
        Assert.Equal("2025-02", Extract.Single(events, EventKind.Acceptance, "HK").Date.ToString());
    }

    [Fact]
    public void Background_since_date_gives_way_to_the_news_date()
    {
        var events = Extract.From("Kite today announced that the FDA has approved Yescarta for second-line lymphoma.\nYescarta has been approved in the US since 2017.", "2022-04-01");
        Assert.Equal("2022-04-01", Extract.Single(events, EventKind.Approval, "US").Date.ToString());
    }

    [Fact]
    public void Listed_products_take_listed_dates_respectively()
    {
        var events = Extract.From("Kymriah and Yescarta were approved in Japan in March 2019 and January 2021, respectively.", "2024-06-14");
        Assert.Equal("2019-03", events.Single(e => e.Product == "tisagenlecleucel").Date.ToString());
        Assert.Equal("2021-01", events.Single(e => e.Product == "axicabtagene ciloleucel").Date.ToString());
    }

    [Fact]
    public void Agencies_listed_before_the_act_pair_with_dates_listed_after_it()
    {
        var events = Extract.From("The FDA and the European Commission approved Casgevy in December 2023 and February 2024.", "2024-06-14");
        Assert.Equal("2023-12", Extract.Single(events, EventKind.Approval, "US").Date.ToString());
        Assert.Equal("2024-02", Extract.Single(events, EventKind.Approval, "EU").Date.ToString());
    }

    [Fact]
    public void Second_agency_with_its_own_date_is_a_second_approval()
    {
        var events = Extract.From("Kymriah was approved by the FDA in August 2017 and by the European Commission in August 2018.", "2024-06-14");
        Assert.Equal("2017-08", Extract.Single(events, EventKind.Approval, "US").Date.ToString());
        Assert.Equal("2018-08", Extract.Single(events, EventKind.Approval, "EU").Date.ToString());
    }

    [Fact]
    public void Designation_a_product_also_holds_is_a_standing_fact_without_the_publication_date()
    {
        var events = Extract.From("The CAR-T therapy CT053 also holds orphan drug designation from the FDA.", "2024-06-14");
        Assert.Null(Extract.Single(events, EventKind.Designation, "US").Date);
    }

    [Fact]
    public void Product_opening_a_clause_after_comma_and_takes_its_own_act()
    {
        var events = Extract.From("In the US, 2024 brought two firsts: Amtagvi, the first TIL therapy, won accelerated approval in February for melanoma, and Tecelra, the first TCR-T, was approved in August for synovial sarcoma.", "2024-12-20");
        Assert.Equal("2024-02", events.Single(e => e.Product == "lifileucel").Date.ToString());
        Assert.Equal("2024-08", events.Single(e => e.Product == "afamitresgene autoleucel").Date.ToString());
    }

    [Fact]
    public void Agencies_coordinated_across_an_indication_each_approve()
    {
        var events = Extract.From("Imlygic was approved by the FDA in October 2015 for melanoma and by the European Commission in December 2015.", "2024-06-14");
        Assert.Equal("2015-12", Extract.Single(events, EventKind.Approval, "EU").Date.ToString());
    }

    [Fact]
    public void Act_without_a_date_takes_the_day_it_was_reported_in_its_sentence()
    {
        var events = Extract.From("The European Commission has granted conditional marketing authorisation to Kymriah for adults with follicular lymphoma after two lines of therapy, the company said on Monday.", "2022-05-04");
        Assert.Equal("2022-05-02", Extract.Single(events, EventKind.Approval, "EU").Date.ToString());
    }
}
