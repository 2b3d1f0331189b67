using CellRadar.Core.Model;

namespace CellRadar.Storage.Tests;

/// <summary>What the web pages and API read from a store: items by id, event pages, newest first, and search.</summary>
public abstract partial class EventStoreContract
{
    private const string FeedText =
        "Harbourline Bio said its product Quorvance won approval in Canada. Separately, Ostrel Therapeutics filed " +
        "velcotagene lorucel in Japan. The Australian regulator granted Quorvance a priority review.";

    private IEventStore StoreWithFeedItem(out long itemId)
    {
        var store = OpenStore();
        store.SaveBatch(store.StartRun("ingest"),
        [
            Items.Titled("feed", "Quorvance cleared north of the border", FeedText,
                Items.Event(FeedText, "Harbourline Bio said its product Quorvance won approval in Canada.", "quorvance", EventKind.Approval, "CA", "2024-03"),
                Items.Event(FeedText, "Separately, Ostrel Therapeutics filed velcotagene lorucel in Japan.", "velcotagene lorucel", EventKind.Submission, "JP", "2024-03-20"),
                Items.Event(FeedText, "The Australian regulator granted Quorvance a priority review.", "quorvance", EventKind.Designation, "AU")),
        ]);
        itemId = store.QueryEvents(new EventQuery()).First().ItemId;
        return store;
    }

    [StoreFact]
    public void Newest_first_puts_the_latest_possible_day_first_and_undated_events_last()
    {
        using var store = StoreWithFeedItem(out _);
        var order = store.QueryEvents(new EventQuery { Order = EventOrder.NewestFirst }).Select(e => e.Event.Kind).ToArray();
        // "2024-03" may be as late as 31 March, so it sorts before 20 March.
        Assert.Equal([EventKind.Approval, EventKind.Submission, EventKind.Designation], order);
    }

    [StoreFact]
    public void Offset_and_limit_read_the_events_page_by_page_without_overlap()
    {
        using var store = StoreWithFeedItem(out _);
        var all = store.QueryEvents(new EventQuery { Order = EventOrder.NewestFirst }).Select(e => e.Id).ToArray();
        var pages = new List<long>();
        for (var offset = 0; offset < all.Length + 2; offset += 2)
            pages.AddRange(store.QueryEvents(new EventQuery { Order = EventOrder.NewestFirst, Offset = offset, Limit = 2 }).Select(e => e.Id));
        Assert.Equal(all, pages);
        Assert.Equal(all[1..], store.QueryEvents(new EventQuery { Order = EventOrder.NewestFirst, Offset = 1 }).Select(e => e.Id));
    }

    [StoreFact]
    public void Events_can_be_limited_to_one_item()
    {
        using var store = StoreWithFeedItem(out var itemId);
        const string other = "Zelventa was cleared in Brazil.";
        store.SaveBatch(store.StartRun("ingest"), [Items.Record("other", other, Items.Event(other, other, "zelventa", EventKind.Approval, "BR"))]);
        Assert.Equal(4, store.QueryEvents(new EventQuery()).Count());
        Assert.All(store.QueryEvents(new EventQuery { ItemId = itemId }), e => Assert.Equal(itemId, e.ItemId));
        Assert.Equal(3, store.QueryEvents(new EventQuery { ItemId = itemId }).Count());
    }

    [StoreFact]
    public void An_item_comes_back_with_its_text_title_and_url_and_a_missing_one_is_null()
    {
        using var store = StoreWithFeedItem(out var itemId);
        var item = store.Item(itemId)!;
        Assert.Equal(FeedText, item.Text);
        Assert.Equal("Quorvance cleared north of the border", item.Title);
        Assert.Equal("https://example.org/feed", item.Url);
        Assert.Equal("feed", item.Key);
        Assert.Equal(Clock.GetUtcNow(), item.IngestedAt);
        Assert.Null(store.Item(itemId + 1000));
    }

