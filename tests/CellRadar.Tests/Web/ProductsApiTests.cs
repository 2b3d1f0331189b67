using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using CellRadar.Core.Model;

namespace CellRadar.Tests.Web;

/// <summary>The landscape, product, fact and change routes over real HTTP, on the samples as <c>ingest</c> stores them.</summary>
public sealed class ProductsApiTests(ServedApp served) : IClassFixture<ServedApp>
{
    // The order of stages along the ladder; a path that ended (rejected, withdrawn) ranks below it.
    private static readonly string[] Ladder = ["designated", "in trials", "filed", "under review", "approved"];

    private static List<JsonElement> Items(JsonElement page) => [.. page.GetProperty("items").EnumerateArray()];

    private static string Str(JsonElement e, string name) => e.GetProperty(name).GetString()!;

    [Fact]
    public async Task The_landscape_lists_every_product_with_a_status_once_with_its_markets()
    {
        var products = Items(await served.GetJson("api/products?pageSize=500"));
        Assert.True(products.Count >= 10, $"only {products.Count} products");
        Assert.Equal(products.Count, products.Select(p => Str(p, "name")).Distinct().Count());
        Assert.All(products, p => Assert.NotEmpty(p.GetProperty("markets").EnumerateArray()));
        // Sorted by name by default.
        var names = products.Select(p => Str(p, "name")).ToList();
        Assert.Equal(names.Order(StringComparer.OrdinalIgnoreCase), names);
    }

    [Fact]
    public async Task Catalog_and_market_filters_narrow_the_landscape()
    {
        var all = Items(await served.GetJson("api/products?pageSize=500")).Count;
        var bcma = Items(await served.GetJson("api/products?target=bcma&pageSize=500"));
        Assert.NotEmpty(bcma);
        Assert.True(bcma.Count < all);
        Assert.All(bcma, p => Assert.Contains("BCMA", Str(p, "target"), StringComparison.OrdinalIgnoreCase));

        var china = Items(await served.GetJson("api/products?jurisdiction=China&pageSize=500"));
        Assert.NotEmpty(china);
        Assert.True(china.Count < all);
        Assert.All(china, p => Assert.All(p.GetProperty("markets").EnumerateArray(), m => Assert.Equal("CN", Str(m, "jurisdiction"))));

        var carT = Items(await served.GetJson("api/products?modality=CAR-T&sponsor=iaso&pageSize=500"));
        Assert.Contains(carT, p => Str(p, "name") == "equecabtagene autoleucel");
        Assert.All(carT, p => Assert.Equal("CAR-T", Str(p, "modality")));
    }

    [Fact]
    public async Task Landscape_pages_follow_each_other_without_overlap_or_gaps()
    {
        var all = Items(await served.GetJson("api/products?pageSize=500")).Select(p => Str(p, "name")).ToList();
        var paged = new List<string>();
        string? next = "api/products?pageSize=4";
        for (var n = 0; next is not null; n++)
        {
            Assert.True(n < 100, "paging does not end");
            var page = await served.GetJson(next.TrimStart('/'));
            paged.AddRange(Items(page).Select(p => Str(p, "name")));
            next = page.GetProperty("next").ValueKind == JsonValueKind.Null ? null : page.GetProperty("next").GetString();
        }
        Assert.Equal(all, paged);
    }

    [Fact]
    public async Task Sorting_by_a_market_puts_products_further_along_there_first_and_absent_ones_last()
    {
        var rows = Items(await served.GetJson("api/products?sort=US&dir=desc&pageSize=500"));
        var stages = rows.Select(p => p.GetProperty("markets").EnumerateArray().Where(m => Str(m, "jurisdiction") == "US")
            .Select(m => Str(m, "stage")).FirstOrDefault()).ToList();
        var firstAbsent = stages.IndexOf(null);
        Assert.True(firstAbsent > 0, "no product in the US first");
        Assert.All(stages.Skip(firstAbsent), s => Assert.Null(s));
        var ranks = stages.Take(firstAbsent).Select(s => Array.IndexOf(Ladder, s)).ToList();
        Assert.Equal(ranks.OrderDescending(), ranks);
    }

