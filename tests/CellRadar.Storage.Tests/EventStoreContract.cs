using CellRadar.Core.Errors;
using CellRadar.Core.Fetching;
using CellRadar.Core.Model;

namespace CellRadar.Storage.Tests;

/// <summary>
/// What every <see cref="IEventStore"/> must do. A backend's test class supplies how to open its store;
/// the same tests then run against SQLite today and PostgreSQL later.
/// </summary>
public abstract partial class EventStoreContract : IDisposable
{
    protected FixedTimeProvider Clock { get; } = new(new DateTimeOffset(2025, 3, 14, 9, 30, 0, TimeSpan.Zero));

    /// <summary>Opens (or reopens) the store under test; the same database each time within one test.</summary>
    protected abstract IEventStore OpenStore();

    /// <summary>Marks the database as migrated to a version this program does not know.</summary>
    protected abstract void ForceSchemaVersion(int version);

    public abstract void Dispose();

    private const string ApprovalText =
        "Regulators in Washington cleared Zelventa for adults with stubborn lymphoma. The sponsor said shipments start soon.";

    [StoreFact]
    public void Opening_an_empty_database_applies_every_migration()
    {
        using var store = OpenStore();
        Assert.Equal(Migrations.Latest, store.SchemaVersion);
        Assert.Equal(new StoreCounts(0, 0, 0, 0), store.Counts());
    }

    [StoreFact]
    public void Reopening_keeps_what_was_stored()
    {
        using (var store = OpenStore())
        {
            var run = store.StartRun("ingest");
            store.SaveBatch(run, [Items.Record("a", ApprovalText, Items.Event(ApprovalText, "Regulators in Washington cleared Zelventa for adults with stubborn lymphoma.", "zelventa", EventKind.Approval, "US"))]);
        }
        using var reopened = OpenStore();
        Assert.Equal(Migrations.Latest, reopened.SchemaVersion);
        Assert.Equal(1, reopened.Counts().Items);
        Assert.Equal("zelventa", Assert.Single(reopened.QueryEvents(new EventQuery())).Event.Product);
    }

    [StoreFact]
    public void The_same_content_saved_twice_is_stored_once()
    {
        using var store = OpenStore();
        var run = store.StartRun("ingest");
        var first = Items.Record("a", ApprovalText, Items.Event(ApprovalText, "The sponsor said shipments start soon.", "zelventa", EventKind.Access, "US"));
        Assert.Equal([SaveOutcome.Inserted], store.SaveBatch(run, [first]));

        // Same words re-saved with other line breaks and a different file name: the same article.
        var rewrapped = Items.Record("a-copy", ApprovalText.Replace(". ", ".\r\n\r\n", StringComparison.Ordinal));
        var fresh = Items.Record("b", "An unrelated note about a manufacturing site in Leiden.");
        // The title is part of the content: the same body under another headline is another item.
        var retitled = Items.Titled("c", "Another headline", ApprovalText);
        Assert.Equal([SaveOutcome.Duplicate, SaveOutcome.Inserted, SaveOutcome.Duplicate, SaveOutcome.Inserted],
            store.SaveBatch(run, [rewrapped, fresh, fresh, retitled]));
        Assert.Equal(3, store.Counts().Items);
        Assert.Equal(1, store.Counts().Events);
    }

    [StoreFact]
    public void A_failing_batch_leaves_nothing_half_written()
    {
        using var store = OpenStore();
        var run = store.StartRun("ingest");
        var good = Items.Record("good", ApprovalText, Items.Event(ApprovalText, "The sponsor said shipments start soon.", "zelventa", EventKind.Access, "US"));
        var broken = Items.Event("Two words", "Two words", "zelventa", EventKind.Approval, "US") with { Evidence = new TextSpan(9, 2) };
        var bad = Items.Record("bad", "Two words", broken);

        var ex = Assert.Throws<CellRadarException>(() => store.SaveBatch(run, [good, bad]));
        Assert.Equal(ErrorCode.StoreWriteFailed, ex.Error.Code);
        Assert.Equal(new StoreCounts(0, 0, 0, 1), store.Counts());

        // The store is still usable and the good item goes in on its own.
        Assert.Equal([SaveOutcome.Inserted], store.SaveBatch(run, [good]));
        Assert.Equal(1, store.Counts().Events);
    }