    [StoreFact]
    public void An_item_is_found_by_its_content_hash()
    {
        using var store = StoreWithFeedItem(out var itemId);
        var record = Items.Titled("feed", "Quorvance cleared north of the border", FeedText);
        Assert.Equal(itemId, store.FindItem(record.ContentHash));
        Assert.Null(store.FindItem(Items.Record("x", "Text never stored.").ContentHash));
    }

    [StoreFact]
    public void Search_finds_items_by_words_of_their_text_and_marks_the_matches_in_the_snippet()
    {
        using var store = StoreWithFeedItem(out var itemId);
        var hit = Assert.Single(store.Search("ostrel japan", 10), h => h.Kind == SearchHitKind.Item);
        Assert.Equal(itemId, hit.ItemId);
        var marked = hit.Matches.Select(m => hit.Snippet[m.Start..m.End]).ToArray();
        Assert.Contains("Ostrel", marked);
        Assert.Contains("Japan", marked);
        // Every word must match: a word the item lacks finds nothing.
        Assert.DoesNotContain(store.Search("ostrel brazil", 10), h => h.Kind == SearchHitKind.Item);
    }

    [StoreFact]
    public void Search_matches_word_prefixes_and_titles()
    {
        using var store = StoreWithFeedItem(out var itemId);
        Assert.Contains(store.Search("harbourl", 10), h => h.ItemId == itemId);
        Assert.Contains(store.Search("border", 10), h => h.ItemId == itemId);
    }

    [StoreFact]
    public void Search_treats_operators_and_quotes_as_plain_words()
    {
        using var store = StoreWithFeedItem(out _);
        // FTS5 syntax in the query must neither fail nor act as syntax.
        Assert.DoesNotContain(store.Search("\"unbalanced OR NEAR( * ^", 10), h => h.Kind == SearchHitKind.Item);
        Assert.Empty(store.Search("- ( ) \" *", 10));
        Assert.Empty(store.Search("   ", 10));
        Assert.NotEmpty(store.Search("\"quorvance ^ ( *", 10));
        // "OR" is a word to find, not an operator: no word of the text starts with "or".
        Assert.Empty(store.Search("quorvance OR zzz", 10));
    }

    [StoreFact]
    public void Products_become_searchable_from_stored_events_and_from_the_catalog()
    {
        using var store = StoreWithFeedItem(out _);
        // From an event: the product and the sponsor the event names.
        var fromEvent = store.Search("velcotagene", 10).First();
        Assert.Equal(SearchHitKind.Product, fromEvent.Kind);
        Assert.Equal("velcotagene lorucel", fromEvent.Product);
        Assert.Contains(store.Search("northwind", 10), h => h.Kind == SearchHitKind.Product);

        // From the catalog: found by an alias, listed under its canonical name.
        store.IndexProducts([new SearchProduct("tessolimab vedotin", ["Brantrex", "TSV-19"], "Kallory Pharma")]);
        var byAlias = Assert.Single(store.Search("brantrex", 10));
        Assert.Equal("tessolimab vedotin", byAlias.Product);
        Assert.Contains(byAlias.Matches, m => byAlias.Snippet[m.Start..m.End] == "Brantrex");
        Assert.Single(store.Search("kallory", 10));

        // Indexing again replaces the aliases rather than adding a second row.
        store.IndexProducts([new SearchProduct("tessolimab vedotin", ["Brantrex XR"], "")]);
        Assert.Empty(store.Search("TSV", 10));
        Assert.Single(store.Search("kallory", 10));
    }

