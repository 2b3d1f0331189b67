using CellRadar.Core.Catalog;
using CellRadar.Core.Pipeline;

namespace CellRadar.Core.Extraction;

/// <summary>Decides events from sentences and mentions. (Placeholder.)</summary>
public sealed class EventExtractor(ReferenceCatalog catalog) : IPipelineComponent
{
    public string Name => "extract";
    public IReadOnlyList<string> Needs { get; } = [Layer.CleanText, Layer.Published];
    public IReadOnlyList<string> Adds { get; } = [Layer.Events];
    public ReferenceCatalog Catalog { get; } = catalog;

    public void Process(Document document) { }
}