    [StoreFact]
    public void Filters_select_by_product_jurisdiction_kind_and_since()
    {
        using var store = OpenStore();
        const string text = "Alpha got US approval. Alpha got EU approval. Beta got a US designation. Beta got a US nod last year. Gamma filed in Japan.";
        store.SaveBatch(store.StartRun("ingest"),
        [
            Items.Record("f", text,
                Items.Event(text, "Alpha got US approval.", "alphacel", EventKind.Approval, "US", "2024-02-10"),
                Items.Event(text, "Alpha got EU approval.", "alphacel", EventKind.Approval, "EU", "2023-05"),
                Items.Event(text, "Beta got a US designation.", "BT-77", EventKind.Designation, "US", "2023"),
                Items.Event(text, "Beta got a US nod last year.", "BT-77", EventKind.Approval, "US", "2022-12-31"),
                Items.Event(text, "Gamma filed in Japan.", "gammacel", EventKind.Submission, "JP")),
        ]);

        string[] Products(EventQuery q) => [.. store.QueryEvents(q).Select(e => e.Event.Product + "/" + e.Event.Kind.ToWire() + "/" + e.Event.Jurisdiction)];

        Assert.Equal(["BT-77/approval/US", "BT-77/designation/US"], Products(new EventQuery { Products = ["bt-77"] }).Order(StringComparer.Ordinal));
        Assert.Equal(["alphacel/approval/EU"], Products(new EventQuery { Jurisdiction = Jurisdiction.EU }));
        Assert.Equal(["gammacel/submission/JP"], Products(new EventQuery { Kind = EventKind.Submission }));
        // Results come in date order.
        Assert.Equal(["BT-77/approval/US", "alphacel/approval/US"],
            Products(new EventQuery { Kind = EventKind.Approval, Jurisdiction = Jurisdiction.Parse("US") }));
        // "2023" may fall in or after June 2023; "2023-05" and 2022-12-31 cannot; the undated filing never passes a since filter.
        Assert.Equal(["BT-77/designation/US", "alphacel/approval/US"], Products(new EventQuery { Since = PartialDate.Parse("2023-06") }));
        Assert.Equal(["BT-77/designation/US", "alphacel/approval/EU", "alphacel/approval/US"], Products(new EventQuery { Since = PartialDate.Parse("2023-05-31") }));
        Assert.Equal(2, store.QueryEvents(new EventQuery { Limit = 2 }).Count());
    }

    [StoreFact]
    public void Partial_dates_come_back_with_their_precision()
    {
        using var store = OpenStore();
        const string text = "One in a year. One in a month. One on a day. One with no date.";
        store.SaveBatch(store.StartRun("ingest"),
        [
            Items.Record("d", text,
                Items.Event(text, "One in a year.", "p-year", EventKind.Approval, "US", "2021"),
                Items.Event(text, "One in a month.", "p-month", EventKind.Approval, "US", "2021-02"),
                Items.Event(text, "One on a day.", "p-day", EventKind.Approval, "US", "2021-02-28"),
                Items.Event(text, "One with no date.", "p-none", EventKind.Approval, "US")),
        ]);
        var dates = store.QueryEvents(new EventQuery()).ToDictionary(e => e.Event.Product, e => e.Event.Date);
        Assert.Equal(PartialDate.OfYear(2021), dates["p-year"]);
        Assert.Equal(DatePrecision.Year, dates["p-year"]!.Value.Precision);
        Assert.Equal("2021-02", dates["p-month"].ToString());
        Assert.Equal(DatePrecision.Month, dates["p-month"]!.Value.Precision);
        Assert.Equal("2021-02-28", dates["p-day"].ToString());
        Assert.Null(dates["p-none"]);
    }

