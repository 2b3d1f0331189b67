using CellRadar.Core.Model;

namespace CellRadar.Core.Tests.Extraction;

/// <summary>
/// Layouts and roundup styles the sentence rules alone miss: month headings, registers rendered as
/// plain pipe tables, lists introduced by a colon, places with bracketed dates, paragraphs that carry
/// their place on; and the look-backs, site licences and negated subjects that are not approvals.
/// </summary>
public class LayoutAndRoundupTests
{
    [Fact]
    public void Month_heading_dates_the_undated_acts_of_its_paragraph()
    {
        const string text = """
            A look back at the twelve months.

            **November.** The MHRA authorised Casgevy for sickle cell disease, a first for a CRISPR medicine.

            - **March:** Australia's TGA registered Zolgensma for infants with spinal muscular atrophy.
            """;
        var events = Extract.From(text, "2023-12-28");
        Assert.Equal("2023-11", Extract.Single(events, EventKind.Approval, "GB").Date.ToString());
        Assert.Equal("2023-03", Extract.Single(events, EventKind.Approval, "AU").Date.ToString());
    }

    [Theory]
    [InlineData("In May, Abecma won conditional marketing authorisation from the European Commission.")]
    [InlineData("**May.** Abecma won conditional marketing authorisation from the European Commission.")]
    public void Month_of_May_is_a_date_not_a_hedge(string text)
    {
        var events = Extract.From(text, "2021-12-30");
        Assert.Equal("2021-05", Extract.Single(events, EventKind.Approval, "EU").Date.ToString());
    }

    [Fact]
    public void Modal_may_still_hedges()
    {
        var events = Extract.From("The European Commission may approve Abecma before the summer.", "2021-03-02");
        Assert.DoesNotContain(events, e => e.Kind == EventKind.Approval && e.Status == EventStatus.Occurred);
    }

    [Fact]
    public void Product_that_followed_a_stated_approval_took_the_same_step_on_its_own_date()
    {
        const string text = """
            Which CAR-Ts does Japan allow? The MHLW approved Kymriah in March 2019 for leukaemia.
            Gilead's Yescarta followed in January 2021, for lymphoma.
            """;
        var events = Extract.From(text, "2024-06-01");
        var sequel = Assert.Single(events, e => e.Product == "axicabtagene ciloleucel");
        Assert.Equal(EventKind.Approval, sequel.Kind);
        Assert.Equal("JP", sequel.Jurisdiction.Code);
        Assert.Equal("2021-01", sequel.Date.ToString());
    }

    [Theory]
    [InlineData("The MHLW approved Kymriah in March 2019. A price cut followed in April.")]
    [InlineData("The MHLW approved Kymriah in March 2019. Yescarta's trial followed by a year.")]
    [InlineData("Kymriah was not approved in Japan in 2019. Yescarta followed in 2021.")]
    public void Followed_without_a_product_or_after_no_approval_is_nothing(string text)
    {
        var events = Extract.From(text, "2024-06-01");
        Assert.DoesNotContain(events, e => e.Product == "axicabtagene ciloleucel");
    }

    [Fact]
    public void Section_heading_names_the_product_of_its_timeline()
    {
        const string text = """
            # Myeloma cell therapies: a timeline

            ## Abecma (idecabtagene vicleucel), BMS

            - **March 2021:** the FDA granted approval after four prior lines.
            - **August 2021:** conditional marketing authorisation in the EU.

            ## Carvykti (ciltacabtagene autoleucel), Legend and J&J

            - **February 2022:** FDA approval.
            """;
        var events = Extract.From(text, "2024-06-01");
        Assert.Equal("2021-03", events.Single(e => e.Product == "idecabtagene vicleucel" && e.Jurisdiction.Code == "US").Date.ToString());
        Assert.Equal("2021-08", events.Single(e => e.Product == "idecabtagene vicleucel" && e.Jurisdiction.Code == "EU").Date.ToString());
        Assert.Equal("2022-02", events.Single(e => e.Product == "ciltacabtagene autoleucel" && e.Jurisdiction.Code == "US").Date.ToString());
    }

    [Fact]
    public void Agencies_after_the_act_each_with_a_date_repeat_the_act()
    {
        var events = Extract.From("The FDA approved lecanemab in January 2023, Japan's MHLW in September 2023 and China's NMPA in January 2024.", "2024-06-01");
        Assert.Equal("2023-01", Extract.Single(events, EventKind.Approval, "US").Date.ToString());
        Assert.Equal("2023-09", Extract.Single(events, EventKind.Approval, "JP").Date.ToString());
        Assert.Equal("2024-01", Extract.Single(events, EventKind.Approval, "CN").Date.ToString());
    }

    [Fact]
    public void Month_heading_does_not_override_a_date_of_the_act_itself()
    {
        const string text = "**June.** The FDA approved Kymriah on 22 June for children with leukaemia.";
        var events = Extract.From(text, "2024-12-30");
        Assert.Equal("2024-06-22", Extract.Single(events, EventKind.Approval, "US").Date.ToString());
    }

