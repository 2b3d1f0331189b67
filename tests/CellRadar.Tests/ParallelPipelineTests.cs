using CellRadar.Core.Model;
using CellRadar.Core.Pipeline;
using CellRadar.Processing;

namespace CellRadar.Tests;

public sealed class ParallelPipelineTests
{
    /// <summary>Takes a time that depends on the item, so items finish out of order on several threads.</summary>
    private sealed class UnevenWork : IPipelineComponent
    {
        public string Name => "uneven";
        public IReadOnlyList<string> Needs { get; } = [];
        public IReadOnlyList<string> Adds { get; } = [Layer.CleanText];

        public void Process(Document document)
        {
            var n = int.Parse(document.Id, System.Globalization.CultureInfo.InvariantCulture);
            if (n == 13) throw new InvalidOperationException("item 13 is broken");
            Thread.Sleep(n % 7 == 0 ? 15 : n % 3);
            document.Text = "done " + document.Id;
        }
    }

    private static ItemPipeline Uneven() => new([new UnevenWork()]);

    private static IEnumerable<NewsItem> Items(int count, Action? onRead = null)
    {
        for (var i = 0; i < count; i++)
        {
            if (i == 13) continue;
            onRead?.Invoke();
            yield return new NewsItem { Id = i.ToString(System.Globalization.CultureInfo.InvariantCulture), Origin = "test", Body = "x" };
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(8)]
    public void Results_come_back_in_input_order_whatever_the_number_of_threads(int threads)
    {
        var pipelines = new ParallelPipeline(Uneven, threads);
        var texts = pipelines.Process(Items(60), static (item, p) => p.Process(item).Text).ToList();
        Assert.Equal(Items(60).Select(i => "done " + i.Id), texts);
    }

    [Fact]
    public void A_failing_item_fails_the_consumer_at_that_item_after_the_ones_before_it()
    {
        var pipelines = new ParallelPipeline(Uneven, 3);
        var items = Enumerable.Range(0, 30).Select(i => new NewsItem { Id = i.ToString(System.Globalization.CultureInfo.InvariantCulture), Origin = "t", Body = "x" });
        var seen = new List<string>();
        var error = Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (var text in pipelines.Process(items, static (item, p) => p.Process(item).Text)) seen.Add(text);
        });
        Assert.Equal("item 13 is broken", error.Message);
        Assert.Equal(Enumerable.Range(0, 13).Select(i => $"done {i}"), seen);
    }

    [Fact]
    public void Stopping_early_stops_reading_the_source_within_a_small_window()
    {
        var read = 0;
        var pipelines = new ParallelPipeline(Uneven, 2);
        var first = pipelines.Process(Items(100_000, () => Interlocked.Increment(ref read)), static (item, p) => p.Process(item).Text).Take(5).ToList();
        Assert.Equal(5, first.Count);
        // Read-ahead is bounded (a few items per thread), so memory is too.
        Assert.True(Volatile.Read(ref read) < 100, $"read {read} items to yield 5");
    }

    [Fact]
    public void A_consumer_asking_for_a_batch_of_read_ahead_gets_a_window_bounded_by_it()
    {
        var read = 0;
        var pipelines = new ParallelPipeline(Uneven, 2, readAhead: 256);
        using var results = pipelines.Process(Items(100_000, () => Interlocked.Increment(ref read)), static (item, p) => p.Process(item).Text).GetEnumerator();
        Assert.True(results.MoveNext());
        // Let the workers run ahead as far as they may while the consumer stands still (as while ingest commits).
        Thread.Sleep(500);
        var ahead = Volatile.Read(ref read);
        // The item taken, a full window of 256 and the one the reader waits to add: never the whole source.
        Assert.True(ahead <= 1 + 256 + 1, $"read {ahead} items while the consumer held 1");
        Assert.True(ahead > 2 * 8 + 1, $"read only {ahead} items: the read-ahead was not raised above a few per thread");
    }

    [Fact]
    public void Pipelines_are_built_once_per_worker_and_reused_across_runs()
    {
        var built = 0;
        var pipelines = new ParallelPipeline(() => { Interlocked.Increment(ref built); return Uneven(); }, 2);
        for (var run = 0; run < 5; run++) Assert.Equal(10, pipelines.Process(Items(10), static (item, p) => p.Process(item).Text).Count());
        Assert.True(built <= 2, $"built {built} pipelines for 2 workers");
    }
}
