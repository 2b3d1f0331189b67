using CellRadar.Core.Model;

namespace CellRadar.Core.Tests.Extraction;

/// <summary>
/// Classes of phrasing found on unseen news (the dev2 split), each pinned with a fixture written for
/// the test: hearsay and retractions, comparators, class descriptions, vague scopes, product withdrawals,
/// advisory bodies, filings stated on their own, answers that are only a date.
/// </summary>
public class GeneralisationTests
{
    private static bool HasApproval(IReadOnlyList<RegulatoryEvent> events) => events.Any(e => e.Kind == EventKind.Approval);

    [Fact]
    public void Hearsay_claim_of_an_approval_is_not_an_event()
    {
        var events = Extract.From("A forum thread claims Kymriah is now approved in Mexico.", "2025-05-02");
        Assert.False(HasApproval(events), Extract.Describe(events));
    }

    [Fact]
    public void Reportedly_secured_approval_is_not_an_event()
    {
        var events = Extract.From("Breyanzi has reportedly secured another approval in Brazil.", "2025-05-02");
        Assert.False(HasApproval(events), Extract.Describe(events));
    }

    [Fact]
    public void Correction_that_retracts_an_approval_yields_no_approval()
    {
        var events = Extract.From("A story on this site last week wrongly stated that the TGA had approved Breyanzi for follicular lymphoma.", "2025-05-02");
        Assert.False(HasApproval(events), Extract.Describe(events));
    }

    [Fact]
    public void Comparator_in_the_evidence_is_not_the_approved_product()
    {
        var events = Extract.From(
            "Japan's MHLW approved Breyanzi for second-line large B-cell lymphoma. The approval rested on a randomised study that pitted the CAR-T against glofitamab.",
            "2025-05-02");
        Assert.DoesNotContain(events, e => e.Product == "glofitamab");
        Assert.Equal("lisocabtagene maraleucel", Extract.Single(events, EventKind.Approval, "JP").Product);
    }

    [Fact]
    public void One_member_of_the_approved_class_is_not_an_approval()
    {
        var events = Extract.From("Doctors in Norway turn to Tecartus only when every approved option has been tried.", "2025-05-02");
        Assert.False(HasApproval(events), Extract.Describe(events));
    }

    [Fact]
    public void A_count_of_approvals_is_not_an_act()
    {
        var events = Extract.From("Demand in Japan is rising with a growing number of product approvals for therapies such as Kymriah.", "2025-05-02");
        Assert.False(HasApproval(events), Extract.Describe(events));
    }

    [Fact]
    public void Approved_in_dozens_of_countries_names_no_jurisdiction()
    {
        var events = Extract.From("Daiichi Sankyo sells Yescarta in Japan. Yescarta has been approved in more than 30 countries.", "2025-05-02");
        Assert.False(HasApproval(events), Extract.Describe(events));
    }

    [Fact]
    public void Nationality_of_companies_does_not_set_the_place_of_a_vague_claim()
    {
        var events = Extract.From("Carvykti got the green light for earlier use. Several Korean companies also won approvals for their CAR-T products.", "2025-05-02");
        Assert.Empty(events);
    }

    [Fact]
    public void Amino_acid_substitution_is_not_a_product_code()
    {
        var events = Extract.From("The FDA cleared the IND for QPT-77, a KRAS G12D TCR-T therapy for pancreatic cancer.", "2025-05-02");
        Assert.DoesNotContain(events, e => e.Product == "G12D");
        Assert.Equal("QPT-77", Extract.Single(events, EventKind.TrialAuthorization, "US").Product);
    }

    [Fact]
    public void Tail_of_a_report_number_is_not_a_product_code()
    {
        var events = Extract.From("Report ID: MKV-HC-30412 | 180 pages\n\nThe European TCR therapy market will grow on a rising tally of product approvals and a strong pipeline of cell therapy products.", "2025-05-02");
        Assert.Empty(events);
    }