    [Fact]
    public void Plain_pipe_register_takes_its_place_from_the_agency_the_page_title_names()
    {
        const string text = """
            Products entered on the register this month (cell and gene therapies only).

            Trade name | Sponsor | Date of approval | Use

            Kymriah | Novartis | 14/05/2024 | leukaemia

            Yescarta | Gilead | 28/05/2024 | lymphoma
            """;
        var events = Extract.From(text, "2024-06-03", "Therapeutic Goods Administration - new registrations, May 2024");
        var approvals = events.Where(e => e.Kind == EventKind.Approval && e.Jurisdiction.Code == "AU").ToList();
        Assert.Equal(2, approvals.Count);
        Assert.Equal("2024-05-28", approvals.Single(e => e.Product == "axicabtagene ciloleucel").Date.ToString());
    }

    [Fact]
    public void Share_bar_with_pipes_is_not_a_table()
    {
        const string text = """
            The FDA approved Kymriah in 2017.

            Share | Print | Email | Close
            """;
        Assert.Single(Extract.From(text, "2024-01-10"));
    }

    [Fact]
    public void Designation_register_gives_one_grant_per_row_dated_by_its_column()
    {
        const string text = """
            Medicines newly granted PRIME eligibility. Columns: product | developer | date of granting.

            QRT-12 gene therapy | Quartzline Bio | 15/03/2025

            VLX-4 gene therapy | Valdemar Cells | 29/04/2025
            """;
        var events = Extract.From(text, "2025-05-02");
        var grants = events.Where(e => e.Kind == EventKind.Designation && e.Subtype == "PRIME" && e.Jurisdiction.Code == "EU").ToList();
        Assert.Equal(2, grants.Count);
        Assert.Equal("2025-04-29", grants.Single(e => e.Product == "VLX-4").Date.ToString());
    }

    [Fact]
    public void List_introduced_by_a_colon_gives_each_listed_product_the_act()
    {
        const string text = """
            Beijing, 2 March 2024

            The NMPA has approved the marketing of the following two cell therapies:

            1. Carteyva, from JW Therapeutics, for follicular lymphoma in adults.

            2. Fucaso, from IASO Bio, for multiple myeloma in adults.

            Both holders must complete confirmatory studies.
            """;
        var events = Extract.From(text, "2024-03-02");
        Assert.Equal(2, events.Count(e => e.Kind == EventKind.Approval && e.Jurisdiction.Code == "CN"));
    }

    [Fact]
    public void Priority_review_as_the_route_of_an_approval_is_not_a_designation()
    {
        var events = Extract.From("China's NMPA approved Fucaso through the priority review procedure last week.", "2023-07-05");
        Assert.Single(events, e => e.Kind == EventKind.Approval);
        Assert.DoesNotContain(events, e => e.Kind == EventKind.Designation);
    }

    [Fact]
    public void Ended_licence_in_a_table_row_is_a_withdrawal_and_a_condition_after_a_comma_is_no_trial()
    {
        const string text = """
            Advanced biopharmaceuticals, decisions of the MFDS in the half year.

            | Date | Product | Note |

            |---|---|---|

            | 2025-02-11 | HNX-3 cell therapy (Hanul Cell) | conditional approval, phase 3 required |

            | 2025-04-02 | PSN-8 cell therapy (Pusan Bio) | product licence withdrawn at the holder's request |
            """;
        var events = Extract.From(text, "2025-07-01");
        Assert.Equal("2025-02-11", events.Single(e => e.Product == "HNX-3" && e.Kind == EventKind.Approval).Date.ToString());
        Assert.DoesNotContain(events, e => e.Kind == EventKind.TrialAuthorization);
        Assert.DoesNotContain(events, e => e.Product == "PSN-8" && e.Kind == EventKind.Approval);
        Assert.Contains(events, e => e.Product == "PSN-8" && e.Kind == EventKind.Withdrawal);
    }

    [Fact]
    public void Permission_to_market_is_an_approval_and_a_look_back_or_a_link_line_adds_none()
    {
        const string text = """
            Pune-based Acme Cellworks said on Thursday that the CDSCO had granted it permission to manufacture and market NXC-19, its CD19 CAR-T cell therapy.

            ALSO READ: FDA advisers back a lupus antibody (3 Oct 2025)

            With the approval, NXC-19 becomes the third Indian CAR-T therapy.
            """;
        var events = Extract.From(text, "2025-10-09");
        var approval = Assert.Single(events);
        Assert.Equal(EventKind.Approval, approval.Kind);
        Assert.Equal("IN", approval.Jurisdiction.Code);
    }

    [Fact]
    public void Bare_definite_approval_noun_without_product_or_agency_is_no_new_act()
    {
        const string text = """
            Munich-based Isarcell received the go-ahead from the Paul-Ehrlich-Institut for its first clinical trial of ISC-2, a CAR-T cell therapy.

            Isarcell announced the authorisation on Monday.
            """;
        var events = Extract.From(text, "2025-05-15");
        var trial = Assert.Single(events);
        Assert.Equal(EventKind.TrialAuthorization, trial.Kind);
        Assert.Equal("DE", trial.Jurisdiction.Code);
    }

