using CellRadar.Core.Model;

namespace CellRadar.Storage.Tests;

/// <summary>Builds items and events for store tests. The article text is invented for these tests.</summary>
public static class Items
{
    public static ItemRecord Record(string key, string body, params RegulatoryEvent[] events) => Titled(key, "A story", body, events);

    public static ItemRecord Titled(string key, string title, string body, params RegulatoryEvent[] events)
    {
        var item = new NewsItem { Id = key, Origin = $"fixtures/{key}.txt", Title = title, Body = body, Url = $"https://example.org/{key}" };
        return new ItemRecord(item, ContentHash.Of(item), item.Title!, body, null, "", events, ExtractorInfo.Version);
    }

    /// <summary>An event whose evidence is the first occurrence of <paramref name="sentence"/> in <paramref name="text"/>.</summary>
    public static RegulatoryEvent Event(string text, string sentence, string product, EventKind kind, string jurisdiction, string? date = null)
    {
        var start = text.IndexOf(sentence, StringComparison.Ordinal);
        if (start < 0) throw new ArgumentException("The sentence is not in the text.", nameof(sentence));
        return new RegulatoryEvent
        {
            Product = product,
            Kind = kind,
            Jurisdiction = Jurisdiction.Parse(jurisdiction),
            Date = date is null ? null : PartialDate.Parse(date),
            Evidence = new TextSpan(start, start + sentence.Length),
            EvidenceText = sentence,
            Confidence = 0.8,
            ExtractorVersion = ExtractorInfo.Version,
            Agency = "FDA",
            Sponsor = "Northwind Cell Co",
        };
    }
}