    [StoreFact]
    public void Evidence_offsets_point_into_the_stored_text()
    {
        using var store = OpenStore();
        // Non-ASCII characters before the evidence: offsets are UTF-16 positions and must survive as such.
        const string text = "Généthique — a report. Über Health said Zelventa won a Swiss approval. Nothing more.";
        const string sentence = "Über Health said Zelventa won a Swiss approval.";
        var ev = Items.Event(text, sentence, "zelventa", EventKind.Approval, "CH");
        store.SaveBatch(store.StartRun("ingest"), [Items.Record("e", text, ev)]);

        var stored = Assert.Single(store.QueryEvents(new EventQuery()));
        Assert.Equal(ev.Evidence, stored.Event.Evidence);
        var itemText = store.ItemText(stored.ItemId);
        Assert.NotNull(itemText);
        Assert.Equal(sentence, itemText[stored.Event.Evidence.Start..stored.Event.Evidence.End]);
        Assert.Equal(sentence, stored.Event.EvidenceText);
        Assert.Equal("e", stored.ItemKey);
        Assert.Equal("https://example.org/e", stored.ItemUrl);
        Assert.Null(store.ItemText(stored.ItemId + 1000));
    }

    [StoreFact]
    public void Failures_are_recorded_with_their_run()
    {
        using var store = OpenStore();
        var first = store.StartRun("ingest");
        var second = store.StartRun("ingest");
        var big = new CellRadarError(ErrorCode.TooLarge, "in/huge.txt", "52428800 bytes");
        var binary = new CellRadarError(ErrorCode.BinaryContent, "in/photo.txt", "");
        store.RecordFailures(first, [big, binary]);
        store.RecordFailures(second, [binary]);

        Assert.Equal([big, binary], store.Failures(first));
        Assert.Equal([binary], store.Failures(second));
        Assert.Equal(3, store.Counts().Failures);
    }

    [StoreFact]
    public void Runs_keep_their_counts_and_times_from_the_clock()
    {
        using var store = OpenStore();
        var started = Clock.Now;
        var run = store.StartRun("ingest");
        Clock.Now = started.AddMinutes(2);
        store.FinishRun(run, new RunCounts(5, 3, 1, 1, 7));

        var stored = Assert.Single(store.Runs());
        Assert.Equal(run, stored.Id);
        Assert.Equal(started, stored.StartedAt);
        Assert.Equal(started.AddMinutes(2), stored.FinishedAt);
        Assert.Equal(new RunCounts(5, 3, 1, 1, 7), stored.Counts);
    }

    [StoreFact]
    public void Events_can_be_limited_to_the_items_one_run_stored()
    {
        using var store = OpenStore();
        const string text = "Alpha got US approval.";
        var firstRun = store.StartRun("ingest");
        store.SaveBatch(firstRun, [Items.Record("one", text, Items.Event(text, text, "alphacel", EventKind.Approval, "US"))]);
        var secondRun = store.StartRun("ingest");
        const string other = "Beta got US approval.";
        store.SaveBatch(secondRun, [Items.Record("one-again", text), Items.Record("two", other, Items.Event(other, other, "betacel", EventKind.Approval, "US"))]);

        Assert.Equal(["betacel"], store.QueryEvents(new EventQuery { RunId = secondRun }).Select(e => e.Event.Product));
    }

    [StoreFact]
    public void A_database_from_a_newer_program_is_refused_with_E202()
    {
        using (OpenStore()) { }
        ForceSchemaVersion(Migrations.Latest + 1);
        var ex = Assert.Throws<CellRadarException>(() => OpenStore());
        Assert.Equal(ErrorCode.StoreSchemaTooNew, ex.Error.Code);
        Assert.StartsWith("E202 ", ex.Message, StringComparison.Ordinal);
    }

