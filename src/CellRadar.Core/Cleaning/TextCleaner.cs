using CellRadar.Core.Pipeline;

namespace CellRadar.Core.Cleaning;

/// <summary>Drops page furniture from the body. (Placeholder: keeps the text as read.)</summary>
public sealed class TextCleaner : IPipelineComponent
{
    public string Name => "clean";
    public IReadOnlyList<string> Needs { get; } = [Layer.Published];
    public IReadOnlyList<string> Adds { get; } = [Layer.CleanText];

    public void Process(Document document) => document.Text = document.Item.Body;
}