    [StoreFact]
    public void An_item_saved_with_deferred_merge_is_found_by_search_after_ReconcilePending()
    {
        using var store = OpenStore();
        var run = store.StartRun("ingest");
        store.SaveBatch(run, [Items.Record("d1", "Note about the Zelvarin plant in Leiden.")], FactMerge.Deferred);
        store.SaveBatch(run, [Items.Titled("d2", "Zelvarin line passes inspection", "Inspectors visited the site.")], FactMerge.Deferred);
        store.ReconcilePending();
        var keys = store.Search("zelvarin", 10).Where(h => h.Kind == SearchHitKind.Item).Select(h => store.Item(h.ItemId!.Value)!.Key).Order().ToArray();
        Assert.Equal(["d1", "d2"], keys);
        // A later save with an immediate merge is indexed at once, and the deferred ones stay indexed once.
        store.SaveBatch(run, [Items.Record("d3", "Another Zelvarin note.")]);
        Assert.Equal(3, store.Search("zelvarin", 10).Count(h => h.Kind == SearchHitKind.Item));
        store.ReconcilePending();
        Assert.Equal(3, store.Search("zelvarin", 10).Count(h => h.Kind == SearchHitKind.Item));
    }

    [StoreFact]
    public void Search_limits_each_kind_of_hit()
    {
        using var store = OpenStore();
        var records = Enumerable.Range(0, 5).Select(i => Items.Record($"n{i}", $"Note {i} about the Leiden plant.")).ToArray();
        store.SaveBatch(store.StartRun("ingest"), records);
        Assert.Equal(5, store.Search("leiden", 10).Count);
        Assert.Equal(3, store.Search("leiden", 3).Count);
    }
    // The order both engines honour (SQLite ranks with bm25, PostgreSQL with ts_rank, so scores differ): an item
    // whose title holds the word comes before items that hold it only in their text, and equal ranks list the
    // newest item first.
    [StoreFact]
    public void Search_ranks_title_matches_first_and_equal_matches_newest_first()
    {
        using var store = OpenStore();
        var run = store.StartRun("ingest");
        store.SaveBatch(run, [Items.Record("t1", "Note one about the Leiden plant.")]);
        store.SaveBatch(run, [Items.Titled("t2", "Leiden plant passes inspection", "Inspectors visited the site and found no issue.")]);
        store.SaveBatch(run, [Items.Record("t3", "Note two about the Leiden plant.")]);
        var ids = store.Search("leiden", 10).Where(h => h.Kind == SearchHitKind.Item).Select(h => store.Item(h.ItemId!.Value)!.Key).ToArray();
        Assert.Equal(["t2", "t3", "t1"], ids);
    }

    [StoreFact]
    public void Search_ignores_case_and_accents_and_splits_words_at_punctuation_only()
    {
        using var store = OpenStore();
        store.SaveBatch(store.StartRun("ingest"),
            [Items.Record("z", "The Zürich site of eque-cel's maker reported results on 2024-03-20 via news.example.org.")]);
        Assert.Single(store.Search("ZURICH", 10));
        Assert.Single(store.Search("zür", 10));
        // A hyphenated name is found written either way, and as a prefix of its last part.
        Assert.Single(store.Search("eque-cel", 10));
        Assert.Single(store.Search("eque ce", 10));
        // Dates and host names are words between punctuation, like any other.
        Assert.Single(store.Search("03", 10));
        Assert.Single(store.Search("org", 10));
        // A phrase keeps its order: "cel eque" is not "eque cel".
        Assert.Empty(store.Search("cel-eque", 10));
    }

    [StoreFact]
    public void A_snippet_cut_from_a_long_text_says_so_with_an_ellipsis_and_marks_stay_on_the_words()
    {
        using var store = OpenStore();
        var words = string.Join(' ', Enumerable.Range(0, 80).Select(i => $"filler{i}"));
        var text = $"{words} The Quorvance filing was accepted in Japan. {words}";
        store.SaveBatch(store.StartRun("ingest"), [Items.Record("long", text)]);
        var hit = Assert.Single(store.Search("quorvance", 10));
        Assert.StartsWith("…", hit.Snippet, StringComparison.Ordinal);
        Assert.EndsWith("…", hit.Snippet, StringComparison.Ordinal);
        Assert.True(hit.Snippet.Length < text.Length / 2);
        Assert.Equal(["Quorvance"], hit.Matches.Select(m => hit.Snippet[m.Start..m.End]));
    }
}