    [Fact]
    public void Company_shaped_like_an_inn_is_not_a_product()
    {
        var events = Extract.From("\"This approval lets surgeons in the US use a membrane seeded with the patient's own cells,\" Vericel's chief executive said of the FDA decision on MACI.", "2025-05-02");
        Assert.DoesNotContain(events, e => e.Product.Equals("vericel", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Explainer_about_one_country_gives_its_undated_place_to_stated_approvals()
    {
        var events = Extract.From(
            "China's NMPA approved Carteyva in September 2021. China now has several CAR-Ts; the NMPA reviews more each year. Fucaso won approval in June 2023 for myeloma. The NMPA has also accepted other filings.",
            "2025-09-15");
        Assert.Contains(events, e => e.Product == "equecabtagene autoleucel" && e.Kind == EventKind.Approval && e.Jurisdiction.Code == "CN" && e.Date?.ToString() == "2023-06");
    }

    [Fact]
    public void Withdrawing_a_product_by_name_is_a_withdrawal()
    {
        var events = Extract.From("In the EU, bluebird bio withdrew Zynteglo in 2022 after price talks failed.", "2023-09-18");
        Assert.Equal("2022", Extract.Single(events, EventKind.Withdrawal, "EU").Date?.ToString());
    }

    [Fact]
    public void Authorised_and_withdrawn_later_gives_both_events()
    {
        var events = Extract.From("Glybera was authorised in the EU in 2012 and withdrawn in 2017.", "2023-09-18");
        Assert.Equal("2012", Extract.Single(events, EventKind.Approval, "EU").Date?.ToString());
        Assert.Equal("2017", Extract.Single(events, EventKind.Withdrawal, "EU").Date?.ToString());
    }

    [Fact]
    public void Patients_withdrawn_from_a_study_are_no_withdrawal()
    {
        var events = Extract.From("Two patients in Japan were withdrawn from the Kymriah study after infections.", "2025-05-02");
        Assert.DoesNotContain(events, e => e.Kind == EventKind.Withdrawal);
    }

    [Fact]
    public void What_a_scheme_offers_is_not_a_designation_granted()
    {
        var events = Extract.From("Casgevy was supported through the EMA's PRIME scheme, which offers early scientific advice and accelerated assessment.", "2025-05-02");
        Assert.DoesNotContain(events, e => e.Subtype == "AcceleratedAssessment");
    }

    [Fact]
    public void Asking_for_priority_review_is_a_request_not_a_designation()
    {
        var events = Extract.From("\"We have asked the FDA for priority review of Elevidys in this group,\" the chief executive said.", "2025-05-02");
        Assert.DoesNotContain(events, e => e.Kind == EventKind.Designation);
    }

    [Fact]
    public void Committee_recommending_refusal_is_a_rejection_not_an_opinion()
    {
        var events = Extract.From("In the EU, the committee recommended the refusal of a marketing authorisation for ZRX-9, a gene therapy for Krabbe disease.", "2025-10-20");
        Extract.Single(events, EventKind.Rejection, "EU");
        Assert.DoesNotContain(events, e => e.Kind == EventKind.Opinion);
    }

    [Fact]
    public void Advisory_body_advising_is_an_opinion()
    {
        var events = Extract.From("In the UK, the Commission on Human Medicines advised in April that the benefits of Casgevy outweigh its risks.", "2025-06-02");
        Extract.Single(events, EventKind.Opinion, "GB");
    }

    [Fact]
    public void Advised_without_an_advisory_body_is_no_opinion()
    {
        var events = Extract.From("Patients in the UK were advised to ask about Casgevy at their next visit.", "2025-06-02");
        Assert.DoesNotContain(events, e => e.Kind == EventKind.Opinion);
    }

    [Fact]
    public void Review_of_business_impact_is_not_a_regulatory_review()
    {
        var events = Extract.From("The impact of the decision on Japanese sales of Kymriah is under review.", "2025-05-02");
        Assert.DoesNotContain(events, e => e.Kind == EventKind.Acceptance);
    }

    [Fact]
    public void Cleared_by_an_agency_without_a_trial_is_an_approval()
    {
        var events = Extract.From("Carvykti was approved by the NMPA in 2024, having already been cleared by the US FDA in February 2022.", "2025-09-15");
        Assert.Equal("2022-02", Extract.Single(events, EventKind.Approval, "US").Date?.ToString());
        Extract.Single(events, EventKind.Approval, "CN");
    }

    [Fact]
    public void Approving_an_import_is_not_a_marketing_approval()
    {
        var events = Extract.From("The Department of Health in Hong Kong approved the import of Carvykti for two named patients.", "2025-05-02");
        Assert.False(HasApproval(events), Extract.Describe(events));
    }

    [Fact]
    public void Approval_review_in_a_headline_is_not_an_approval()
    {
        var events = Extract.From("Hong Kong patients get Carvykti through a named patient route while the approval review continues.", "2025-05-02");
        Assert.False(HasApproval(events), Extract.Describe(events));
    }

    [Fact]
    public void Permission_to_conduct_a_trial_is_a_trial_authorisation()
    {
        var events = Extract.From("Indus Cell received permission from India's CDSCO to conduct a Phase 1 clinical trial of QPT-55, its CAR-T therapy.", "2025-04-09");
        Extract.Single(events, EventKind.TrialAuthorization, "IN");
    }

    [Fact]
    public void Approving_a_clinical_development_dossier_authorises_a_trial()
    {
        var events = Extract.From("Anvisa approved the clinical development dossier for QPT-21, a CD19 CAR-T therapy, in Brazil.", "2025-03-18");
        Extract.Single(events, EventKind.TrialAuthorization, "BR");
        Assert.False(HasApproval(events), Extract.Describe(events));
    }

    [Fact]
    public void Certified_as_compliant_with_good_manufacturing_practice_is_a_gmp_outcome()
    {
        var events = Extract.From("Novartis said the plant in Singapore that makes Kymriah was certified by the HSA as compliant with PIC/S good manufacturing practice in 2024.", "2025-05-02");
        Assert.Equal("2024", Extract.Single(events, EventKind.Gmp, "SG").Date?.ToString());
    }

    [Fact]
    public void Filing_stated_on_its_own_beside_an_approval_is_kept()
    {
        var events = Extract.From("Taiwan's TFDA approved QPT-12, a gamma-delta T cell therapy, on 3 June 2025. The company had filed its application in March.", "2025-06-04");
        Assert.Equal("2025-03", Extract.Single(events, EventKind.Submission, "TW").Date?.ToString());
    }

    [Fact]
    public void Filing_inside_an_acceptance_report_is_not_a_second_event()
    {
        var events = Extract.From("The FDA has accepted the BLA for Aucatzyl in adults with leukaemia. The company filed the application in November 2023.", "2024-01-22");
        Extract.Single(events, EventKind.Acceptance, "US");
        Assert.DoesNotContain(events, e => e.Kind == EventKind.Submission);
    }

    [Fact]
    public void Answer_that_is_only_a_date_dates_the_next_sentence()
    {
        var events = Extract.From("When did Japan approve its first CAR-T?\n\nIn March 2019. The MHLW approved Kymriah for leukaemia.", "2025-09-15");
        Assert.Equal("2019-03", Extract.Single(events, EventKind.Approval, "JP").Date?.ToString());
    }

    [Fact]
    public void Code_in_brackets_after_a_brand_is_a_product()
    {
        var events = Extract.From("The CHMP recommended granting a marketing authorisation for Zorvani (QPT-118), from Quellpoint Bio, for adults with sarcoma.", "2025-10-17");
        Assert.Equal("QPT-118", Extract.Single(events, EventKind.Opinion, "EU").Product);
    }

    [Fact]
    public void Approval_as_the_purpose_of_a_plan_is_not_an_event()
    {
        var events = Extract.From("Investigators in Korea aim to submit Kymriah data from early studies for regulatory review and approval.", "2025-05-02");
        Assert.False(HasApproval(events), Extract.Describe(events));
    }

    [Fact]
    public void Second_clause_opened_by_and_that_keeps_its_own_place()
    {
        var events = Extract.From("Sonexa said its application for Carvykti in Macau is under review, and that it intends to file in Singapore next year.", "2025-05-02");
        Assert.Equal(EventStatus.Ongoing, Extract.Single(events, EventKind.Acceptance, "MO").Status);
        Assert.DoesNotContain(events, e => e.Kind == EventKind.Acceptance && e.Jurisdiction.Code == "SG");
    }

    [Fact]
    public void Tga_provisional_determination_is_a_conditional_pathway_designation()
    {
        var events = Extract.From("The TGA granted Elevidys a provisional determination in August 2025.", "2025-09-30");
        Assert.Equal("ConditionalApprovalPathway", Extract.Single(events, EventKind.Designation, "AU").Subtype);
    }

    [Fact]
    public void Health_canada_notice_of_non_compliance_is_a_rejection_not_an_approval()
    {
        var events = Extract.From("Health Canada issued a Notice of Non-Compliance for Elevidys in August.", "2025-09-30");
        Extract.Single(events, EventKind.Rejection, "CA");
        Assert.False(HasApproval(events), Extract.Describe(events));
    }

    [Fact]
    public void Abbreviation_inside_a_sentence_does_not_cut_the_date_off_its_act()
    {
        var events = Extract.From("Osimertinib received approval from the U.S. Food and Drug Administration on the 12th (local time) for a new use.", "2024-03-14");
        var approval = Extract.Single(events, EventKind.Approval, "US");
        Assert.Equal("osimertinib", approval.Product);
        Assert.Equal("2024-03-12", approval.Date.ToString());
    }

    [Fact]
    public void Capitalised_inn_opening_a_sentence_is_a_product()
    {
        var events = Extract.From("Tarlatamab won accelerated approval from the FDA on Thursday.", "2024-05-17");
        Assert.Equal("tarlatamab", Extract.Single(events, EventKind.Approval, "US").Product);
    }

    [Fact]
    public void Company_named_intercept_is_not_an_inn()
    {
        var events = Extract.From("Intercept said the FDA approved the label update.", "2024-05-17");
        Assert.DoesNotContain(events, e => e.Product == "intercept");
    }

    [Fact]
    public void Product_under_priority_review_in_a_country_is_reviewed_and_designated()
    {
        var events = Extract.From("Carvykti is under priority review in Brazil, the company said.", "2025-12-22");
        Assert.Equal(EventStatus.Ongoing, Extract.Single(events, EventKind.Acceptance, "BR").Status);
        Assert.Contains(events, e => e.Kind == EventKind.Designation && e.Subtype == "PriorityReview" && e.Jurisdiction.Code == "BR");
    }

    [Fact]
    public void Decision_due_on_a_day_is_an_expected_approval()
    {
        var events = Extract.From("Breyanzi has a US decision due on 24 January for the new use.", "2025-12-22");
        var expected = Extract.Single(events, EventKind.Approval, "US");
        Assert.Equal(EventStatus.Expected, expected.Status);
        Assert.Equal("2026-01-24", expected.Date.ToString());
    }

    [Fact]
    public void Approval_after_a_comma_is_not_the_object_of_the_opinion_before_it()
    {
        var events = Extract.From("After a positive CHMP opinion in March, the European Commission approved Abecma in May.", "2024-06-14");
        Assert.Equal("2024-05", Extract.Single(events, EventKind.Approval, "EU").Date.ToString());
        Extract.Single(events, EventKind.Opinion, "EU");
    }

    [Fact]
    public void Regulators_clearing_a_product_approve_it()
    {
        var events = Extract.From("British regulators have cleared Zolgensma for babies with spinal muscular atrophy.", "2024-06-14");
        Extract.Single(events, EventKind.Approval, "GB");
    }

    [Fact]
    public void Regulators_clearing_a_trial_of_a_product_authorise_the_trial_not_the_product()
    {
        var events = Extract.From("British regulators have cleared Zolgensma for a new clinical trial in older children.", "2024-06-14");
        Assert.DoesNotContain(events, e => e.Kind == EventKind.Approval);
    }

    [Fact]
    public void Under_agency_review_is_an_ongoing_acceptance()
    {
        var events = Extract.From("The marketing application for Aucatzyl remains under the EMA's accelerated review.", "2024-06-14");
        Assert.Equal(EventStatus.Ongoing, Extract.Single(events, EventKind.Acceptance, "EU").Status);
    }

    [Fact]
    public void Bla_in_an_item_that_names_no_place_is_an_american_filing()
    {
        var events = Extract.From("Arcellx and Kite have completed the rolling BLA submission for anito-cel.", "2024-06-14");
        Assert.Equal("BLA", Extract.Single(events, EventKind.Submission, "US").Subtype);
    }

    [Fact]
    public void Code_that_an_agency_admits_to_a_scheme_is_a_product()
    {
        var events = Extract.From("The European Medicines Agency admitted QRX-77 to its PRIME scheme in January.", "2025-04-03");
        var prime = Extract.Single(events, EventKind.Designation, "EU");
        Assert.Equal("QRX-77", prime.Product);
        Assert.Equal("PRIME", prime.Subtype);
    }

    [Fact]
    public void Opinion_sent_to_the_commission_for_a_decision_is_an_expected_approval()
    {
        var events = Extract.From("The opinion for Tecartus will now be sent to the European Commission for the adoption of a decision on an EU-wide marketing authorisation.", "2025-09-19");
        Assert.Equal(EventStatus.Expected, Extract.Single(events, EventKind.Approval, "EU").Status);
    }

    [Fact]
    public void Brand_with_an_inn_in_brackets_introduces_a_product_of_any_stem()
    {
        const string text = """
            The European Commission approved Velquora (tazenolide) for adults with a rare liver disease.

            Velquora was approved by the FDA in 2023.
            """;
        var events = Extract.From(text, "2024-06-14");
        Assert.Equal("tazenolide", Extract.Single(events, EventKind.Approval, "EU").Product);
        Assert.Equal("tazenolide", Extract.Single(events, EventKind.Approval, "US").Product);
    }

    [Theory]
    [InlineData("The European Commission approved Kymriah, sold by Novartis (formerly) in Europe.")]
    [InlineData("Revenue at Gilead (unaudited) rose after the FDA approved Yescarta.")]
    public void English_word_in_brackets_is_no_inn(string text)
    {
        var events = Extract.From(text, "2024-06-14");
        Assert.DoesNotContain(events, e => e.Product is "formerly" or "unaudited");
    }
}
