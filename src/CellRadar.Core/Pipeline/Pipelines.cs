using CellRadar.Core.Annotation;
using CellRadar.Core.Catalog;
using CellRadar.Core.Cleaning;
using CellRadar.Core.Dates;
using CellRadar.Core.Extraction;

namespace CellRadar.Core.Pipeline;

/// <summary>The standard component lists.</summary>
public static class Pipelines
{
    /// <summary>Publication date, cleaning and extraction: what <c>ingest</c> and <c>extract</c> run.</summary>
    public static ItemPipeline Default(ReferenceCatalog? catalog = null)
    {
        var c = catalog ?? ReferenceCatalog.Embedded;
        return new ItemPipeline(
        [
            new PublicationDateFinder(),
            new TextCleaner(),
            new SentenceSplitter(),
            new MentionFinder(c),
            new DateMentionFinder(),
            new EventExtractor(c),
        ]);
    }

    /// <summary>Publication date and cleaning only: what <c>clean</c> runs.</summary>
    public static ItemPipeline CleanOnly() => new([new PublicationDateFinder(), new TextCleaner()]);
}
