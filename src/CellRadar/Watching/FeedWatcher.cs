using System.Globalization;
using CellRadar.Core.Errors;
using CellRadar.Core.Fetching;
using CellRadar.Core.Model;
using CellRadar.Core.Pipeline;
using CellRadar.Core.Reading;
using CellRadar.Core.Reading.Feeds;
using CellRadar.Storage;

namespace CellRadar.Watching;

/// <summary>
/// One poll of a list of feeds. Each feed is fetched with the validators of the last version handled in full
/// (a 304 ends it there); each entry not seen before has its page fetched and read (the feed's own content or
/// summary stands in when the page gives no article), is run through the pipeline and stored in a transaction
/// of its own that also marks the entry seen. So a poll killed at any point has stored whole items only, and
/// the next one fetches exactly the entries not yet stored. An entry whose page failed for a passing reason
/// (server error, timeout) stays unseen and is tried at the next poll; the feed's validators are then not
/// updated, so that poll does not get a 304 for it.
/// </summary>
internal sealed class FeedWatcher(IEventStore store, SafeFetcher fetcher, Func<ItemPipeline> pipelines, TextWriter output)
{
    public async Task<PollReport> PollAsync(IReadOnlyList<Uri> feeds, CancellationToken cancel)
    {
        var report = new PollReport { Feeds = feeds.Count };
        var run = store.StartRun("watch");
        var pipeline = pipelines();
        try
        {
            foreach (var feed in feeds)
            {
                cancel.ThrowIfCancellationRequested();
                await PollFeedAsync(feed, pipeline, run, report, cancel).ConfigureAwait(false);
            }
        }
        finally
        {
            // Also when stopped part-way: the run row then says what this poll managed.
            store.FinishRun(run, new RunCounts(report.Inserted + report.Duplicates, report.Inserted, report.Duplicates, report.Failed, report.Events));
        }
        return report;
    }

    private async Task PollFeedAsync(Uri feed, ItemPipeline pipeline, long run, PollReport report, CancellationToken cancel)
    {
        var url = feed.AbsoluteUri;
        var state = store.Feed(url);
        var fetched = await fetcher.FetchAsync(feed, state?.Validators, cancel).ConfigureAwait(false);
        if (fetched.Status == FetchStatus.NotModified)
        {
            report.NotModified++;
            store.RecordPoll(url, null, "not modified");
            return;
        }
        if (fetched.Status == FetchStatus.Failed)
        {
            Fail(run, report, fetched.Error!, fetched.Transient ? " (tried again next poll)" : "");
            store.RecordPoll(url, null, "failed: " + fetched.Error!.Id);
            return;
        }

        var complete = true;
        foreach (var result in FeedReader.Read(url, fetched.Body, fetched.FinalUrl ?? feed))
        {
            if (result.Error is { } error)
            {
                Fail(run, report, error, "");
                // A feed that breaks off may have lost entries: the next poll reads it whole again.
                if (error.Code != ErrorCode.MissingText) complete = false;
                continue;
            }
            var entry = result.Entry!;
            if (store.IsEntrySeen(url, entry.Key))
            {
                report.AlreadySeen++;
                continue;
            }
            complete &= await HandleEntryAsync(url, entry, pipeline, run, report, cancel).ConfigureAwait(false);
        }
        store.RecordPoll(url, complete ? fetched.Validators : null, complete ? "ok" : "incomplete");
    }

    /// <summary>Reads, processes and stores one new entry. False when it stays pending for the next poll.</summary>
    private async Task<bool> HandleEntryAsync(string feedUrl, FeedEntry entry, ItemPipeline pipeline, long run, PollReport report, CancellationToken cancel)
    {
        var subject = FeedItemReader.EntrySubject(feedUrl, entry);
        var reference = new FeedEntryRef(feedUrl, entry.Key, entry.Link);
        NewsItem? item = null;
        CellRadarError? pageError = null;
        if (entry.Link is { } link)
        {
            var page = await fetcher.FetchAsync(new Uri(link), null, cancel).ConfigureAwait(false);
            report.PagesFetched++;
            if (page.Status == FetchStatus.Failed && page.Transient)
            {
                Fail(run, report, page.Error!, " (tried again next poll)");
                return false;
            }
            var read = page.Status == FetchStatus.Ok ? FetchedContent.ReadPage(page, entry.Key) : ReadResult.Fail(page.Error!);
            if (read.Item is { } pageItem)
            {
                // The feed states title and date on purpose; the page fills only what the feed leaves out.
                item = pageItem with
                {
                    Id = entry.Key,
                    Origin = link,
                    Title = entry.Title ?? pageItem.Title,
                    Url = link,
                    Published = entry.Published ?? pageItem.Published,
                    Source = pageItem.Source ?? entry.Source,
                };
            }
            else
            {
                pageError = read.Error;
            }
        }

        if (item is null && !TextDecoder.IsBlank(entry.Text))
        {
            item = FeedItemReader.ToItem(entry, entry.Link ?? feedUrl, entry.Text);
            if (pageError is not null) output.WriteLine($"  {pageError} (the feed's own text was used)");
        }
        if (item is null)
        {
            var error = pageError ?? new CellRadarError(ErrorCode.MissingText, subject, "the entry has no link, content or summary");
            Fail(run, report, error, "");
            // Nothing will ever come of it: remembered, so it is reported once rather than at every poll.
            store.MarkEntryFailed(reference, error);
            return true;
        }

        var record = ItemRecord.From(pipeline.Process(item)) with { Entry = reference };
        var outcome = store.SaveBatch(run, [record])[0];
        if (outcome == SaveOutcome.Duplicate)
        {
            report.Duplicates++;
            output.WriteLine($"= already stored: {item.Url ?? subject}");
        }
        else
        {
            report.Inserted++;
            report.Events += record.Events.Count;
            output.WriteLine($"+ {Plural(record.Events.Count, "event")} from {item.Url ?? subject}");
        }
        return true;
    }

    private void Fail(long run, PollReport report, CellRadarError error, string note)
    {
        report.Failed++;
        store.RecordFailures(run, [error]);
        output.WriteLine($"! {error}{note}");
    }

    internal static string Plural(int n, string noun) =>
        n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 ? noun : noun + "s");
}
