using CellRadar.Core.Model;

namespace CellRadar.Core.Reading.Html;

/// <summary>What was read from one web page: its article text and the metadata the page states about itself.</summary>
public sealed record HtmlPage
{
    /// <summary>The article text, paragraphs separated by blank lines; empty when the page holds none.</summary>
    public required string Text { get; init; }

    public string? Title { get; init; }

    /// <summary>The canonical address, absolute http(s) only.</summary>
    public string? Url { get; init; }

    public PartialDate? Published { get; init; }

    /// <summary>Where <see cref="Published"/> came from: <c>article:published_time</c>, <c>json-ld</c>, <c>meta</c>, <c>time</c>, <c>dateline</c>, or empty.</summary>
    public string PublishedFrom { get; init; } = "";

    /// <summary>The site's own name (og:site_name), when stated.</summary>
    public string? SiteName { get; init; }

    /// <summary>How the text was found: <c>markup</c> (content scoring) or <c>json-ld</c> (the page's articleBody).</summary>
    public string TextFrom { get; init; } = "";
}
