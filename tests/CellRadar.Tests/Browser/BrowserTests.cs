using Microsoft.Playwright;

namespace CellRadar.Tests.Browser;

/// <summary>The pages in a real browser, against the built app serving the samples; each test leaves a screenshot.</summary>
[Collection(BrowserCollection.Name)]
public sealed class BrowserTests(BrowserSession session)
{
    // Invented wording; the product and agency are real so the catalog resolves them.
    private const string PastedApproval =
        "Health Canada approved Breyanzi (lisocabtagene maraleucel) on 14 March 2025 for adults with relapsed follicular lymphoma, the company said.\n\n" +
        "The company expects to begin treating patients at the Kelwick clinic later this year.";

    [BrowserFact]
    public async Task The_event_feed_lists_stored_events_newest_first()
    {
        var page = await session.NewPage();
        await page.GotoAsync(session.Url("events"));
        var rows = page.Locator("table.events tbody tr");
        Assert.True(await rows.CountAsync() >= 10, "fewer than 10 events on the first page");
        var dates = (await page.Locator("table.events td.date:not(.undated)").AllInnerTextsAsync())
            .Select(d => Core.Model.PartialDate.Parse(d).End).ToList();
        Assert.NotEmpty(dates);
        Assert.Equal(dates.OrderDescending(), dates);
        await BrowserSession.Screenshot(page, "events", fullPage: false);
    }

