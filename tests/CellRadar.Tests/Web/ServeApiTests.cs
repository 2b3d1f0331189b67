using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace CellRadar.Tests.Web;

/// <summary>The JSON API over real HTTP: paging, filters, items, search, posting items, problem details, headers.</summary>
public sealed class ServeApiTests(ServedApp served) : IClassFixture<ServedApp>
{
    private const string InventedApproval =
        "title: Brantrex cleared in Canada\npublished: 2025-02-11\n\nHealth Canada approved Brantrex (tisagenlecleucel) for adults with relapsed lymphoma, the sponsor said on Tuesday.\n";

    private static IEnumerable<JsonElement> Items(JsonElement page) => page.GetProperty("items").EnumerateArray();

    [Fact]
    public async Task Pages_of_events_follow_each_other_without_overlap_or_gaps()
    {
        var all = Items(await served.GetJson("api/events?pageSize=500")).Select(e => e.GetProperty("id").GetInt64()).ToList();
        Assert.True(all.Count > 20, $"the samples gave only {all.Count} events");
        var paged = new List<long>();
        string? next = "api/events?pageSize=7";
        var pages = 0;
        while (next is not null)
        {
            var page = await served.GetJson(next.TrimStart('/'));
            paged.AddRange(Items(page).Select(e => e.GetProperty("id").GetInt64()));
            Assert.True(Items(page).Count() <= 7);
            next = page.GetProperty("next").ValueKind == JsonValueKind.Null ? null : page.GetProperty("next").GetString();
            Assert.True(++pages < 100, "paging does not end");
        }
        Assert.Equal(all, paged);
    }

    [Fact]
    public async Task Events_come_newest_first_with_undated_ones_last()
    {
        var dates = Items(await served.GetJson("api/events?pageSize=500")).Select(e => e.GetProperty("date").GetString()).ToList();
        var firstUndated = dates.IndexOf(null);
        Assert.True(firstUndated < 0 || dates.Skip(firstUndated).All(d => d is null), "a dated event follows an undated one");
        // Compared by the last day each date can stand for, as the API documents.
        var ends = dates.Where(d => d is not null).Select(d => Core.Model.PartialDate.Parse(d!).End).ToList();
        Assert.Equal(ends.OrderDescending(), ends);
    }

    [Fact]
    public async Task Filters_keep_only_matching_events()
    {
        var approvals = Items(await served.GetJson("api/events?kind=approval&jurisdiction=US&pageSize=500")).ToList();
        Assert.NotEmpty(approvals);
        Assert.All(approvals, e =>
        {
            Assert.Equal("approval", e.GetProperty("kind").GetString());
            Assert.Equal("US", e.GetProperty("jurisdiction").GetString());
        });
        var total = Items(await served.GetJson("api/events?pageSize=500")).Count();
        Assert.True(approvals.Count < total);

        // A brand name filters by the product it belongs to; a jurisdiction may be given by name.
        var byBrand = Items(await served.GetJson("api/events?product=Kymriah&jurisdiction=united%20states&pageSize=500")).ToList();
        Assert.NotEmpty(byBrand);
        Assert.All(byBrand, e => Assert.Equal("tisagenlecleucel", e.GetProperty("product").GetString()));

        var since = Items(await served.GetJson("api/events?since=2024-06&pageSize=500")).ToList();
        Assert.All(since, e => Assert.True(Core.Model.PartialDate.Parse(e.GetProperty("date").GetString()!).End >= new DateOnly(2024, 6, 1)));
    }

    [Fact]
    public async Task Each_event_carries_evidence_offsets_into_its_items_text()
    {
        var events = Items(await served.GetJson("api/events?pageSize=20")).ToList();
        foreach (var e in events)
        {
            var item = await served.GetJson(e.GetProperty("links").GetProperty("item").GetString()!.TrimStart('/'));
            var evidence = e.GetProperty("evidence");
            var text = item.GetProperty("text").GetString()!;
            var start = evidence.GetProperty("start").GetInt32();
            var end = evidence.GetProperty("end").GetInt32();
            Assert.Equal(evidence.GetProperty("text").GetString(), text[start..end]);
            Assert.Contains(item.GetProperty("events").EnumerateArray(), x => x.GetProperty("id").GetInt64() == e.GetProperty("id").GetInt64());
        }
    }