    [Theory]
    [InlineData("api/products?sort=size", "sort")]
    [InlineData("api/products?dir=up", "dir")]
    [InlineData("api/products?jurisdiction=Atlantis", "jurisdiction")]
    [InlineData("api/products?pageSize=0", "pageSize")]
    [InlineData("api/facts?kind=rumour", "kind")]
    [InlineData("api/changes?since=yesterday", "since")]
    [InlineData("api/changes", "since")]
    public async Task A_bad_parameter_is_a_400_problem_naming_it(string path, string parameter)
    {
        using var response = await served.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ServedApp.Json(response);
        Assert.Equal("urn:cellradar:error:E401", Str(problem, "type"));
        Assert.StartsWith(parameter + ":", Str(problem, "detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_product_is_found_by_its_brand_with_a_holder_for_each_of_its_markets()
    {
        var product = await served.GetJson("api/products/Fucaso");
        Assert.Equal("equecabtagene autoleucel", Str(product, "name"));
        Assert.True(product.GetProperty("in_catalog").GetBoolean());
        var markets = product.GetProperty("markets").EnumerateArray().Select(m => Str(m, "jurisdiction")).ToList();
        Assert.Contains("CN", markets);
        var holders = product.GetProperty("holders").EnumerateObject().ToDictionary(h => h.Name, h => h.Value.GetString());
        Assert.Equal(markets.Order(), holders.Keys.Order());
        Assert.All(holders.Values, h => Assert.False(string.IsNullOrWhiteSpace(h)));
        Assert.Equal("/api/products/equecabtagene%20autoleucel/timeline", Str(product.GetProperty("links"), "timeline"));
    }

    [Fact]
    public async Task The_status_route_agrees_with_the_landscape_cells()
    {
        var status = await served.GetJson("api/products/kymriah/status");
        var row = Items(await served.GetJson("api/products?pageSize=500")).Single(p => Str(p, "name") == Str(status, "product"));
        var cells = row.GetProperty("markets").EnumerateArray().Select(m => (Str(m, "jurisdiction"), Str(m, "stage"), m.GetProperty("date").GetString())).ToList();
        var markets = status.GetProperty("markets").EnumerateArray().Select(m => (Str(m, "jurisdiction"), Str(m, "stage"), m.GetProperty("date").GetString())).ToList();
        Assert.NotEmpty(markets);
        Assert.Equal(cells, markets);
        // Each market's path ends at its current stage.
        Assert.All(status.GetProperty("markets").EnumerateArray(), m =>
            Assert.Equal(Str(m, "stage"), Str(m.GetProperty("steps").EnumerateArray().Last(), "stage")));
    }

    [Fact]
    public async Task The_timeline_is_in_date_order_and_every_source_points_at_its_evidence()
    {
        var facts = (await served.GetJson("api/products/fucaso/timeline")).GetProperty("facts").EnumerateArray().ToList();
        Assert.True(facts.Count >= 3);
        var dates = facts.Select(f => f.GetProperty("date").GetString()).ToList();
        var firstUndated = dates.IndexOf(null);
        Assert.True(firstUndated < 0 || dates.Skip(firstUndated).All(d => d is null), "a dated fact follows an undated one");
        var starts = dates.Where(d => d is not null).Select(d => PartialDate.Parse(d!).Start).ToList();
        Assert.Equal(starts.Order(), starts);

        foreach (var source in facts.SelectMany(f => f.GetProperty("sources").EnumerateArray()))
        {
            var item = await served.GetJson(Str(source.GetProperty("links"), "item").TrimStart('/'));
            var evidence = source.GetProperty("evidence");
            var text = Str(item, "text");
            Assert.Equal(Str(evidence, "text"), text[evidence.GetProperty("start").GetInt32()..evidence.GetProperty("end").GetInt32()]);
            Assert.Contains(item.GetProperty("events").EnumerateArray(), e => e.GetProperty("id").GetInt64() == source.GetProperty("event_id").GetInt64());
        }
    }

    [Fact]
    public async Task An_unknown_product_is_a_404_problem_on_every_route_and_page()
    {
        foreach (var path in new[] { "api/products/no-such-cell-therapy", "api/products/no-such-cell-therapy/status", "api/products/no-such-cell-therapy/timeline" })
        {
            using var response = await served.Client.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("urn:cellradar:error:E402", Str(await ServedApp.Json(response), "type"));
        }
        using var page = await served.Client.GetAsync("products/no-such-cell-therapy");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("E402", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Facts_filter_by_market_and_kind_and_page_without_gaps()
    {
        var approvals = Items(await served.GetJson("api/facts?kind=approval&jurisdiction=US&pageSize=500"));
        Assert.NotEmpty(approvals);
        Assert.All(approvals, f =>
        {
            Assert.Equal("approval", Str(f, "kind"));
            Assert.Equal("US", Str(f, "jurisdiction"));
            Assert.NotEmpty(f.GetProperty("sources").EnumerateArray());
        });
        var all = Items(await served.GetJson("api/facts?pageSize=500")).Select(f => Str(f, "key")).ToList();
        Assert.True(approvals.Count < all.Count);
        var paged = new List<string>();
        string? next = "api/facts?pageSize=9";
        for (var n = 0; next is not null; n++)
        {
            Assert.True(n < 100, "paging does not end");
            var page = await served.GetJson(next.TrimStart('/'));
            paged.AddRange(Items(page).Select(f => Str(f, "key")));
            next = page.GetProperty("next").ValueKind == JsonValueKind.Null ? null : page.GetProperty("next").GetString();
        }
        Assert.Equal(all, paged);
    }

    [Fact]
    public async Task Changes_are_those_logged_since_the_time_given()
    {
        var everything = (await served.GetJson("api/changes?since=2000&pageSize=1000")).GetProperty("changes").EnumerateArray().ToList();
        Assert.NotEmpty(everything);
        Assert.Contains(everything, c => Str(c, "change") == "new_fact");
        var ids = everything.Select(c => c.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(ids.Order(), ids);
        // Logged while the samples were ingested, so nothing is logged after now.
        var later = DateTimeOffset.UtcNow.AddMinutes(1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Empty((await served.GetJson("api/changes?since=" + later)).GetProperty("changes").EnumerateArray());
        var paged = await served.GetJson("api/changes?since=2000&pageSize=3");
        Assert.Equal(3, paged.GetProperty("changes").GetArrayLength());
        Assert.Equal(ids.Skip(3).Take(3), (await served.GetJson(Str(paged, "next").TrimStart('/'))).GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("id").GetInt64()));
    }

    [Fact]
    public async Task The_atom_feed_is_well_formed_with_one_entry_per_change()
    {
        using var response = await served.Client.GetAsync("feed.atom?since=2000");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync());
        XNamespace atom = "http://www.w3.org/2005/Atom";
        Assert.Equal(atom + "feed", feed.Root!.Name);
        var entries = feed.Root.Elements(atom + "entry").ToList();
        var changes = (await served.GetJson("api/changes?since=2000&pageSize=1000")).GetProperty("changes").EnumerateArray().ToList();
        Assert.Equal(changes.Count, entries.Count);
        Assert.Equal(changes.Select(c => Str(c, "title")), entries.Select(e => e.Element(atom + "title")!.Value));
    }
}
