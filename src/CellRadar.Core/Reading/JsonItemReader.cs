using System.Text.Json;
using CellRadar.Core.Errors;

namespace CellRadar.Core.Reading;

/// <summary>Reads a <c>.json</c> file holding one item object.</summary>
public sealed class JsonItemReader : IItemReader
{
    public bool CanRead(string fileName) => ItemKey.Extension(fileName) == ".json";

    public IEnumerable<ReadResult> Read(string origin, string fileName, ReadOnlyMemory<byte> content)
    {
        var text = TextDecoder.Decode(content.Span, origin, out var error);
        yield return text is null ? ReadResult.Fail(error!) : Parse(origin, ItemKey.FromFileName(fileName), text);
    }

    /// <summary>Parses decoded JSON text (also used for standard input).</summary>
    public static ReadResult Parse(string origin, string id, string text)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            return ReadResult.Fail(ErrorCode.MalformedJson, origin, ex.Message);
        }
        using (doc)
        {
            return JsonItemFields.ToItem(doc.RootElement, id, origin, origin);
        }
    }
}
