using CellRadar.Core.Model;

namespace CellRadar.Core.Tests.Extraction;

public class KindTests
{
    [Fact]
    public void Active_voice_approval_by_a_named_agency_is_an_approval_in_its_jurisdiction()
    {
        var events = Extract.From("Japan's Ministry of Health, Labour and Welfare has approved Breyanzi for adults with relapsed follicular lymphoma.");
        var e = Extract.Single(events, EventKind.Approval, "JP");
        Assert.Equal("lisocabtagene maraleucel", e.Product);
    }

    [Fact]
    public void Passive_approval_with_the_application_type_keeps_the_subtype()
    {
        var events = Extract.From("Carvykti's biologics license application was approved by the US Food and Drug Administration for earlier-line myeloma.");
        var e = Extract.Single(events, EventKind.Approval, "US");
        Assert.Equal("ciltacabtagene autoleucel", e.Product);
        Assert.Equal("BLA", e.Subtype);
        Assert.Equal("FDA", e.Agency);
    }

    [Fact]
    public void Granted_designation_takes_the_designation_as_subtype()
    {
        var events = Extract.From("The FDA has granted Fast Track designation to obecabtagene autoleucel for a rare leukaemia.");
        var e = Extract.Single(events, EventKind.Designation, "US");
        Assert.Equal("FastTrack", e.Subtype);
    }

    [Fact]
    public void Prime_eligibility_is_an_eu_designation_even_without_an_agency()
    {
        var events = Extract.From("Anitocabtagene autoleucel has received PRIME eligibility for multiple myeloma.");
        Assert.Equal("PRIME", Extract.Single(events, EventKind.Designation, "EU").Subtype);
    }

    [Fact]
    public void Ind_clearance_is_a_trial_authorization_not_an_approval()
    {
        var events = Extract.From("QRX-417, an autologous CD19 CAR-T cell therapy, received IND clearance from the FDA for a lupus study.");
        var e = Extract.Single(events, EventKind.TrialAuthorization, "US");
        Assert.Equal("QRX-417", e.Product);
        Assert.True(e.ProductIsNew);
        Assert.DoesNotContain(events, x => x.Kind == EventKind.Approval);
    }

    [Fact]
    public void Agency_accepting_an_ind_is_a_trial_authorization()
    {
        var events = Extract.From("The FDA accepted the Investigational New Drug application for zevorcabtagene autoleucel.");
        Extract.Single(events, EventKind.TrialAuthorization, "US");
        Assert.DoesNotContain(events, x => x.Kind == EventKind.Acceptance);
    }

    [Fact]
    public void Accepted_marketing_application_is_an_acceptance()
    {
        var events = Extract.From("Singapore's Health Sciences Authority accepted the new drug application for equecabtagene autoleucel.");
        Assert.Equal("NDA", Extract.Single(events, EventKind.Acceptance, "SG").Subtype);
    }

    [Fact]
    public void Chmp_positive_opinion_is_an_opinion_in_the_eu()
    {
        var events = Extract.From("The CHMP adopted a positive opinion recommending marketing authorisation for Aucatzyl in adult leukaemia.");
        Extract.Single(events, EventKind.Opinion, "EU");
    }

    [Fact]
    public void Complete_response_letter_is_a_rejection()
    {
        var events = Extract.From("The FDA issued a complete response letter for the biologics license application of lifileucel.");
        Extract.Single(events, EventKind.Rejection, "US");
    }

    [Fact]
    public void Withdrawn_marketing_application_is_a_withdrawal()
    {
        var events = Extract.From("The company withdrew its marketing authorisation application for Zynteglo from the European Medicines Agency.");
        Extract.Single(events, EventKind.Withdrawal, "EU");
    }

    [Fact]
    public void Named_patient_supply_is_access_where_the_patients_are()
    {
        var events = Extract.From("Patients in Israel received Fucaso through a named patient programme last year.");
        Assert.Equal("NamedPatient", Extract.Single(events, EventKind.Access, "IL").Subtype);
    }