    [Theory]
    [InlineData("api/events?kind=verdict", "kind")]
    [InlineData("api/events?since=last-week", "since")]
    [InlineData("api/events?jurisdiction=Atlantis", "jurisdiction")]
    [InlineData("api/events?page=0", "page")]
    [InlineData("api/events?pageSize=100000", "pageSize")]
    public async Task A_bad_filter_is_a_400_problem_naming_the_parameter(string path, string parameter)
    {
        using var response = await served.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ServedApp.Json(response);
        Assert.Equal("urn:cellradar:error:E401", problem.GetProperty("type").GetString());
        Assert.Equal("bad request", problem.GetProperty("title").GetString());
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.StartsWith(parameter + ":", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_item_or_path_is_a_404_problem_without_server_details()
    {
        foreach (var path in new[] { "api/items/999999", "api/no-such-thing" })
        {
            using var response = await served.Client.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            var problem = JsonDocument.Parse(body).RootElement;
            Assert.Equal("urn:cellradar:error:E402", problem.GetProperty("type").GetString());
            Assert.Equal("E402", problem.GetProperty("code").GetString());
            Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Preview_returns_the_events_and_stores_nothing()
    {
        var before = Items(await served.GetJson("api/events?pageSize=500")).Count();
        using var response = await served.Client.PostAsync("api/items?preview=true", new StringContent(InventedApproval, Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await ServedApp.Json(response);
        Assert.True(body.GetProperty("preview").GetBoolean());
        var item = Assert.Single(body.GetProperty("items").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, item.GetProperty("id").ValueKind);
        var approval = Assert.Single(item.GetProperty("events").EnumerateArray(), e => e.GetProperty("kind").GetString() == "approval");
        Assert.Equal("CA", approval.GetProperty("jurisdiction").GetString());
        Assert.Equal("tisagenlecleucel", approval.GetProperty("product").GetString());
        Assert.Equal(before, Items(await served.GetJson("api/events?pageSize=500")).Count());
    }

    [Fact]
    public async Task Posting_an_item_stores_it_and_posting_it_again_finds_the_stored_one()
    {
        var json = """{"title":"Orvenza gets a nod in Brazil","text":"ANVISA approved Carvykti (ciltacabtagene autoleucel) in Brazil for adults with myeloma.","published":"2025-05-06","url":"https://news.example.org/orvenza"}""";
        using var created = await served.Client.PostAsync("api/items", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await ServedApp.Json(created);
        var item = Assert.Single(body.GetProperty("items").EnumerateArray());
        Assert.Equal("inserted", item.GetProperty("outcome").GetString());
        var id = item.GetProperty("id").GetInt64();
        Assert.Equal($"/api/items/{id}", created.Headers.Location?.OriginalString);

        var stored = await served.GetJson($"api/items/{id}");
        Assert.Equal("Orvenza gets a nod in Brazil", stored.GetProperty("title").GetString());
        Assert.Contains(stored.GetProperty("events").EnumerateArray(), e => e.GetProperty("jurisdiction").GetString() == "BR");

        using var again = await served.Client.PostAsync("api/items", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var duplicate = Assert.Single((await ServedApp.Json(again)).GetProperty("items").EnumerateArray());
        Assert.Equal("duplicate", duplicate.GetProperty("outcome").GetString());
        Assert.Equal(id, duplicate.GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task A_malformed_item_is_a_422_problem_with_the_readers_error_code()
    {
        using var response = await served.Client.PostAsync("api/items", new StringContent("{\"title\": \"cut off", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await ServedApp.Json(response);
        Assert.Equal("urn:cellradar:error:E105", problem.GetProperty("type").GetString());
        Assert.Equal("malformed JSON", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_body_of_another_media_type_is_a_415_problem()
    {
        using var response = await served.Client.PostAsync("api/items", new ByteArrayContent([1, 2, 3]) { Headers = { ContentType = new MediaTypeHeaderValue("image/png") } });
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("urn:cellradar:error:E406", (await ServedApp.Json(response)).GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_body_over_the_limit_is_a_413_problem_and_nothing_is_stored()
    {
        var before = Items(await served.GetJson("api/events?pageSize=500")).Count();
        var big = "title: Too long\n\n" + string.Concat(Enumerable.Repeat("Health Canada approved Kymriah for lymphoma. ", 3000));
        Assert.True(Encoding.UTF8.GetByteCount(big) > served.MaxRequestBytes);
        using var response = await served.Client.PostAsync("api/items", new StringContent(big, Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("urn:cellradar:error:E404", (await ServedApp.Json(response)).GetProperty("type").GetString());
        Assert.Equal(before, Items(await served.GetJson("api/events?pageSize=500")).Count());
    }

    [Fact]
    public async Task Search_finds_products_by_brand_and_items_by_their_words()
    {
        var result = await served.GetJson("api/search?q=kymriah");
        var hits = result.GetProperty("hits").EnumerateArray().ToList();
        Assert.Contains(hits, h => h.GetProperty("kind").GetString() == "product" && h.GetProperty("product").GetString() == "tisagenlecleucel");
        var items = hits.Where(h => h.GetProperty("kind").GetString() == "item").ToList();
        Assert.NotEmpty(items);
        foreach (var hit in items)
        {
            var snippet = hit.GetProperty("snippet").GetString()!;
            var match = hit.GetProperty("matches").EnumerateArray().First();
            Assert.Equal("kymriah", snippet[match.GetProperty("start").GetInt32()..match.GetProperty("end").GetInt32()].ToLowerInvariant());
        }
        Assert.Empty((await served.GetJson("api/search?q=%22%28%2A")).GetProperty("hits").EnumerateArray());
    }

    [Fact]
    public async Task Pages_and_api_answers_carry_the_content_security_policy()
    {
        foreach (var path in new[] { "", "map", "products/fucaso", "events", "search?q=car-t", "ingest", "api/events", "api/products", "feed.atom", "static/site.css" })
        {
            using var response = await served.Client.GetAsync(path);
            Assert.True(response.IsSuccessStatusCode, path);
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
            Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        }
    }

    [Fact]
    public async Task Pages_have_no_inline_script_or_style()
    {
        foreach (var path in new[] { "", "map", "map?product=kymriah", "products/fucaso", "events", "search?q=approval", "ingest", "items/1" })
        {
            var html = await served.Client.GetStringAsync(path);
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(" style=", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
            // No event-handler attribute in any tag (text that merely mentions one is encoded, so holds no '<').
            Assert.DoesNotMatch(@"<[^>]*\son[a-z]+\s*=", html);
        }
    }

    [Fact]
    public async Task Loopback_writes_need_no_key()
    {
        using var response = await served.Client.PostAsync("api/items?preview=true", new StringContent(InventedApproval, Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
