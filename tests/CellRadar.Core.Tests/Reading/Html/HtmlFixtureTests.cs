using CellRadar.Core.Model;
using CellRadar.Core.Pipeline;
using CellRadar.Core.Reading;

namespace CellRadar.Core.Tests.Reading.Html;

/// <summary>
/// Pages in the layout of real sites (a wire release, a trade-press story with sidebars and ads, a
/// regulator's notice, a blog with comments), each beside a plain-text twin holding the same article:
/// the page must give the twin's events, and nothing from its furniture.
/// </summary>
public sealed class HtmlFixtureTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Html");

    private static NewsItem ReadItem(string file) => Assert.Single(new ItemSource().Read([Path.Combine(Folder, file)])).Item!;

    private static List<string> Events(NewsItem item) =>
        [.. Pipelines.Default().Process(item).Events
            .Select(e => $"{e.Product}|{e.Kind.ToWire()}|{e.Subtype}|{e.Jurisdiction}|{e.Date}|{e.Status}")
            .Order(StringComparer.Ordinal)];

    [Theory]
    [InlineData("wire-story")]
    [InlineData("trade-press")]
    [InlineData("regulator-notice")]
    [InlineData("blog")]
    public void Page_gives_the_same_events_as_its_plain_text_twin(string name)
    {
        var page = ReadItem(name + ".html");
        var twin = ReadItem(name + ".txt");

        var fromPage = Events(page);

        Assert.NotEmpty(fromPage);
        Assert.Equal(Events(twin), fromPage);
        Assert.Equal(twin.Published, page.Published);
        Assert.Equal(twin.Url, page.Url);
    }

    [Theory]
    [InlineData("wire-story")]
    [InlineData("trade-press")]
    [InlineData("regulator-notice")]
    [InlineData("blog")]
    public void Every_paragraph_of_the_twin_is_in_the_page_text(string name)
    {
        var pageText = ReadItem(name + ".html").Body;
        var twinBody = ReadItem(name + ".txt").Body;

        foreach (var line in twinBody.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            Assert.Contains(line, pageText);
    }

    [Theory]
    [InlineData("wire-story", "Yescarta|Breyanzi|webinar|cookies|Subscribe|Advertisement|Share")]
    [InlineData("trade-press", "Breyanzi|RMAT|Abecma|Kymriah|summit|Newsletter|regulatory editor|Myeloma")]
    [InlineData("regulator-notice", "cookies|Skip to main content|Is this page useful|Related content|Open Government Licence|Share this page")]
    [InlineData("blog", "Breyanzi|breakthrough|Equecabtagene|relma-cel|Tecartus|Leave a Reply|Posted in|Share this")]
    public void Page_furniture_is_not_in_the_text(string name, string furniture)
    {
        var text = ReadItem(name + ".html").Body;

        foreach (var phrase in furniture.Split('|'))
            Assert.DoesNotContain(phrase, text);
    }

    [Fact]
    public void No_event_takes_a_date_or_product_from_an_advertisement_or_sidebar()
    {
        foreach (var name in new[] { "wire-story", "trade-press", "regulator-notice", "blog" })
        {
            var events = Pipelines.Default().Process(ReadItem(name + ".html")).Events;
            Assert.DoesNotContain(events, e => e.Date?.ToString() == "2025-11-20");
            Assert.DoesNotContain(events, e => e.Product is "axicabtagene ciloleucel" or "lisocabtagene maraleucel" or "idecabtagene vicleucel"
                or "tisagenlecleucel" or "equecabtagene autoleucel" or "relmacabtagene autoleucel" or "brexucabtagene autoleucel");
        }
    }
}
