using CellRadar.Core.Model;

namespace CellRadar.Core.Tests.Extraction;

/// <summary>
/// Sentences that mention an approval without stating one, found as false approvals on splits scored for the
/// first time: trials "given the go-ahead", conditions attached to an approval, bylines, link lists, corrections,
/// approvals "at home" and places that belong to another act in the same sentence.
/// </summary>
public class FalseApprovalTests
{
    private static bool HasApproval(IEnumerable<RegulatoryEvent> events) => events.Any(e => e.Kind == EventKind.Approval && e.Status == EventStatus.Occurred);

    [Fact]
    public void Go_ahead_for_a_trial_without_a_determiner_is_a_trial_authorisation()
    {
        var events = Extract.From("Norwegian regulator gives Kymriah the go-ahead for lymphoma trial in children", "2025-11-27");
        Assert.False(HasApproval(events), Extract.Describe(events));
        Extract.Single(events, EventKind.TrialAuthorization, "NO");
    }

    [Fact]
    public void Informal_nod_in_a_headline_is_the_trial_authorisation_the_story_reports()
    {
        const string text = """
            Shanghai biotech gets China go-ahead for its CAR-T CT041 in pancreatic cancer

            The Center for Drug Evaluation granted implied approval to the IND application for the CAR-T therapy CT041, the company said.
            """;
        var events = Extract.From(text, "2025-08-19");
        Assert.False(HasApproval(events), Extract.Describe(events));
        Extract.Single(events, EventKind.TrialAuthorization, "CN");
    }

    [Fact]
    public void Trial_named_after_a_date_is_the_object_of_the_authorisation()
    {
        var events = Extract.From("Brazil's Anvisa authorised in March a Phase 1 clinical trial of the CAR-T therapy CT053.", "2025-06-01");
        Assert.False(HasApproval(events), Extract.Describe(events));
        Extract.Single(events, EventKind.TrialAuthorization, "BR");
    }

    [Fact]
    public void Trial_with_a_possessive_owner_is_still_the_object()
    {
        var events = Extract.From("Medsafe approved the hospital's phase 1 trial of the CAR-T therapy CT053 in 2024.", "2025-06-01");
        Assert.False(HasApproval(events), Extract.Describe(events));
    }

    [Fact]
    public void Obligation_to_run_a_study_after_approval_is_no_trial_authorisation()
    {
        var events = Extract.From("The European approval of Alofisel came with an obligation to run a second phase 3 study.", "2025-06-01");
        Assert.DoesNotContain(events, e => e.Kind == EventKind.TrialAuthorization);
    }

    [Fact]
    public void Editor_time_stamp_in_a_byline_is_not_an_approval()
    {
        const string text = """
            Reporter (desk@bionews.example.kr) | Approved 2025.08.12 10:21

            The CAR-T therapy CT053 was designated by the MFDS for fast review, the company said.
            """;
        Assert.False(HasApproval(Extract.From(text, "2025-08-12")));
    }

    [Fact]
    public void Related_link_with_a_numeric_date_is_not_an_approval()
    {
        const string text = """
            The MFDS designated the CAR-T therapy CT053 for fast review.

            Celltrion wins EU nod for Zolgensma rival (2026.07.11)
            """;
        Assert.False(HasApproval(Extract.From(text, "2026-07-20")));
    }

    [Fact]
    public void Outlet_quoting_its_own_earlier_mistake_states_no_approval()
    {
        var events = Extract.From("We also said that Kymriah was \"approved for use in children in New Zealand\".", "2025-10-06");
        Assert.False(HasApproval(events), Extract.Describe(events));
    }

    [Fact]
    public void Approval_at_home_takes_no_other_place_of_the_sentence()
    {
        var events = Extract.From("Andina plans to file Kymriah with Mexico's COFEPRIS in 2026 for the indication already approved at home.", "2025-10-06");
        Assert.False(HasApproval(events), Extract.Describe(events));
    }

    [Fact]
    public void Place_opened_by_in_beats_an_agency_of_a_later_act()
    {
        var events = Extract.From("Carvykti was approved in China last month and has held RMAT designation from the FDA since January 2024.", "2025-12-10");
        Extract.Single(events, EventKind.Approval, "CN");
        Assert.DoesNotContain(events, e => e.Kind == EventKind.Approval && e.Jurisdiction.Code == "US");
    }

    [Fact]
    public void Definite_approval_talked_about_takes_no_place_from_the_speaker()
    {
        const string text = """
            The FDA approved Carvykti for second-line myeloma on Friday.

            "The approval is a credibility event more than a revenue event," one analyst in Hong Kong wrote.
            """;
        var events = Extract.From(text, "2024-04-08");
        Assert.DoesNotContain(events, e => e.Kind == EventKind.Approval && e.Jurisdiction.Code == "HK");
    }

    [Fact]
    public void Product_of_a_class_already_approved_elsewhere_is_not_the_item_product()
    {
        const string text = """
            The PEI authorised a trial of the base editor CT053.

            Unlike the CRISPR-based product already approved in the EU, the base editor does not cut both strands of the DNA.
            """;
        Assert.False(HasApproval(Extract.From(text, "2025-06-01")));
    }

    [Fact]
    public void Pdufa_date_that_passed_with_a_crl_is_no_expected_approval()
    {
        var events = Extract.From("The FDA issued a complete response letter for Breyanzi on Friday, the day of the PDUFA goal.", "2025-06-01");
        Assert.DoesNotContain(events, e => e.Kind == EventKind.Approval);
        Extract.Single(events, EventKind.Rejection, "US");
    }

