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
}
