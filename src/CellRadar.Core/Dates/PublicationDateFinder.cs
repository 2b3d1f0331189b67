using CellRadar.Core.Pipeline;

namespace CellRadar.Core.Dates;

/// <summary>Sets the publication date from metadata or the item's own dateline. (Placeholder: metadata only.)</summary>
public sealed class PublicationDateFinder : IPipelineComponent
{
    public string Name => "published";
    public IReadOnlyList<string> Needs { get; } = [];
    public IReadOnlyList<string> Adds { get; } = [Layer.Published];

    public void Process(Document document)
    {
        if (document.Item.Published is { } p) { document.Published = p; document.PublishedFrom = "metadata"; }
    }
}
