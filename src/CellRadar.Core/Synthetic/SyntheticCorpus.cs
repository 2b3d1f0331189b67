using CellRadar.Core.Catalog;

namespace CellRadar.Core.Synthetic;

/// <summary>
/// A seeded, deterministic corpus of made-up news items about real products, agencies and places from the
/// reference catalog, with the events each item states. Items are produced one at a time and never held
/// together, so a million of them cost the memory of one. Item <c>i</c> depends only on the seed and
/// <c>i</c>: a shorter corpus is a prefix of a longer one with the same seed, and the same seed gives the
/// same text byte for byte.
/// </summary>
public static class SyntheticCorpus
{
    /// <summary>Items <c>0..count-1</c> of the corpus for <paramref name="seed"/>, built from the embedded catalog.</summary>
    public static IEnumerable<SyntheticItem> Generate(int seed, int count) => Generate(seed, count, ReferenceCatalog.Embedded);

    public static IEnumerable<SyntheticItem> Generate(int seed, int count, ReferenceCatalog catalog)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(catalog);
        return Stream(SyntheticCast.From(catalog), seed, count);
    }

    /// <summary>Item <paramref name="index"/> of the corpus for <paramref name="seed"/> alone.</summary>
    public static SyntheticItem Item(int seed, int index, ReferenceCatalog? catalog = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return ItemComposer.Compose(SyntheticCast.From(catalog ?? ReferenceCatalog.Embedded), seed, index);
    }

    private static IEnumerable<SyntheticItem> Stream(SyntheticCast cast, int seed, int count)
    {
        for (var i = 0; i < count; i++) yield return ItemComposer.Compose(cast, seed, i);
    }
}