    [Fact]
    public void Gmp_certificate_is_a_gmp_event_but_gmp_facilities_are_not()
    {
        var granted = Extract.From("Fucaso's plant received a GMP certificate from Singapore's Health Sciences Authority.");
        Extract.Single(granted, EventKind.Gmp, "SG");
        var facilities = Extract.From("Government grants have supported GMP facilities for Fucaso in Singapore.");
        Assert.DoesNotContain(facilities, x => x.Kind == EventKind.Gmp);
    }

    [Fact]
    public void Submission_is_its_own_act()
    {
        var events = Extract.From("Autolus has submitted a marketing authorisation application for obe-cel to the UK's Medicines and Healthcare products Regulatory Agency.");
        var e = Extract.Single(events, EventKind.Submission, "GB");
        Assert.Equal(EventStatus.Occurred, e.Status);
    }

    [Fact]
    public void Scheduled_advisory_committee_meeting_is_an_expected_opinion()
    {
        var events = Extract.From("The FDA has scheduled an advisory committee meeting for June 12 to discuss the gene therapy CT053.", "2025-05-02");
        var opinion = Extract.Single(events, EventKind.Opinion, "US");
        Assert.Equal(EventStatus.Expected, opinion.Status);
        Assert.Equal("2025-06-12", opinion.Date.ToString());
    }

    [Fact]
    public void Meeting_the_agency_does_not_plan_is_no_opinion()
    {
        var events = Extract.From("The FDA is not currently planning to hold an advisory committee meeting to discuss the gene therapy CT053.", "2025-05-02");
        Assert.DoesNotContain(events, e => e.Kind == EventKind.Opinion);
    }

    [Fact]
    public void Awaited_committee_opinion_is_expected()
    {
        var events = Extract.From("The company expects the CHMP's opinion on the TCR-T therapy CT053 at this month's meeting.", "2025-05-02");
        Assert.Equal(EventStatus.Expected, Extract.Single(events, EventKind.Opinion, "EU").Status);
    }

    [Fact]
    public void Expert_committee_recommendation_before_an_approval_is_an_opinion()
    {
        var events = Extract.From("The approval of the CAR-T therapy CT053 by the DCGI follows the recommendation of the Subject Expert Committee in October.", "2025-12-02");
        Extract.Single(events, EventKind.Opinion, "IN");
    }

    [Theory]
    [InlineData("The CAR-T therapy CT053 is eligible for PRIME if the data hold up.")]
    [InlineData("The FDA's Orphan Drug designation programme provides incentives such as tax credits for drugs like the CAR-T therapy CT053.")]
    public void Conditional_or_described_scheme_is_no_designation(string text)
    {
        var events = Extract.From(text, "2024-06-14");
        Assert.DoesNotContain(events, e => e.Kind == EventKind.Designation);
    }

    [Fact]
    public void Scheme_named_like_the_fdas_but_granted_by_another_agency_is_that_agencys_other_designation()
    {
        var events = Extract.From("Swissmedic has granted the fast track procedure to the CAR-T therapy CT053.", "2025-11-04");
        var d = Extract.Single(events, EventKind.Designation, "CH");
        Assert.Equal("Other", d.Subtype);
        Assert.DoesNotContain(events, e => e.Jurisdiction.Code == "US");
    }

    [Fact]
    public void Committee_concluding_the_data_did_not_show_benefit_is_a_negative_opinion()
    {
        var events = Extract.From("The CHMP concluded that the data for the CAR-T therapy CT053 did not show that its benefits outweigh its risks.", "2025-11-04");
        Extract.Single(events, EventKind.Rejection, "EU");
        Assert.DoesNotContain(events, e => e.Kind == EventKind.Opinion);
    }

