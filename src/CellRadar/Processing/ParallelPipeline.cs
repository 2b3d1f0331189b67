using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using CellRadar.Core.Pipeline;

namespace CellRadar.Processing;

/// <summary>
/// Runs item pipelines on several threads and hands the results back in input order, so output, stored
/// order and reports are the same as a one-thread run. Memory stays bounded: at most a small window of
/// items (a few per thread, or the read-ahead the consumer asks for) is read ahead of the consumer. Each worker thread uses its own pipeline
/// (components need not be thread-safe); pipelines are built once and reused across calls.
/// </summary>
internal sealed class ParallelPipeline
{
    /// <summary>Items in flight per worker thread: enough to keep every core busy while the consumer writes.</summary>
    private const int WindowPerThread = 8;

    private readonly Func<ItemPipeline> _factory;
    private readonly ConcurrentBag<ItemPipeline> _idle = [];

    private readonly int _window;

    /// <param name="readAhead">
    /// Items the workers may finish ahead of the consumer, at least a few per thread. A consumer that stops for a
    /// while (ingest writing and committing a batch) passes its batch size, so the workers prepare the next batch
    /// meanwhile instead of standing still after a few items.
    /// </param>
    public ParallelPipeline(Func<ItemPipeline> factory, int threads, int readAhead = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        _factory = factory;
        Threads = threads;
        _window = Math.Max(threads * WindowPerThread, readAhead);
    }

    public int Threads { get; }

    /// <summary>
    /// Applies <paramref name="work"/> (given the worker's own pipeline) to each input on the worker threads and
    /// yields the results in input order. The source is read on a thread of its own. An exception from the
    /// source or from <paramref name="work"/> is rethrown to the consumer at the position where it happened.
    /// </summary>
    public IEnumerable<TOut> Process<TIn, TOut>(IEnumerable<TIn> source, Func<TIn, ItemPipeline, TOut> work) =>
        Threads == 1 ? Sequential(source, work) : Parallel(source, work);

    private IEnumerable<TOut> Sequential<TIn, TOut>(IEnumerable<TIn> source, Func<TIn, ItemPipeline, TOut> work)
    {
        var pipeline = Rent();
        try
        {
            foreach (var input in source) yield return work(input, pipeline);
        }
        finally
        {
            _idle.Add(pipeline);
        }
    }

    private IEnumerable<TOut> Parallel<TIn, TOut>(IEnumerable<TIn> source, Func<TIn, ItemPipeline, TOut> work)
    {
        var window = _window;
        using var pending = new BlockingCollection<Slot<TIn, TOut>>(window);
        using var inOrder = new BlockingCollection<Slot<TIn, TOut>>(window);
        using var stop = new CancellationTokenSource();
        ExceptionDispatchInfo? sourceError = null;

        var producer = Start("cellradar-reader", () =>
        {
            try
            {
                foreach (var input in source)
                {
                    var slot = new Slot<TIn, TOut>(input);
                    // Into the ordered queue first: its bound is what keeps read-ahead (and memory) small.
                    inOrder.Add(slot, stop.Token);
                    pending.Add(slot, stop.Token);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The consumer stopped early; nothing more is wanted.
            }
            catch (Exception ex)
            {
                sourceError = ExceptionDispatchInfo.Capture(ex);
            }
            finally
            {
                pending.CompleteAdding();
                inOrder.CompleteAdding();
            }
        });

        var workers = new Thread[Threads];
        for (var i = 0; i < workers.Length; i++)
        {
            workers[i] = Start($"cellradar-worker-{i}", () =>
            {
                var pipeline = Rent();
                try
                {
                    foreach (var slot in pending.GetConsumingEnumerable(stop.Token)) slot.Run(work, pipeline);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    // Stopped with the consumer.
                }
                finally
                {
                    _idle.Add(pipeline);
                }
            });
        }

        try
        {
            foreach (var slot in inOrder.GetConsumingEnumerable()) yield return slot.Result();
            sourceError?.Throw();
        }
        finally
        {
            // Reached on normal completion, on an exception and when the consumer breaks off early.
            stop.Cancel();
            producer.Join();
            foreach (var w in workers) w.Join();
        }
    }

    private ItemPipeline Rent() => _idle.TryTake(out var p) ? p : _factory();

    private static Thread Start(string name, ThreadStart body)
    {
        var thread = new Thread(body) { IsBackground = true, Name = name };
        thread.Start();
        return thread;
    }

    /// <summary>One input on its way through a worker; the consumer waits on it in input order.</summary>
    private sealed class Slot<TIn, TOut>(TIn input)
    {
        private TOut? _output;
        private ExceptionDispatchInfo? _error;
        private bool _done;

        public void Run(Func<TIn, ItemPipeline, TOut> work, ItemPipeline pipeline)
        {
            try { _output = work(input, pipeline); }
            catch (Exception ex) { _error = ExceptionDispatchInfo.Capture(ex); }
            lock (this)
            {
                _done = true;
                Monitor.PulseAll(this);
            }
        }

        public TOut Result()
        {
            lock (this)
            {
                while (!_done) Monitor.Wait(this);
            }
            _error?.Throw();
            return _output!;
        }
    }
}
