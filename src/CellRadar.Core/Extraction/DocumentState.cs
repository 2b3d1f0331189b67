using CellRadar.Core.Annotation;

namespace CellRadar.Core.Extraction;

/// <summary>What the whole item says, for references across sentences: its products and agencies in order.</summary>
internal sealed class DocumentState
{
    private readonly List<Mention> _products;
    private readonly List<Mention> _agencies;

    public DocumentState(IReadOnlyList<Mention> mentions)
    {
        _products = mentions.Where(m => m.Type == MentionType.Product).ToList();
        _agencies = mentions.Where(m => m.Type == MentionType.Agency).ToList();
        DistinctProducts = _products.Select(p => p.Key).Distinct(StringComparer.OrdinalIgnoreCase).Count();
    }

    public int DistinctProducts { get; }

    /// <summary>The product last named before <paramref name="position"/>, else the first named after it.</summary>
    public Mention? SalientProduct(int position) =>
        _products.LastOrDefault(p => p.End <= position) ?? _products.FirstOrDefault();

    public Mention? LastAgencyBefore(int position) => _agencies.LastOrDefault(a => a.End <= position);

    public bool MentionsAgency(string shortName) => _agencies.Any(a => a.Key == shortName);
}
