using CellRadar.Core.Model;

namespace CellRadar.Core.Pipeline;

/// <summary>Runs a fixed list of components over one item at a time.</summary>
public sealed class ItemPipeline
{
    private readonly IPipelineComponent[] _components;

    public ItemPipeline(IEnumerable<IPipelineComponent> components)
    {
        _components = [.. components];
        var have = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in _components)
        {
            foreach (var need in c.Needs)
            {
                if (!have.Contains(need))
                    throw new InvalidOperationException($"Component '{c.Name}' needs '{need}', which no earlier component adds.");
            }
            have.UnionWith(c.Adds);
        }
    }

    public IReadOnlyList<IPipelineComponent> Components => _components;

    public Document Process(NewsItem item)
    {
        var doc = new Document(item);
        foreach (var c in _components)
        {
            c.Process(doc);
            doc.History.Add(c.Name);
        }
        return doc;
    }
}
