using BenchmarkDotNet.Attributes;
using CellRadar.Core.Annotation;
using CellRadar.Core.Catalog;
using CellRadar.Core.Cleaning;
using CellRadar.Core.Dates;
using CellRadar.Core.Extraction;
using CellRadar.Core.Model;
using CellRadar.Core.Pipeline;
using CellRadar.Core.Reading;

namespace CellRadar.Benchmarks;

/// <summary>
/// The parts of the item pipeline, each over the same <see cref="SampleItems"/>, reported per item. Inputs of
/// a part are prepared once by the parts before it, so each figure is that part's own cost.
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private const int N = SampleItems.Count;

    private NewsItem[] _items = [];
    private byte[][] _files = [];
    private string[] _clean = [];
    private Document[] _annotated = [];
    private readonly TextItemReader _reader = new();
    private MentionFinder _mentions = null!;
    private EventExtractor _extractor = null!;
    private ItemPipeline _pipeline = null!;
    private readonly List<TextSpan> _sentences = new(256);
    private readonly List<DateExpression> _dates = new(64);

    [GlobalSetup]
    public void Setup()
    {
        _items = SampleItems.Items();
        _files = SampleItems.TextFiles();
        _clean = [.. _items.Select(i => TextCleaner.Clean(i.Body))];
        _mentions = new MentionFinder(ReferenceCatalog.Embedded);
        _extractor = new EventExtractor(ReferenceCatalog.Embedded);
        _pipeline = Pipelines.Default();
        // Everything the extractor needs, made once by the real components.
        var annotate = new ItemPipeline([new PublicationDateFinder(), new TextCleaner(), new SentenceSplitter(), _mentions, new DateMentionFinder()]);
        _annotated = [.. _items.Select(annotate.Process)];
    }

    [Benchmark(OperationsPerInvoke = N, Description = "read a .txt item (decode, header)")]
    public int ReadTextItem()
    {
        var n = 0;
        foreach (var bytes in _files)
            foreach (var r in _reader.Read("bench.txt", "bench.txt", bytes)) n += r.Item!.Body.Length;
        return n;
    }

    [Benchmark(OperationsPerInvoke = N, Description = "clean (drop page furniture)")]
    public int Clean()
    {
        var n = 0;
        foreach (var item in _items) n += TextCleaner.Clean(item.Body).Length;
        return n;
    }

    [Benchmark(OperationsPerInvoke = N, Description = "split sentences")]
    public int SplitSentences()
    {
        var n = 0;
        foreach (var text in _clean)
        {
            _sentences.Clear();
            SentenceSplitter.Split(text, _sentences);
            n += _sentences.Count;
        }
        return n;
    }

    [Benchmark(OperationsPerInvoke = N, Description = "find mentions (catalog, patterns, cues)")]
    public int FindMentions()
    {
        var n = 0;
        foreach (var a in _annotated)
        {
            var d = new Document(a.Item) { Text = a.Text, Published = a.Published };
            d.Sentences.AddRange(a.Sentences);
            _mentions.Process(d);
            n += d.Mentions.Count;
        }
        return n;
    }

    [Benchmark(OperationsPerInvoke = N, Description = "find date expressions")]
    public int FindDates()
    {
        var n = 0;
        foreach (var text in _clean)
        {
            _dates.Clear();
            DateExpressions.Find(text, _dates);
            n += _dates.Count;
        }
        return n;
    }

    [Benchmark(OperationsPerInvoke = N, Description = "extract events from annotated text")]
    public int Extract()
    {
        var n = 0;
        foreach (var a in _annotated)
        {
            // A fresh document per run: the extractor adds to Events. Copying two lists is part of this figure.
            var d = new Document(a.Item) { Text = a.Text, Published = a.Published };
            d.Sentences.AddRange(a.Sentences);
            d.Mentions.AddRange(a.Mentions);
            _extractor.Process(d);
            n += d.Events.Count;
        }
        return n;
    }

    [Benchmark(OperationsPerInvoke = N, Description = "whole pipeline per item")]
    public int WholePipeline()
    {
        var n = 0;
        foreach (var item in _items) n += _pipeline.Process(item).Events.Count;
        return n;
    }
}
