using System.Text;
using CellRadar.Core.Catalog;
using CellRadar.Core.Evaluation;
using CellRadar.Core.Model;
using CellRadar.Core.Pipeline;
using CellRadar.Core.Synthetic;

namespace CellRadar.Core.Tests.Synthetic;

public class SyntheticCorpusTests
{
    private static string Fingerprint(SyntheticItem s)
    {
        var i = s.Item;
        var sb = new StringBuilder().Append(i.Id).Append('|').Append(i.Title).Append('|').Append(i.Url).Append('|')
            .Append(i.Published?.ToString()).Append('|').Append(i.Source).Append('|').Append(i.Body).Append('|').Append(s.Layout);
        foreach (var g in s.Gold) sb.Append('|').Append(g);
        return sb.ToString();
    }

    [Fact]
    public void The_same_seed_gives_the_same_corpus_byte_for_byte()
    {
        var first = SyntheticCorpus.Generate(42, 300).Select(Fingerprint).ToArray();
        var second = SyntheticCorpus.Generate(42, 300).Select(Fingerprint).ToArray();
        Assert.Equal(first, second);
    }

    [Fact]
    public void Another_seed_gives_other_items()
    {
        var a = SyntheticCorpus.Generate(1, 50).Select(s => s.Item.Body).ToHashSet();
        var b = SyntheticCorpus.Generate(2, 50).Select(s => s.Item.Body);
        Assert.DoesNotContain(b, a.Contains);
    }

    [Fact]
    public void A_shorter_corpus_is_the_start_of_a_longer_one_and_one_item_can_be_made_alone()
    {
        var longer = SyntheticCorpus.Generate(9, 120).Select(Fingerprint).ToArray();
        var shorter = SyntheticCorpus.Generate(9, 40).Select(Fingerprint).ToArray();
        Assert.Equal(longer[..40], shorter);
        Assert.Equal(longer[77], Fingerprint(SyntheticCorpus.Item(9, 77)));
    }

    [Fact]
    public void Items_are_made_one_at_a_time_so_a_huge_count_costs_nothing_until_read()
    {
        var first = SyntheticCorpus.Generate(3, int.MaxValue).Take(3).ToList();
        Assert.Equal(3, first.Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticCorpus.Generate(3, -1));
    }

    [Fact]
    public void Items_come_in_every_layout_with_news_lengths_and_distinct_content()
    {
        var items = SyntheticCorpus.Generate(5, 1000).ToList();
        Assert.Equal(["filler", "investor", "notice", "trade", "wire"], items.Select(s => s.Layout).Distinct().Order());
        var sizes = items.Select(s => Encoding.UTF8.GetByteCount(s.Item.Body)).ToArray();
        // Most between 1 and 8 KB, some longer (features, long pages), none near the 10 MB item cap.
        Assert.True(sizes.Count(n => n is >= 1000 and <= 8192) > 700, $"only {sizes.Count(n => n is >= 1000 and <= 8192)} items of 1-8 KB");
        Assert.True(sizes.Count(n => n > 8192) >= 10, "no long items");
        Assert.True(sizes.Max() < 200_000);
        // The store keys items by content; the generator must not repeat one.
        Assert.Equal(items.Count, items.Select(s => ContentHash.Of(s.Item)).Distinct().Count());
    }

    [Fact]
    public void Planted_events_name_catalog_products_and_places_and_filler_plants_none()
    {
        var catalog = ReferenceCatalog.Embedded;
        var items = SyntheticCorpus.Generate(6, 600).ToList();
        Assert.All(items.Where(s => s.Layout == "filler"), s => Assert.Empty(s.Gold));
        var gold = items.SelectMany(s => s.Gold).ToList();
        Assert.Equal(EventKindNames.All.Order(), gold.Select(g => g.Kind).Distinct().Order());
        Assert.All(gold, g =>
        {
            Assert.True(catalog.ProductsByCanonical.ContainsKey(g.Product), g.Product);
            Assert.True(catalog.JurisdictionsByCode.ContainsKey(g.Jurisdiction.Code), g.Jurisdiction.Code);
        });
        // One event per product and place in an item, so the contract's merging rules never change the plan.
        Assert.All(items, s => Assert.Equal(s.Gold.Count, s.Gold.Select(g => (g.Product, g.Jurisdiction)).Distinct().Count()));
    }

    [Fact]
    public void The_extractor_finds_most_planted_events_in_two_thousand_items()
    {
        // Pins that generator and extractor stay in touch; the bar is modest on purpose.
        var pipeline = Pipelines.Default();
        var scorer = new EventScorer();
        foreach (var s in SyntheticCorpus.Generate(2024, 2000)) scorer.Add(s.Item.Id, s.Gold, pipeline.Process(s.Item).Events);
        var report = scorer.Report();
        Assert.True(report.Overall.TruePositives + report.Overall.FalseNegatives > 1500, "too few planted events to judge");
        Assert.True(report.Overall.Recall > 0.7, $"recall {report.Overall.Recall:0.000}");
        Assert.True(report.Overall.Precision > 0.7, $"precision {report.Overall.Precision:0.000}");
    }
}
