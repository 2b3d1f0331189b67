namespace CellRadar.Core.Pipeline;

/// <summary>
/// One small step of the item pipeline. Like a spaCy component it says what it needs and what it
/// adds, so <see cref="ItemPipeline"/> can refuse an order in which a need is not met.
/// </summary>
public interface IPipelineComponent
{
    string Name { get; }

    IReadOnlyList<string> Needs { get; }

    IReadOnlyList<string> Adds { get; }

    void Process(Document document);
}
