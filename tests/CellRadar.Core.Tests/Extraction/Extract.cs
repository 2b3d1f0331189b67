using CellRadar.Core.Model;
using CellRadar.Core.Pipeline;

namespace CellRadar.Core.Tests.Extraction;

/// <summary>Runs the default pipeline over a text written for a test.</summary>
internal static class Extract
{
    private static readonly ItemPipeline Pipeline = Pipelines.Default();

    public static IReadOnlyList<RegulatoryEvent> From(string body, string? published = null, string? title = null) =>
        Document(body, published, title).Events;

    public static Document Document(string body, string? published = null, string? title = null) =>
        Pipeline.Process(new NewsItem
        {
            Id = "test",
            Origin = "test",
            Body = body,
            Title = title,
            Published = published is null ? null : PartialDate.Parse(published),
        });

    public static RegulatoryEvent Single(IReadOnlyList<RegulatoryEvent> events, EventKind kind, string jurisdiction)
    {
        var matching = events.Where(e => e.Kind == kind && e.Jurisdiction.Code == jurisdiction).ToList();
        Assert.True(matching.Count == 1, $"expected one {kind} in {jurisdiction}, got: {Describe(events)}");
        return matching[0];
    }

    public static string Describe(IEnumerable<RegulatoryEvent> events) =>
        "[" + string.Join("; ", events.Select(e => $"{e.Product} {e.Kind.ToWire()} {e.Subtype} {e.Jurisdiction} {e.Agency} {e.Date} {e.Status.ToWire()}")) + "]";
}
