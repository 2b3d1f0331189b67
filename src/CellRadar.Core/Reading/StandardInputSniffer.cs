using System.Text.Json;
using CellRadar.Core.Errors;

namespace CellRadar.Core.Reading;

/// <summary>Standard input has no file name, so its format is guessed from its first characters.</summary>
internal static class StandardInputSniffer
{
    public static IEnumerable<ReadResult> Read(string origin, string id, string text, long maxItemBytes)
    {
        var start = text.AsSpan().TrimStart();
        if (start.Length > 0 && start[0] == '{')
        {
            // One object is a JSON item; objects one per line are JSONL and give one item per line.
            if (IsSingleJsonValue(text)) return [JsonItemReader.Parse(origin, id, text)];
            return new JsonLinesItemReader().Read(origin, id + ".jsonl", new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text), false), maxItemBytes);
        }
        if (start.Length > 0 && start[0] == '<')
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(text);
            if (Feeds.FeedReader.Sniff(bytes) != Feeds.FeedFormat.None) return Feeds.FeedItemReader.Read(origin, bytes, null);
            return [Html.HtmlItemReader.Parse(origin, id, text)];
        }
        return [TextItemReader.Parse(origin, id, text)];
    }

    private static bool IsSingleJsonValue(string text)
    {
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(text), new JsonReaderOptions { AllowMultipleValues = false });
        try
        {
            reader.Read();
            reader.Skip();
            return !reader.Read();
        }
        catch (JsonException)
        {
            // Malformed, but still meant as JSON: let the JSON reader report where.
            return !LooksLikeJsonLines(text);
        }
    }

    private static bool LooksLikeJsonLines(string text)
    {
        var objects = 0;
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            var t = line.Trim();
            if (t.IsEmpty) continue;
            if (t[0] != '{' || t[^1] != '}') return false;
            objects++;
        }
        return objects > 1;
    }
}