    [Theory]
    [InlineData("RMAT designation carries the benefits of Fast Track and Breakthrough Therapy designation, including eligibility for priority review of the CAR-T therapy CT053.")]
    [InlineData("The company said it will also apply for GIFT (Global Innovative products on Fast Track) designation for the CAR-T therapy CT053 next year.")]
    public void Benefits_of_a_scheme_and_plans_to_apply_are_no_designations(string text)
    {
        var events = Extract.From(text, "2025-06-14");
        Assert.DoesNotContain(events, e => e.Kind == EventKind.Designation);
    }

    [Fact]
    public void Korean_gift_designation_is_an_other_designation_in_korea()
    {
        var events = Extract.From("The MFDS designated the CAR-T therapy CT053 as a GIFT (Global Innovative products on Fast Track) product.", "2025-06-14");
        Assert.Equal("Other", Extract.Single(events, EventKind.Designation, "KR").Subtype);
        Assert.DoesNotContain(events, e => e.Subtype == "FastTrack");
    }

    [Fact]
    public void Ema_accelerated_assessment_is_a_priority_review()
    {
        var events = Extract.From("The EMA granted accelerated assessment to the CAR-T therapy CT053.", "2025-06-14");
        Assert.Equal("PriorityReview", Extract.Single(events, EventKind.Designation, "EU").Subtype);
    }

    [Fact]
    public void Early_access_only_discussed_is_no_access()
    {
        var events = Extract.From("The company is also in talks with French authorities about an early access authorisation for the CAR-T therapy CT053.", "2025-06-14");
        Assert.DoesNotContain(events, e => e.Kind == EventKind.Access);
    }

    [Fact]
    public void Committee_recommending_refusing_an_authorisation_gave_a_negative_opinion()
    {
        var events = Extract.From("The CHMP recommended refusing a marketing authorisation for Brenvita (BRV-9), a gene therapy for a nerve disease.", "2026-01-30");
        Assert.Equal("BRV-9", Extract.Single(events, EventKind.Rejection, "EU").Product);
    }

    [Fact]
    public void Refusal_for_another_product_is_not_the_items_product()
    {
        const string text = """
            The CHMP recommended approval of Kymriah for a new use.

            The committee recommended eleven medicines for approval, and recommended refusing a marketing authorisation for another.
            """;
        var events = Extract.From(text, "2026-01-30");
        Assert.DoesNotContain(events, e => e.Kind == EventKind.Rejection);
    }

    [Fact]
    public void Brand_introducing_a_code_stands_for_it_later()
    {
        const string text = """
            A positive opinion was adopted for Ovalcis (OCL-12), a one-time AAV gene therapy from Oakvale.

            Ovalcis has orphan designation in the EU.
            """;
        var events = Extract.From(text, "2026-01-30");
        Assert.Equal("OCL-12", Extract.Single(events, EventKind.Designation, "EU").Product);
    }

    [Fact]
    public void Opinions_sent_to_the_commission_await_a_decision_for_each_product()
    {
        const string text = """
            The CHMP adopted a positive opinion for Kymriah in a new use. A positive opinion was also adopted for Ovalcis (OCL-12), a gene therapy.

            The opinions adopted at the meeting will now be sent to the European Commission for the adoption of decisions.
            """;
        var events = Extract.From(text, "2026-01-30");
        Assert.Equal(2, events.Count(e => e.Kind == EventKind.Approval && e.Status == EventStatus.Expected && e.Jurisdiction.Code == "EU"));
    }

    [Theory]
    [InlineData("Medsafe gives provisional consent to Kymriah for leukaemia in New Zealand.", "NZ")]
    [InlineData("The TGA granted provisional registration to Kymriah for leukaemia.", "AU")]
    public void Regulators_own_words_for_provisional_approvals_are_approvals(string text, string place)
    {
        var events = Extract.From(text, "2026-05-01");
        Extract.Single(events, EventKind.Approval, place);
    }

    [Fact]
    public void Filing_a_scheme_allows_is_no_filing()
    {
        var events = Extract.From("The designation allows the CAR-T therapy CT053 to apply for provisional registration in Australia on early data.", "2026-05-01");
        Assert.DoesNotContain(events, e => e.Kind == EventKind.Submission);
    }
}
