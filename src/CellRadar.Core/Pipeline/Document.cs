using CellRadar.Core.Annotation;
using CellRadar.Core.Model;

namespace CellRadar.Core.Pipeline;

/// <summary>One news item on its way through the pipeline, with what each component added.</summary>
public sealed class Document
{
    public Document(NewsItem item)
    {
        Item = item;
        Text = item.Body;
        Title = item.Title ?? "";
        Published = item.Published;
    }

    public NewsItem Item { get; }

    public string Id => Item.Id;

    public string Title { get; set; }

    /// <summary>The text evidence offsets point into: the raw body until the cleaner replaces it.</summary>
    public string Text { get; set; }

    public PartialDate? Published { get; set; }

    /// <summary>Where the publication date came from: <c>metadata</c>, <c>dateline</c>, or empty.</summary>
    public string PublishedFrom { get; set; } = "";

    public List<TextSpan> Sentences { get; } = [];

    public List<Mention> Mentions { get; } = [];

    public List<RegulatoryEvent> Events { get; } = [];

    /// <summary>Components that ran, in order, for tracing.</summary>
    public List<string> History { get; } = [];
}
