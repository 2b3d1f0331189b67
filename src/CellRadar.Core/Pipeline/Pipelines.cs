using CellRadar.Core.Catalog;
using CellRadar.Core.Cleaning;
using CellRadar.Core.Dates;
using CellRadar.Core.Extraction;

namespace CellRadar.Core.Pipeline;

/// <summary>The standard component lists.</summary>
public static class Pipelines
{
    /// <summary>Publication date, cleaning and extraction: what <c>ingest</c> and <c>extract</c> run.</summary>
    public static ItemPipeline Default(ReferenceCatalog? catalog = null) => new(
    [
        new PublicationDateFinder(),
        new TextCleaner(),
        new EventExtractor(catalog ?? ReferenceCatalog.Embedded),
    ]);

    /// <summary>Publication date and cleaning only: what <c>clean</c> runs.</summary>
    public static ItemPipeline CleanOnly() => new([new PublicationDateFinder(), new TextCleaner()]);
}