    private const string FeedUrl = "https://bulletin.example.com/feed.rss";

    [StoreFact]
    public void Saving_an_item_from_a_feed_entry_marks_the_entry_seen_and_reopening_keeps_it()
    {
        using (var store = OpenStore())
        {
            var run = store.StartRun("watch");
            Assert.False(store.IsEntrySeen(FeedUrl, "entry-1"));
            var record = Items.Record("entry-1", ApprovalText) with { Entry = new FeedEntryRef(FeedUrl, "entry-1", "https://bulletin.example.com/1") };
            Assert.Equal([SaveOutcome.Inserted], store.SaveBatch(run, [record]));
            Assert.True(store.IsEntrySeen(FeedUrl, "entry-1"));
            Assert.False(store.IsEntrySeen("https://other.example.com/feed", "entry-1"));
        }
        using var reopened = OpenStore();
        Assert.True(reopened.IsEntrySeen(FeedUrl, "entry-1"));
    }

    [StoreFact]
    public void An_entry_whose_item_is_already_stored_is_marked_seen_as_a_duplicate()
    {
        using var store = OpenStore();
        var run = store.StartRun("watch");
        store.SaveBatch(run, [Items.Record("from-a-file", ApprovalText)]);
        var again = Items.Record("entry-9", ApprovalText) with { Entry = new FeedEntryRef(FeedUrl, "entry-9", null) };
        Assert.Equal([SaveOutcome.Duplicate], store.SaveBatch(run, [again]));
        Assert.True(store.IsEntrySeen(FeedUrl, "entry-9"));
        Assert.Equal(1, store.Counts().Items);
    }

    [StoreFact]
    public void A_failing_batch_marks_no_entry_seen()
    {
        using var store = OpenStore();
        var run = store.StartRun("watch");
        var good = Items.Record("good", ApprovalText) with { Entry = new FeedEntryRef(FeedUrl, "good", null) };
        var broken = Items.Event("Two words", "Two words", "zelventa", EventKind.Approval, "US") with { Evidence = new TextSpan(9, 2) };
        var bad = Items.Record("bad", "Two words", broken) with { Entry = new FeedEntryRef(FeedUrl, "bad", null) };
        Assert.Throws<CellRadarException>(() => store.SaveBatch(run, [good, bad]));
        Assert.False(store.IsEntrySeen(FeedUrl, "good"));
        Assert.False(store.IsEntrySeen(FeedUrl, "bad"));
    }

    [StoreFact]
    public void A_poll_without_validators_keeps_the_stored_ones()
    {
        using var store = OpenStore();
        Assert.Null(store.Feed(FeedUrl));
        store.RecordPoll(FeedUrl, new HttpValidators("\"v7\"", "Wed, 11 Jun 2025 07:30:00 GMT"), "ok");
        store.RecordPoll(FeedUrl, null, "incomplete");
        var state = store.Feed(FeedUrl)!;
        Assert.Equal(new HttpValidators("\"v7\"", "Wed, 11 Jun 2025 07:30:00 GMT"), state.Validators);
        Assert.Equal("incomplete", state.LastStatus);
        Assert.Equal(Clock.GetUtcNow(), state.LastPolled);
        store.RecordPoll(FeedUrl, new HttpValidators(null, null), "ok");
        Assert.True(store.Feed(FeedUrl)!.Validators.IsEmpty);
    }

    [StoreFact]
    public void An_entry_that_can_never_be_an_item_is_remembered_with_its_error()
    {
        using var store = OpenStore();
        store.MarkEntryFailed(new FeedEntryRef(FeedUrl, "empty", null), new CellRadarError(ErrorCode.MissingText, FeedUrl, "no text"));
        Assert.True(store.IsEntrySeen(FeedUrl, "empty"));
        Assert.Equal(0, store.Counts().Items);
    }
}
