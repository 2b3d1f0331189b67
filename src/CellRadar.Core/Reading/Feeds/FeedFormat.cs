namespace CellRadar.Core.Reading.Feeds;

/// <summary>The kinds of feed CellRadar reads, told apart by their root element.</summary>
public enum FeedFormat
{
    None,
    /// <summary>RSS 2.0 (and 0.9x): <c>&lt;rss&gt;&lt;channel&gt;&lt;item&gt;</c>.</summary>
    Rss,
    /// <summary>RSS 1.0 (RDF): <c>&lt;rdf:RDF&gt;&lt;item&gt;</c>.</summary>
    Rdf,
    /// <summary>Atom 1.0: <c>&lt;feed&gt;&lt;entry&gt;</c>.</summary>
    Atom,
}