    [Fact]
    public void Study_a_regulator_authorised_is_a_trial_authorisation()
    {
        var events = Extract.From("The CAR-T KLX-5 was tested in a phase 2 study that the MHRA authorised in 2022.", "2025-01-20");
        var trial = Assert.Single(events);
        Assert.Equal(EventKind.TrialAuthorization, trial.Kind);
        Assert.Equal("2022", trial.Date.ToString());
    }

    [Theory]
    [InlineData("No CAR-T made in Brazil has yet received registration from ANVISA, although Carvykti is sold there.")]
    [InlineData("Several firms are developing Kymriah-like therapies for lupus in China, but none has yet been approved by the NMPA.")]
    [InlineData("ANVISA issued a GMP certificate for the plant where Carvykti is made, a prerequisite for registration.")]
    [InlineData("The hospital's clean room, where Kymriah is infused, obtained its authorisation as a manufacturing unit from the AEMPS last year.")]
    public void Not_approvals(string sentence) =>
        Assert.DoesNotContain(Extract.From(sentence, "2025-03-03"), e => e.Kind == EventKind.Approval);

    [Fact]
    public void Places_with_their_own_bracketed_dates_are_approvals_there()
    {
        var events = Extract.From("Zolgensma is approved in the United States and also in Japan (March 2020) and Brazil (August 2020), among other markets.", "2024-02-01");
        Assert.Equal("2020-03", Extract.Single(events, EventKind.Approval, "JP").Date.ToString());
        Assert.Equal("2020-08", Extract.Single(events, EventKind.Approval, "BR").Date.ToString());
    }

    [Fact]
    public void Sentence_without_a_place_continues_the_place_of_the_previous_sentence_in_its_paragraph()
    {
        const string text = """
            The first TIL therapy reached patients after FDA approval in February 2024. Half a year later, Tecelra was approved in August for synovial sarcoma.

            Europe has approved neither so far.
            """;
        var events = Extract.From(text, "2024-12-15");
        Assert.Equal("2024-08", events.Single(e => e.Product == "afamitresgene autoleucel" && e.Kind == EventKind.Approval && e.Jurisdiction.Code == "US").Date.ToString());
    }

    [Fact]
    public void Sirna_and_antisense_stems_name_products()
    {
        var events = Extract.From("The FDA approved vutrisiran for a heart condition on Thursday, a year after it approved eplontersen.", "2025-03-21");
        Assert.Contains(events, e => e.Product == "vutrisiran" && e.Kind == EventKind.Approval && e.Jurisdiction.Code == "US");
    }

    [Fact]
    public void Gene_symbol_next_to_a_disease_is_not_a_product_code()
    {
        var events = Extract.From("Health Canada approved Luxturna for retinal dystrophy caused by RPE65 mutations in gene therapy's latest milestone.", "2025-03-21");
        Assert.DoesNotContain(events, e => e.Product.StartsWith("RPE", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Approval_for_an_ind_named_after_the_cue_is_a_trial_authorisation()
    {
        var events = Extract.From("Hanbit Cell said it received approval from the MFDS for its phase 1 investigational new drug application for HBC-7, a CAR-T cell therapy.", "2025-04-08");
        var trial = Assert.Single(events);
        Assert.Equal(EventKind.TrialAuthorization, trial.Kind);
        Assert.Equal("IND", trial.Subtype);
        Assert.Equal("KR", trial.Jurisdiction.Code);
    }

    [Theory]
    [InlineData("The European Commission granted Kymriah orphan designation, following a positive recommendation from the EMA's orphan committee.")]
    [InlineData("The decision on Kymriah's early access follows a favourable opinion from the ANSM.")]
    public void Advice_a_stated_grant_or_decision_follows_is_not_an_opinion_of_its_own(string sentence) =>
        Assert.DoesNotContain(Extract.From(sentence, "2025-02-02"), e => e.Kind == EventKind.Opinion);

    [Fact]
    public void Chmp_opinion_a_commission_decision_follows_stays_an_opinion()
    {
        var events = Extract.From("The European Commission approved Carvykti, following a positive opinion from the CHMP in March.", "2025-05-02");
        Assert.Contains(events, e => e.Kind == EventKind.Opinion && e.Jurisdiction.Code == "EU");
    }

    [Fact]
    public void Capitalised_cel_word_that_heads_a_company_name_is_the_company()
    {
        const string text = "The CHMP adopted a negative opinion for Quorvex (QRV-3), a CAR-T cell medicine from Dravocel Therapeutics. Dravocel's shares fell.";
        var events = Extract.From(text, "2025-07-25");
        Assert.DoesNotContain(events, e => e.Product == "dravocel");
        Assert.Contains(events, e => e.Kind == EventKind.Rejection && e.Product == "QRV-3");
    }
}
