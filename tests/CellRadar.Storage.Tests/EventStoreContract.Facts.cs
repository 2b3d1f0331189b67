using CellRadar.Core.Model;
using CellRadar.Core.Reconciliation;

namespace CellRadar.Storage.Tests;

/// <summary>The fact side of the contract: every engine merges events into facts, statuses and a change log the same way.</summary>
public abstract partial class EventStoreContract
{
    private const string FilingText =
        "The national regulator in Beijing approved Zelventa for adults with lymphoma that came back after two lines of " +
        "treatment, the sponsor said on Friday, adding that hospitals in three provinces will start treating patients soon.";

    private const string OtherText =
        "Zelventa won approval from the mainland regulator at the end of June, according to a note from a Shanghai broker " +
        "that tracks engineered cell therapies and expects sales to begin in the autumn across several large hospitals.";

    private static ItemRecord At(ItemRecord record, string url, string? published = null) => record with
    {
        Item = record.Item with { Url = url },
        Published = published is null ? null : PartialDate.Parse(published),
    };

    /// <summary>A CN approval of Zelventa whose evidence is the text up to its first comma.</summary>
    private static RegulatoryEvent Approval(string text, string? date) =>
        Items.Event(text, text[..text.IndexOf(',', StringComparison.Ordinal)], "zelventa", EventKind.Approval, "CN", date);

    [StoreFact]
    public void Events_of_items_saved_in_separate_batches_merge_into_one_fact_with_the_most_precise_agreed_date()
    {
        using var store = OpenStore();
        var run = store.StartRun("ingest");
        store.SaveBatch(run, [At(Items.Record("a", FilingText, Approval(FilingText, "2023-06")), "https://wire.example/a")]);
        store.SaveBatch(run, [At(Items.Record("b", OtherText, Approval(OtherText, "2023-06-30")), "https://broker.example/b")]);

        var fact = Assert.Single(store.QueryFacts(new FactQuery { Products = ["Zelventa"] }));
        Assert.Equal(PartialDate.Parse("2023-06-30"), fact.DecisionDate);
        Assert.Equal(["a", "b"], fact.Supports.Select(s => s.ItemKey).Order());
        Assert.Equal(2, fact.IndependentSources);
        Assert.Empty(fact.Conflicts);
        var status = Assert.Single(store.MarketStatuses(["zelventa"]));
        Assert.Equal(MarketStage.Approved, status.Stage);
        Assert.Equal(PartialDate.Parse("2023-06-30"), status.Date);
    }

    [StoreFact]
    public void A_deferred_save_leaves_facts_pending_until_they_are_merged_and_then_equals_an_immediate_merge()
    {
        using var store = OpenStore();
        var run = store.StartRun("ingest");
        store.SaveBatch(run, [At(Items.Record("a", FilingText, Approval(FilingText, "2023-06")), "https://wire.example/a")], FactMerge.Deferred);
        store.SaveBatch(run, [At(Items.Record("b", OtherText, Approval(OtherText, "2023-06-30")), "https://broker.example/b")], FactMerge.Deferred);
        Assert.Empty(store.QueryFacts(new FactQuery()));
        Assert.Empty(store.MarketStatuses());

        Assert.Equal(1, store.ReconcilePending());
        var fact = Assert.Single(store.QueryFacts(new FactQuery { Products = ["Zelventa"] }));
        Assert.Equal(PartialDate.Parse("2023-06-30"), fact.DecisionDate);
        Assert.Equal(2, fact.Supports.Count);
        Assert.Equal(MarketStage.Approved, Assert.Single(store.MarketStatuses(["zelventa"])).Stage);
        // Nothing is left pending: a second merge writes nothing.
        Assert.Equal(0, store.ReconcilePending());
    }

    [StoreFact]
    public void A_reprint_of_an_item_on_another_site_counts_as_one_source()
    {
        using var store = OpenStore();
        var run = store.StartRun("ingest");
        var reprintText = "Syndicated from a partner newsroom\n\n" + FilingText;
        store.SaveBatch(run, [At(Items.Record("a", FilingText, Approval(FilingText, null)), "https://wire.example/a")]);
        store.SaveBatch(run, [At(Items.Record("b", reprintText, Approval(reprintText, null)), "https://portal.example/b")]);
        Assert.Equal(1, Assert.Single(store.QueryFacts(new FactQuery())).IndependentSources);

        store.SaveBatch(run, [At(Items.Record("c", OtherText, Approval(OtherText, null)), "https://broker.example/c")]);
        var fact = Assert.Single(store.QueryFacts(new FactQuery()));
        Assert.Equal(2, fact.IndependentSources);
        Assert.Equal(3, fact.Supports.Count);
        Assert.Single(fact.Supports.Select(s => s.Cluster).Where(c => fact.Supports.Count(s => s.Cluster == c) == 2).Distinct());
    }

