using CellRadar.Core.Model;
using CellRadar.Core.Reconciliation;

namespace CellRadar.Storage.Tests;

/// <summary>
/// Near-duplicate clusters whatever the way items reach the store: the same batch, later batches, a later run on a
/// reopened store, or another writer on the same database while a store stays open (the SQLite store keeps the band
/// keys it knows in memory, and must still find every stored band).
/// </summary>
public abstract partial class EventStoreContract
{
    private const string ClinicStory =
        "Doctors at a university hospital in Lyon gave the first French patient a commercial dose of Zelventa on Tuesday, " +
        "four months after the national health authority agreed to pay for the engineered cell therapy in adults whose " +
        "lymphoma returned after two earlier treatments. The hospital said its cell processing unit can now prepare two " +
        "doses a week and that a waiting list of eleven patients has formed since the spring, most of them referred by " +
        "smaller centres in the south east that cannot collect and ship white blood cells themselves.";

    private const string PlantStory =
        "A contract manufacturer near Leiden finished the inspection of its new viral vector suite last week and expects " +
        "to ship its first commercial lots of Corvetra to treatment centres in the Netherlands and Belgium before the end " +
        "of the year. The company hired forty technicians for the suite, which doubles its capacity, and said the vector " +
        "made there will also supply a trial in children with leukaemia that is due to open at two sites in Utrecht.";

    private const string FactoryStory =
        "Engineers in Osaka have started building a second production line for Ravicel, a cell therapy for myeloma, " +
        "because demand from hospitals in Kyushu and Hokkaido has grown faster than the sponsor planned when the first " +
        "line opened. The new line will use closed automated equipment that needs fewer trained staff per dose, and the " +
        "sponsor hopes it will cut the time between collecting a patient's cells and giving the infusion to three weeks.";

    private static ItemRecord Story(string key, string text, string product, string jurisdiction) =>
        At(Items.Record(key, text, Items.Event(text, text[..text.IndexOf(',', StringComparison.Ordinal)], product, EventKind.Access, jurisdiction)),
            $"https://outlet-{key}.example/{key}");

    [StoreFact]
    public void Reprints_cluster_with_near_duplicates_from_earlier_batches_earlier_runs_and_other_writers()
    {
        var records = new[]
        {
            Story("a", ClinicStory, "zelventa", "FR"),
            Story("p", PlantStory, "corvetra", "NL"),
            Story("b", "Syndicated from a partner newsroom\n\n" + ClinicStory, "zelventa", "FR"),
            Story("c", "Shared by our regional desk\n\n" + ClinicStory, "zelventa", "FR"),
            Story("q", PlantStory + "\n\nSyndicated from a partner newsroom", "corvetra", "NL"),
            Story("x", FactoryStory, "ravicel", "JP"),
            Story("y", "Shared by our regional desk\n\n" + FactoryStory, "ravicel", "JP"),
        };
        var byKey = records.ToDictionary(r => r.Item.Id, StringComparer.Ordinal);
        using (var store = OpenStore())
        {
            var run = store.StartRun("ingest");
            store.SaveBatch(run, [byKey["a"], byKey["p"]], FactMerge.Deferred);
            // A later batch of the same run.
            store.SaveBatch(run, [byKey["b"]], FactMerge.Deferred);
            store.ReconcilePending();
        }
        using (var store = OpenStore())
        {
            // A second run on the reopened database: a and p are known only from what was stored.
            var run = store.StartRun("ingest");
            store.SaveBatch(run, [byKey["c"], byKey["q"]], FactMerge.Deferred);
            using (var other = OpenStore())
            {
                // Another writer stores x while this store stays open; y, saved here next, must find it.
                other.SaveBatch(other.StartRun("ingest"), [byKey["x"]], FactMerge.Deferred);
            }
            store.SaveBatch(run, [byKey["y"]], FactMerge.Deferred);
            store.ReconcilePending();
        }

        using var reader = OpenStore();
        var stored = reader.QueryFacts(new FactQuery()).SelectMany(f => f.Supports)
            .ToDictionary(s => s.ItemKey, s => s.Cluster, StringComparer.Ordinal);
        var expected = ExpectedClusters(records);
        Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), stored.OrderBy(p => p.Key, StringComparer.Ordinal));
        // The fixture exercises every path: each reprint joined its original's cluster.
        Assert.Equal(3, expected.Values.Distinct().Count());
        Assert.Equal(expected["a"], expected["b"]);
        Assert.Equal(expected["a"], expected["c"]);
        Assert.Equal(expected["p"], expected["q"]);
        Assert.Equal(expected["x"], expected["y"]);
    }

    /// <summary>
    /// The clusters by their definition, computed here without a store: items connected through near-duplicate pairs
    /// form one cluster, named by the smallest content hash in it.
    /// </summary>
    private static Dictionary<string, string> ExpectedClusters(IReadOnlyList<ItemRecord> records)
    {
        var signatures = records.Select(r => NearDuplicates.Signature(r.Text)).ToArray();
        var parent = Enumerable.Range(0, records.Count).ToArray();
        int Root(int i) => parent[i] == i ? i : parent[i] = Root(parent[i]);
        for (var i = 0; i < records.Count; i++)
        {
            for (var j = i + 1; j < records.Count; j++)
            {
                if (signatures[i] is { } si && signatures[j] is { } sj && NearDuplicates.AreNear(si, sj)) parent[Root(i)] = Root(j);
            }
        }
        var names = new Dictionary<int, string>();
        for (var i = 0; i < records.Count; i++)
        {
            var root = Root(i);
            if (!names.TryGetValue(root, out var name) || string.CompareOrdinal(records[i].ContentHash, name) < 0) names[root] = records[i].ContentHash;
        }
        return records.Select((r, i) => (r.Item.Id, names[Root(i)])).ToDictionary(p => p.Item1, p => p.Item2, StringComparer.Ordinal);
    }
}
