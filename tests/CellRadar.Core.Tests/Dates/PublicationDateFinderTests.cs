using CellRadar.Core.Dates;
using CellRadar.Core.Model;
using CellRadar.Core.Pipeline;

namespace CellRadar.Core.Tests.Dates;

public sealed class PublicationDateFinderTests
{
    private const string Lead =
        "The regulator has granted an expedited status to an experimental cell therapy for a rare blood cancer, the developer said in a statement.";

    private const string Second =
        "The decision follows early data from a small study in which most treated patients responded, according to the company's summary of results.";

    private static Document Run(string body, PartialDate? metadata = null)
    {
        var doc = new Document(new NewsItem { Id = "t", Origin = "t.txt", Body = body, Published = metadata });
        new PublicationDateFinder().Process(doc);
        return doc;
    }

    [Theory]
    [InlineData("Therapy gets fast track\n\n3 March 2025 | Tuesday | Features\n\n" + Lead, "2025-03-03")]
    [InlineData("Therapy gets fast track\n\nPublished: March 3, 2025\n\n" + Lead, "2025-03-03")]
    [InlineData("Therapy gets fast track\nBy Jane Doe | Mar 3, 2025 | 4 min read\n\n" + Lead, "2025-03-03")]
    [InlineData("Therapy gets fast track\n\nUpdated 14:05 GMT, 3 March 2025\n\n" + Lead, "2025-03-03")]
    public void Dateline_under_the_headline_is_the_publication_date(string body, string expected)
    {
        var doc = Run(body);

        Assert.Equal(expected, doc.Published.ToString());
        Assert.Equal("dateline", doc.PublishedFrom);
    }

    [Theory]
    [InlineData("Acme files for approval\n\nBOSTON, Jan. 5, 2024 /PRNewswire/ -- Acme Bio today said it has filed a marketing application for its lead therapy.")]
    [InlineData("SHANGHAI--(BUSINESS WIRE)--Jan. 5, 2024--Acme Bio today said it has filed a marketing application for its lead therapy.")]
    [InlineData("CAMBRIDGE, Mass., Jan. 5, 2024 /PRNewswire/ -- Acme Bio today said it has filed a marketing application for its lead therapy.")]
    public void Wire_dateline_at_the_start_of_the_first_paragraph_is_accepted(string body)
    {
        Assert.Equal("2024-01-05", Run(body).Published.ToString());
    }

    [Fact]
    public void Webinar_banner_date_is_never_the_publication_date()
    {
        const string body = "Therapy gets fast track\n\nReserve your place\n\n20 November 2025 | 3:00 PM GMT | FREE Virtual Panel Discussion\n\n" + Lead;

        var doc = Run(body);

        Assert.Null(doc.Published);
        Assert.Equal("", doc.PublishedFrom);
    }

    [Fact]
    public void Date_line_deep_in_the_body_is_rejected()
    {
        var body = "Therapy gets fast track\n\n" + Lead + "\n\n" + Second + "\n\n4 April 2025 | News\n\nMore text.";

        Assert.Null(Run(body).Published);
    }

    [Fact]
    public void A_sentence_that_contains_a_date_is_not_a_dateline()
    {
        const string body = "The agency approved the therapy on June 30, 2023, after a short review.\n\nMore text follows.";

        Assert.Null(Run(body).Published);
    }

    [Fact]
    public void Metadata_date_wins_over_a_dateline()
    {
        var doc = Run("Headline\n\n3 March 2025 | News\n\n" + Lead, PartialDate.Parse("2025-03-04"));

        Assert.Equal("2025-03-04", doc.Published.ToString());
        Assert.Equal("metadata", doc.PublishedFrom);
    }
}
