using CellRadar.Core.Model;
using CellRadar.Core.Pipeline;

namespace CellRadar.Tests;

/// <summary>
/// Stands in for the rule extractor in the eval test, which pins the command's arithmetic and printing:
/// with the real extractor the expected numbers would change every time its rules improve. It adds, for
/// each item id, the events the test lists, with evidence pointing at the given sentence.
/// </summary>
public sealed class ScriptedExtractor(IReadOnlyDictionary<string, (string Sentence, string Product, EventKind Kind, string Subtype, string Jurisdiction, string? Date)[]> script)
    : IPipelineComponent
{
    public string Name => "scripted-extract";
    public IReadOnlyList<string> Needs { get; } = [Layer.CleanText];
    public IReadOnlyList<string> Adds { get; } = [Layer.Events];

    public void Process(Document document)
    {
        if (!script.TryGetValue(document.Id, out var events)) return;
        foreach (var (sentence, product, kind, subtype, jurisdiction, date) in events)
        {
            var start = Math.Max(0, document.Text.IndexOf(sentence, StringComparison.Ordinal));
            document.Events.Add(new RegulatoryEvent
            {
                Product = product, Kind = kind, Subtype = subtype, Jurisdiction = Jurisdiction.Parse(jurisdiction),
                Date = date is null ? null : PartialDate.Parse(date),
                Evidence = new TextSpan(start, start + sentence.Length), EvidenceText = sentence,
                Confidence = 0.5, ExtractorVersion = "scripted",
            });
        }
    }
}