    [Fact]
    public void Import_authorised_for_one_patient_is_not_an_approval()
    {
        var events = Extract.From("Colombia's regulator INVIMA authorised its import of Kymriah for her on 14 October.", "2025-10-20");
        Assert.False(HasApproval(events), Extract.Describe(events));
    }

    [Fact]
    public void Planned_compassionate_supply_is_no_access_event()
    {
        var events = Extract.From("The company will provide Kymriah under compassionate use in other European countries on request.", "2025-10-20");
        Assert.DoesNotContain(events, e => e.Kind == EventKind.Access);
    }

    [Fact]
    public void Hearsay_covers_its_whole_clause()
    {
        var events = Extract.From("Several posts on social media last week claimed that the Shanghai company's Carvykti had been approved in Singapore.", "2025-12-22");
        Assert.False(HasApproval(events), Extract.Describe(events));
    }

    [Fact]
    public void Approval_as_a_time_in_a_headline_is_no_act()
    {
        const string text = """
            "We will file in the US in the second half of next year": the company's chief on life after approval

            The NMPA approved Kymriah in China last month, the company said.
            """;
        var events = Extract.From(text, "2025-12-22");
        Assert.DoesNotContain(events, e => e.Kind == EventKind.Approval && e.Jurisdiction.Code == "US");
    }

    [Fact]
    public void Forward_looking_statements_paragraph_states_no_act()
    {
        const string text = """
            The NMPA approved the CAR-T therapy CT053 on 3 March, the company said.

            This press release contains forward-looking statements, including statements about the approval of CT053 by the FDA. Such statements involve risks, including whether the FDA approves CT053 in the US on time.
            """;
        var events = Extract.From(text, "2025-03-04");
        Extract.Single(events, EventKind.Approval, "CN");
        Assert.DoesNotContain(events, e => e.Jurisdiction.Code == "US");
    }

    [Fact]
    public void What_a_mechanism_allows_is_no_act_however_far_the_verb()
    {
        var events = Extract.From("The company plans to file Carvykti in Hong Kong under the \"1+\" mechanism, which allows new drugs approved by one reference regulator plus local clinical data to be registered.", "2025-03-04");
        Assert.False(HasApproval(events), Extract.Describe(events));
    }

    [Theory]
    [InlineData("The FDA approved the company's manufacturing facility in Maryland for commercial production of Abecma.")]
    [InlineData("The FDA approved Zolgensma's new manufacturing site in North Carolina.")]
    [InlineData("China's NHSA approved Fucaso for inclusion in the national reimbursement drug list.")]
    [InlineData("The approval of Carvykti in Brazil remains pending.")]
    public void Approvals_of_sites_listings_and_pending_ones_are_not_marketing_approvals(string text)
    {
        var events = Extract.From(text, "2024-06-14");
        Assert.False(HasApproval(events), Extract.Describe(events));
    }

    [Fact]
    public void Ethics_committee_approval_is_no_trial_authorisation()
    {
        var events = Extract.From("The ethics committee approved the study protocol for Carvykti in China.", "2024-06-14");
        Assert.DoesNotContain(events, e => e.Kind == EventKind.TrialAuthorization);
    }

    [Theory]
    [InlineData("- FDA approves Kymriah for a second indication (April 2024)")]
    [InlineData("- Korea approves its first home-grown CAR-T (2025)")]
    [InlineData("In this issue: 1) FDA approves Kymriah in adults 2) Japan designates a new orphan product")]
    public void Link_lines_and_contents_lists_state_no_approval(string line)
    {
        var text = "The MFDS cleared an IND for the CAR-T therapy CT053, the company said.\n\n" + line;
        Assert.False(HasApproval(Extract.From(text, "2026-01-10")));
    }

    [Fact]
    public void Headline_approval_over_a_trial_authorisation_is_that_authorisation()
    {
        const string text = """
            Jeonbuk Bio Wins MFDS Approval for CAR-NK CT053

            The Ministry of Food and Drug Safety approved the IND application for a phase 1 trial of the CAR-NK therapy CT053, the company said on Friday.
            """;
        var events = Extract.From(text, "2026-03-16");
        Assert.False(HasApproval(events), Extract.Describe(events));
        Extract.Single(events, EventKind.TrialAuthorization, "KR");
    }

    [Fact]
    public void Place_of_the_act_beats_an_agency_that_is_only_told()
    {
        var events = Extract.From("The company informed the CHMP that Kymriah is authorised in the United Kingdom.", "2026-03-16");
        Assert.DoesNotContain(events, e => e.Kind == EventKind.Approval && e.Jurisdiction.Code == "EU");
    }

    [Fact]
    public void The_mainland_is_china()
    {
        var events = Extract.From("Kymriah was approved on the mainland in June, and Hong Kong's Department of Health is now reviewing it.", "2026-07-01");
        Extract.Single(events, EventKind.Approval, "CN");
    }

    [Theory]
    [InlineData("Regulators across North America and Europe have approved a growing number of CAR-T therapies such as Kymriah and Yescarta.")]
    [InlineData("Several BCMA-directed CAR-T products have already been approved in China, including Carvykti.")]
    [InlineData("Asked whether any CAR-T has yet been approved for lupus in the United States, the chief executive said Kymriah was not.")]
    [InlineData("This announcement has been authorised for release by the Board of Kymriah Holdings Limited.")]
    public void Trends_questions_and_exchange_sign_offs_are_not_approvals(string text)
    {
        var events = Extract.From(text, "2025-06-14");
        Assert.False(HasApproval(events), Extract.Describe(events));
    }

    [Fact]
    public void Products_referred_back_as_both_keep_their_approvals()
    {
        var events = Extract.From("Kymriah was launched in Germany in 2019. Both products had been authorised in the European Union a year before.", "2025-06-14");
        Assert.True(HasApproval(events), Extract.Describe(events));
    }
}
