using CellRadar.Core.Dates;
using CellRadar.Core.Model;
using CellRadar.Core.Pipeline;

namespace CellRadar.Core.Annotation;

/// <summary>
/// Adds a <see cref="MentionType.Date"/> mention for each date expression in the cleaned text, resolved
/// against the publication date both ways: <see cref="Mention.Key"/> as a past date (for events that
/// occurred), <see cref="Mention.Detail"/> as a future one (for expected events). Either is empty when
/// the text alone cannot say it ("in March" in an item with no publication date).
/// </summary>
public sealed class DateMentionFinder : IPipelineComponent
{
    public string Name => "dates";
    public IReadOnlyList<string> Needs { get; } = [Layer.CleanText, Layer.Published, Layer.Mentions];
    public IReadOnlyList<string> Adds { get; } = [Layer.Mentions];

    public void Process(Document document)
    {
        var expressions = new List<DateExpression>();
        DateExpressions.Find(document.Text, expressions);
        if (expressions.Count == 0) return;
        var mentions = document.Mentions;
        foreach (var e in expressions)
        {
            var past = DateResolver.Resolve(e, document.Published, TimeDirection.Past);
            var future = DateResolver.Resolve(e, document.Published, TimeDirection.Future);
            if (past is null && future is null) continue;
            mentions.Add(new Mention(MentionType.Date, e.Span, past?.ToString() ?? "", future?.ToString() ?? ""));
        }
        mentions.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
    }
}
