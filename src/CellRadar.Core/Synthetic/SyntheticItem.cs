using CellRadar.Core.Evaluation;
using CellRadar.Core.Model;

namespace CellRadar.Core.Synthetic;

/// <summary>One generated news item and the events the generator planted in it (its gold).</summary>
/// <param name="Layout">Which outlet layout wrote it: <c>wire</c>, <c>trade</c>, <c>notice</c>, <c>investor</c> or <c>filler</c>.</param>
public sealed record SyntheticItem(NewsItem Item, IReadOnlyList<GoldEvent> Gold, string Layout);