    [StoreFact]
    public void New_facts_status_changes_and_new_conflicts_are_logged_with_the_store_clock()
    {
        using var store = OpenStore();
        var run = store.StartRun("ingest");
        var first = Clock.GetUtcNow();
        var acceptance = Items.Event(FilingText, "The national regulator in Beijing approved Zelventa for adults with lymphoma that came back after two lines of treatment",
            "zelventa", EventKind.Acceptance, "CN", "2023-01") with { Subtype = "NDA" };
        store.SaveBatch(run, [At(Items.Record("a", FilingText, acceptance), "https://wire.example/a")]);

        Clock.Now = first.AddDays(2);
        var bla = Items.Event(OtherText, "Zelventa won approval from the mainland regulator at the end of June", "zelventa", EventKind.Acceptance, "CN", "2023-01")
            with { Subtype = "BLA" };
        var approval = Approval(OtherText, "2023-06-30");
        store.SaveBatch(run, [At(Items.Record("b", OtherText, bla, approval), "https://broker.example/b")]);

        var early = store.Changes(first).Where(c => c.At == first).ToList();
        Assert.Contains(early, c => c.Change == FactChange.NewFact && c.Detail.Contains("acceptance", StringComparison.Ordinal));
        Assert.Contains(early, c => c.Change == FactChange.StatusChange && c.Detail == "under review (2023-01)");
        var later = store.Changes(first.AddDays(1)).ToList();
        Assert.All(later, c => Assert.Equal(first.AddDays(2), c.At));
        Assert.Contains(later, c => c.Change == FactChange.NewConflict && c.Detail == "subtype: BLA vs NDA");
        Assert.Contains(later, c => c.Change == FactChange.StatusChange && c.Detail == "under review -> approved (2023-06-30)");
        Assert.DoesNotContain(later, c => c.Change == FactChange.NewFact && c.FactKey.Contains("acceptance", StringComparison.Ordinal));
    }

    [StoreFact]
    public void A_full_reconcile_gives_the_facts_incremental_saving_gave_and_logs_nothing_new()
    {
        using var store = OpenStore();
        var run = store.StartRun("ingest");
        store.SaveBatch(run, [At(Items.Record("a", FilingText, Approval(FilingText, "2023-06")), "https://wire.example/a", "2023-07-02")]);
        store.SaveBatch(run, [At(Items.Record("b", OtherText, Approval(OtherText, "2023-06-30")), "https://broker.example/b")]);
        var before = store.QueryFacts(new FactQuery()).ToList();
        var logged = store.Changes(DateTimeOffset.MinValue).Count();

        var summary = store.Reconcile();
        Assert.Equal(0, summary.Facts);
        Assert.Equal(0, summary.Changes);
        Assert.Equal(logged, store.Changes(DateTimeOffset.MinValue).Count());
        var after = store.QueryFacts(new FactQuery()).ToList();
        Assert.Equal(before.Select(f => (f.Key, f.DecisionDate, f.FirstReported, f.IndependentSources, f.Supports.Count)),
            after.Select(f => (f.Key, f.DecisionDate, f.FirstReported, f.IndependentSources, f.Supports.Count)));
        Assert.Equal(PartialDate.Parse("2023-07-02"), after[0].FirstReported);
    }

    [StoreFact]
    public void Facts_are_filtered_by_product_jurisdiction_and_kind()
    {
        using var store = OpenStore();
        var run = store.StartRun("ingest");
        var us = Items.Event(OtherText, "Zelventa won approval from the mainland regulator at the end of June", "zelventa", EventKind.Designation, "US")
            with { Subtype = "RMAT" };
        store.SaveBatch(run, [At(Items.Record("a", OtherText, Approval(OtherText, null), us), "https://broker.example/a")]);
        Assert.Equal(2, store.QueryFacts(new FactQuery { Products = ["ZELVENTA"] }).Count());
        Assert.Equal(EventKind.Designation, Assert.Single(store.QueryFacts(new FactQuery { Jurisdiction = Jurisdiction.Parse("US") })).Key.Kind);
        Assert.Equal("CN", Assert.Single(store.QueryFacts(new FactQuery { Kind = EventKind.Approval })).Key.Jurisdiction.Code);
        Assert.Empty(store.QueryFacts(new FactQuery { Products = ["other"] }));
        Assert.Equal(["CN", "US"], store.MarketStatuses().Select(s => s.Jurisdiction.Code));
    }
}