    [BrowserFact]
    public async Task Clicking_an_event_opens_its_item_with_the_evidence_highlighted()
    {
        var page = await session.NewPage();
        await page.GotoAsync(session.Url("events"));
        var link = page.Locator("a.evidence-link").Nth(2);
        var shown = (await link.InnerTextAsync()).TrimEnd('…');
        await link.ClickAsync();
        await page.WaitForURLAsync("**/items/*");
        var marked = page.Locator("mark.evidence.selected");
        Assert.True(await marked.CountAsync() >= 1);
        var evidence = string.Concat(await marked.AllInnerTextsAsync());
        Assert.StartsWith(shown, evidence, StringComparison.Ordinal);
        // The page opens at the evidence, which the item's text holds.
        Assert.True(await page.Locator("#evidence").IsVisibleAsync());
        Assert.Contains(evidence, await page.Locator(".item-text").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserSession.Screenshot(page, "item");
    }

    [BrowserFact]
    public async Task A_filter_narrows_the_event_feed_to_matching_events()
    {
        var page = await session.NewPage();
        await page.GotoAsync(session.Url("events?pageSize=500"));
        var all = await page.Locator("table.events tbody tr").CountAsync();
        await page.GotoAsync(session.Url("events"));
        await page.Locator("#kind").SelectOptionAsync("approval");
        await page.Locator("#jurisdiction").FillAsync("US");
        // The keyboard submits the form, as a user without a mouse would.
        await page.Locator("#jurisdiction").PressAsync("Enter");
        await page.WaitForURLAsync("**/events?*kind=approval*");
        var kinds = await page.Locator("table.events tbody tr td .kind").AllInnerTextsAsync();
        Assert.NotEmpty(kinds);
        Assert.All(kinds, k => Assert.Equal("approval", k));
        Assert.True(kinds.Count < all);
        await BrowserSession.Screenshot(page, "events-filtered", fullPage: false);
    }

    [BrowserFact]
    public async Task Search_finds_an_item_and_marks_the_words_found()
    {
        var page = await session.NewPage();
        await page.GotoAsync(session.Url("search"));
        await page.Locator("#q").FillAsync("Kymriah");
        await page.Locator("#q").PressAsync("Enter");
        await page.WaitForURLAsync("**/search?q=Kymriah");
        var items = page.Locator("h2:text('Items') + ol.hits li");
        Assert.True(await items.CountAsync() >= 1);
        Assert.Contains("kymriah", (await page.Locator("ol.hits mark").AllInnerTextsAsync()).Select(m => m.ToLowerInvariant()));
        await BrowserSession.Screenshot(page, "search");
        await items.First.Locator("a").ClickAsync();
        await page.WaitForURLAsync("**/items/*");
        Assert.Contains("Kymriah", await page.Locator(".item-text").InnerTextAsync(), StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task Ingest_shows_the_events_before_saving_and_saving_stores_them()
    {
        var page = await session.NewPage();
        await page.GotoAsync(session.Url("ingest"));
        await page.Locator("#title").FillAsync("Breyanzi cleared in Canada");
        await page.Locator("#text").FillAsync(PastedApproval);
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview events" }).ClickAsync();
        await page.WaitForSelectorAsync("form.save");
        var kinds = await page.Locator("table.events td .kind").AllInnerTextsAsync();
        Assert.Contains("approval", kinds);
        Assert.Contains("lisocabtagene maraleucel", await page.Locator("table.events td.product").AllInnerTextsAsync());
        Assert.True(await page.Locator(".item-text mark.evidence").CountAsync() >= 1);
        await BrowserSession.Screenshot(page, "ingest-preview");

        // Not stored yet: search does not find it.
        var check = await session.NewPage();
        await check.GotoAsync(session.Url("search?q=Kelwick"));
        Assert.Equal(0, await check.Locator("h2:text('Items') + ol.hits li").CountAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.WaitForURLAsync("**/items/*");
        Assert.Equal("Breyanzi cleared in Canada", await page.Locator("h1").InnerTextAsync());
        Assert.Contains("approval", await page.Locator("table.events td .kind").AllInnerTextsAsync());
        await check.GotoAsync(session.Url("search?q=Kelwick"));
        Assert.Equal(1, await check.Locator("h2:text('Items') + ol.hits li").CountAsync());
        await BrowserSession.Screenshot(page, "ingest-saved");
    }

    [BrowserFact]
    public async Task Markup_in_an_items_text_is_shown_as_text_and_never_runs()
    {
        const string script = "<script>alert(1)</script>";
        const string image = "<img src=x onerror=alert(1)>";
        var page = await session.NewPage();
        var dialogs = new List<string>();
        page.Dialog += (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            _ = dialog.DismissAsync();
        };
        await page.GotoAsync(session.Url("ingest"));
        await page.Locator("#title").FillAsync("Kymriah note " + image);
        await page.Locator("#text").FillAsync(
            $"Health Canada approved Kymriah (tisagenlecleucel) for adults with lymphoma. {script} A reader comment said {image} was odd.\n\nMore text follows here.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview events" }).ClickAsync();
        await page.WaitForSelectorAsync("form.save");
        Assert.Contains(script, await page.Locator(".item-text").First.InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.WaitForURLAsync("**/items/*");

        var text = await page.Locator(".item-text").InnerTextAsync();
        Assert.Contains(script, text, StringComparison.Ordinal);
        Assert.Contains(image, text, StringComparison.Ordinal);
        Assert.Contains(image, await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        // Nothing of it became an element.
        Assert.Equal(0, await page.Locator("main img, main script, body script").CountAsync());
        Assert.Contains(image, await page.TitleAsync(), StringComparison.Ordinal);

        // The same item from the event feed and from search.
        await page.GotoAsync(session.Url("search?q=reader+comment"));
        await page.Locator("ol.hits a").First.ClickAsync();
        await page.WaitForURLAsync("**/items/*");
        await page.WaitForTimeoutAsync(500);
        Assert.Empty(dialogs);
        await BrowserSession.Screenshot(page, "markup-as-text");
    }

    [BrowserFact]
    public async Task The_first_tab_stop_skips_to_the_content()
    {
        var page = await session.NewPage();
        await page.GotoAsync(session.Url("events"));
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to content", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await page.EvaluateAsync<string>("() => document.activeElement.id"));
    }

    [BrowserFact]
    public async Task The_landscape_shows_the_seeds_products_with_their_stages()
    {
        // The products the seeds' gold names, read from the gold files rather than written here.
        var seeded = Directory.GetFiles(Path.Combine(Seeds.Folder, "gold"), "*.jsonl")
            .SelectMany(File.ReadLines).Where(l => l.Trim().Length > 0)
            .Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("product").GetString()!)
            .Distinct().ToList();
        Assert.NotEmpty(seeded);
        var page = await session.NewPage();
        await page.GotoAsync(session.Url(""));
        Assert.Equal("Landscape", await page.Locator("h1").InnerTextAsync());
        var products = await page.Locator("table.landscape tbody th.product").AllInnerTextsAsync();
        foreach (var product in seeded) Assert.Contains(product, products);
        // Every filled cell names its stage in words next to its colour, and a date or "undated".
        var cells = page.Locator("table.landscape td.cell");
        Assert.True(await cells.CountAsync() >= products.Count);
        foreach (var text in (await cells.AllInnerTextsAsync()).Take(40))
            Assert.Matches(@"^(approved|under review|filed|in trials|designated|rejected|withdrawn)\s+(\d{4}(-\d{2}(-\d{2})?)?|undated)\*?$", text.Trim());
        await BrowserSession.Screenshot(page, "landscape", fullPage: false);
    }

    [BrowserFact]
    public async Task A_filter_narrows_the_landscape_and_a_column_link_sorts_it()
    {
        var page = await session.NewPage();
        await page.GotoAsync(session.Url(""));
        var all = await page.Locator("table.landscape tbody th.product").CountAsync();
        await page.Locator("#target").SelectOptionAsync("BCMA");
        await page.Locator("#sponsor").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/?*target=BCMA*");
        var shown = await page.Locator("table.landscape tbody th.product").CountAsync();
        Assert.InRange(shown, 1, all - 1);
        Assert.Equal("BCMA", await page.Locator("#target").InputValueAsync());

        // Sorting by China keeps the filter and puts the products furthest along there first.
        await page.Locator("table.landscape thead th a", new() { HasTextString = "CN" }).ClickAsync();
        await page.WaitForURLAsync("**/?*sort=CN*");
        Assert.Contains("target=BCMA", page.Url, StringComparison.Ordinal);
        Assert.Equal("descending", await page.Locator("table.landscape thead th[aria-sort]").GetAttributeAsync("aria-sort"));
        var first = page.Locator("table.landscape tbody tr").First.Locator("td.cell[data-market=CN]");
        Assert.StartsWith("approved", (await first.InnerTextAsync()).Trim(), StringComparison.Ordinal);
        Assert.Equal(shown, await page.Locator("table.landscape tbody th.product").CountAsync());
        await BrowserSession.Screenshot(page, "landscape-filtered", fullPage: false);
    }

    [BrowserFact]
    public async Task The_product_timeline_draws_fucasos_approvals_in_date_order_and_leads_to_the_evidence()
    {
        var page = await session.NewPage();
        await page.GotoAsync(session.Url("products/Fucaso"));
        Assert.Equal("equecabtagene autoleucel", await page.Locator("h1").InnerTextAsync());
        var marks = page.Locator("svg.timeline a.timeline-mark[data-kind=approval]");
        var count = await marks.CountAsync();
        Assert.True(count >= 2, $"{count} approvals drawn");
        var drawn = new List<(double X, PartialDateText Date, string Market)>();
        for (var i = 0; i < count; i++)
        {
            var mark = marks.Nth(i);
            var box = await mark.Locator("circle, rect").First.BoundingBoxAsync();
            drawn.Add((box!.X, new PartialDateText(await mark.GetAttributeAsync("data-date") ?? ""), await mark.GetAttributeAsync("data-market") ?? ""));
        }
        var leftToRight = drawn.OrderBy(d => d.X).ToList();
        Assert.Equal(leftToRight.Select(d => d.Date.Value.Start).Order(), leftToRight.Select(d => d.Date.Value.Start));
        var markets = leftToRight.Select(d => d.Market).ToList();
        Assert.True(markets.IndexOf("CN") >= 0 && markets.IndexOf("MO") > markets.IndexOf("CN"), string.Join(", ", markets));
        // A month is drawn as a bar over the month, a day as a point.
        Assert.Equal("month", await page.Locator("svg.timeline a.timeline-mark[data-market=MO][data-kind=approval]").GetAttributeAsync("data-precision"));
        Assert.Equal(1, await page.Locator("svg.timeline a.timeline-mark[data-market=MO][data-kind=approval] rect").CountAsync());
        Assert.Equal(1, await page.Locator("svg.timeline a.timeline-mark[data-market=CN][data-kind=approval] circle").CountAsync());
        // Sources that disagree are said so in words, not only in colour.
        var conflicts = page.Locator("section.fact.conflict");
        Assert.True(await conflicts.CountAsync() >= 1);
        Assert.Contains("Sources disagree", await conflicts.First.InnerTextAsync(), StringComparison.Ordinal);
        await BrowserSession.Screenshot(page, "product");

        // The CN approval's mark leads to the fact, and its first source to the item with that sentence marked.
        await page.Locator("svg.timeline a.timeline-mark[data-market=CN][data-kind=approval]").ClickAsync();
        await page.WaitForURLAsync("**/products/*#fact-*");
        var fact = page.Locator("section.fact:target");
        Assert.Contains("CN", await fact.Locator("h3").InnerTextAsync(), StringComparison.Ordinal);
        var quoted = await fact.Locator("blockquote.evidence").First.InnerTextAsync();
        await fact.Locator("a.source-item").First.ClickAsync();
        await page.WaitForURLAsync("**/items/*");
        Assert.Equal(quoted.Trim(), string.Concat(await page.Locator("mark.evidence.selected").AllInnerTextsAsync()).Trim());
        await BrowserSession.Screenshot(page, "product-source");
    }

    [BrowserFact]
    public async Task The_map_colours_each_market_by_stage_and_says_it_in_words()
    {
        var page = await session.NewPage();
        await page.GotoAsync(session.Url("map"));
        Assert.True(await page.Locator("svg.tilemap rect.tile:not(.stage-none)").CountAsync() >= 5);
        await BrowserSession.Screenshot(page, "map");

        await page.Locator("#product").SelectOptionAsync("equecabtagene autoleucel");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await page.WaitForURLAsync("**/map?product=*");
        var china = page.Locator("svg.tilemap a.tile-link[aria-label^='China']");
        Assert.Contains("stage-approved", await china.Locator("rect").GetAttributeAsync("class") ?? "", StringComparison.Ordinal);
        Assert.Equal("APP", await china.Locator("text.tile-stage").TextContentAsync());
        var row = page.Locator("table.plain tbody tr", new() { HasTextString = "(CN)" });
        Assert.Contains("approved", await row.InnerTextAsync(), StringComparison.Ordinal);
        // Markets where nothing is known are drawn but not coloured.
        Assert.Contains("stage-none", await page.Locator("svg.tilemap g[aria-label^='Iceland'] rect").GetAttributeAsync("class") ?? "", StringComparison.Ordinal);
        await BrowserSession.Screenshot(page, "map-product");
    }

    /// <summary>A date attribute read back from the page.</summary>
    private readonly record struct PartialDateText(string Text)
    {
        public Core.Model.PartialDate Value => Core.Model.PartialDate.Parse(Text);
    }
}
