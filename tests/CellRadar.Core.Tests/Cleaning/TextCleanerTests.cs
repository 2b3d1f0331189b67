using CellRadar.Core.Cleaning;
using CellRadar.Core.Model;
using CellRadar.Core.Pipeline;
using static CellRadar.Core.Tests.Cleaning.CleaningFixtures;

namespace CellRadar.Core.Tests.Cleaning;

public sealed class TextCleanerTests
{
    public static IEnumerable<object[]> Pages => All();

    [Theory]
    [MemberData(nameof(Pages))]
    public void Article_paragraphs_all_survive_in_order(string name, string page, string[] article)
    {
        var clean = TextCleaner.Clean(page);

        var paragraphs = clean.Split("\n\n");
        var positions = article.Select(p => Array.IndexOf(paragraphs, p)).ToArray();
        Assert.True(positions.All(p => p >= 0), $"{name}: missing {string.Join(" | ", article.Where(p => !paragraphs.Contains(p)))}");
        Assert.Equal(positions.Order(), positions);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Only_article_paragraphs_remain(string name, string page, string[] article)
    {
        var clean = TextCleaner.Clean(page);

        var extra = clean.Split("\n\n").Except(article).ToList();
        Assert.True(extra.Count == 0, $"{name}: kept furniture {string.Join(" | ", extra)}");
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Cleaning_clean_text_changes_nothing(string name, string page, string[] article)
    {
        _ = article;
        var once = TextCleaner.Clean(page);

        Assert.True(once == TextCleaner.Clean(once), name);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Paragraphs_are_separated_by_exactly_one_blank_line(string name, string page, string[] article)
    {
        _ = article;
        var clean = TextCleaner.Clean(page);

        Assert.DoesNotContain("\n\n\n", clean);
        Assert.All(clean.Split("\n\n"), p => Assert.DoesNotContain('\n', p));
        Assert.Equal(clean.Trim(), clean);
        Assert.False(string.IsNullOrEmpty(name));
    }

    [Fact]
    public void Ad_box_date_never_survives()
    {
        var clean = TextCleaner.Clean(Trade);

        Assert.DoesNotContain("4 December 2025", clean);
        Assert.DoesNotContain("webinar", clean, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Register for FREE", clean);
    }

    [Fact]
    public void Headline_is_kept_as_the_first_paragraph()
    {
        Assert.StartsWith(TradeArticle[0] + "\n\n", TextCleaner.Clean(Trade));
        Assert.StartsWith(FarmArticle[0] + "\n\n", TextCleaner.Clean(Farm));
    }

    [Fact]
    public void Share_counter_split_over_two_lines_goes()
    {
        var clean = TextCleaner.Clean("Agency grants status\n\n7\nSHARES\n\nThe agency granted the status on Monday after a short review of the file.");

        Assert.Equal("Agency grants status\n\nThe agency granted the status on Monday after a short review of the file.", clean);
    }

    [Fact]
    public void Newsletter_box_and_login_chrome_go()
    {
        var clean = TextCleaner.Clean(Trade);

        Assert.DoesNotContain("newsletter", clean, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("password", clean, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Stay Connected", clean);
    }

    [Fact]
    public void Sponsor_and_independence_lines_go()
    {
        var clean = TextCleaner.Clean(Trade);

        Assert.DoesNotContain("supported by", clean);
        Assert.DoesNotContain("Editorial content", clean);
    }

    [Fact]
    public void Related_stories_list_goes_with_its_dates()
    {
        const string page = "Therapy approved in Canada\n\nHealth Canada approved the therapy for adults with lymphoma after a priority review.\n\n"
            + "Most read\n\nBiotech raises new funds\n\n2 May 2025\n\nTwo agencies sign a reliance pact\n\n"
            + "The sponsor said supply to Canadian centres will start within weeks, once hospital contracts are signed.";

        var clean = TextCleaner.Clean(page);

        Assert.DoesNotContain("2 May 2025", clean);
        Assert.DoesNotContain("Biotech raises", clean);
        Assert.EndsWith("once hospital contracts are signed.", clean);
    }

    [Fact]
    public void Author_bio_goes_with_its_heading()
    {
        var clean = TextCleaner.Clean(Farm);

        Assert.DoesNotContain("Author Bio", clean);
        Assert.DoesNotContain("content agency", clean);
    }

    [Fact]
    public void Pointer_to_another_site_goes()
    {
        Assert.DoesNotContain("https://", TextCleaner.Clean(Farm));
    }

    [Fact]
    public void Unmarked_promo_banner_and_its_blurb_go()
    {
        var clean = TextCleaner.Clean(Trade);

        Assert.DoesNotContain("Discover Trial Recruitment", clean);
        Assert.DoesNotContain("media platforms", clean);
    }

    [Fact]
    public void Attribution_glued_to_a_sentence_is_cut_and_the_sentence_kept()
    {
        const string page = "The agency reviewed the dossier in eight months.\n"
            + "Are your suppliers ready for new tariffs?\nPlan ahead with live trade data and expert analysis for your sector.\n"
            + "By TradeLensThe review covered quality, safety and efficacy data.\nThe sponsor welcomed the outcome.";

        var clean = TextCleaner.Clean(page);

        Assert.Equal("The agency reviewed the dossier in eight months.\n\nThe review covered quality, safety and efficacy data.\n\nThe sponsor welcomed the outcome.", clean);
    }

    [Fact]
    public void Teaser_copy_of_a_later_paragraph_goes_and_the_full_one_stays()
    {
        var clean = TextCleaner.Clean(Farm);

        Assert.DoesNotContain("before filing", clean.Replace(FarmArticle[4], "", StringComparison.Ordinal));
        Assert.Contains(FarmArticle[4], clean);
    }

    [Fact]
    public void Sentences_that_mention_webinars_or_newsletters_are_kept()
    {
        const string sentence = "The agency said it will explain the new pathway to sponsors in a public webinar on 12 March and will post the slides in its newsletter afterwards.";

        var clean = TextCleaner.Clean("Agency sets out new pathway\n\n" + sentence + "\n\nShare via");

        Assert.Equal("Agency sets out new pathway\n\n" + sentence, clean);
    }

    [Fact]
    public void Cookie_notice_and_footer_go()
    {
        const string page = "Approval in Brazil\n\nAnvisa approved the therapy for children with leukaemia on Tuesday.\n\n"
            + "We use cookies to improve your experience. By continuing you accept our cookie policy.\n\nAccept all\n\nCopyright 2025 Example Media Group";

        Assert.Equal("Approval in Brazil\n\nAnvisa approved the therapy for children with leukaemia on Tuesday.", TextCleaner.Clean(page));
    }

    [Fact]
    public void Hard_wrapped_paragraphs_are_joined()
    {
        const string page = "Agency grants orphan status\n\n"
            + "The European Medicines Agency has granted orphan status to a gene\ntherapy for a rare eye disease, the developer said in a short\nstatement on its website this morning.\n\n"
            + "The developer plans to start a pivotal study later in the year and\nexpects to enrol patients at six centres in France and Germany.\n\n"
            + "A spokesperson declined to say how much the study would cost, or\nwhen the first results could be made available to doctors.";

        var paragraphs = TextCleaner.Clean(page).Split("\n\n");

        Assert.Equal(4, paragraphs.Length);
        Assert.Equal("The European Medicines Agency has granted orphan status to a gene therapy for a rare eye disease, the developer said in a short statement on its website this morning.", paragraphs[1]);
    }

    [Fact]
    public void Subheading_between_article_paragraphs_is_kept()
    {
        var clean = TextCleaner.Clean(Trade);

        Assert.Contains("\n\nEarlier Trials\n\n", clean);
    }

    [Fact]
    public void Windows_line_ends_and_no_break_spaces_are_normalised()
    {
        var clean = TextCleaner.Clean("Agency\u00A0 grants status\r\n\r\n\r\nThe agency\u00A0granted  it\u200B today.\r\n");

        Assert.Equal("Agency grants status\n\nThe agency granted it today.", clean);
    }

    [Fact]
    public void Cleaner_sets_the_text_and_a_missing_title_from_the_headline()
    {
        var doc = new Document(new NewsItem { Id = "x", Origin = "x.txt", Body = Trade });

        new TextCleaner().Process(doc);

        Assert.Equal(TradeArticle[0], doc.Title);
        Assert.Equal(TextCleaner.Clean(Trade), doc.Text);
    }
}
