using System.Text.Json;
using CellRadar.Core.Errors;
using CellRadar.Core.Model;

namespace CellRadar.Core.Reading;

/// <summary>Maps one JSON object <c>{title, text or html, url, published, source}</c> to a news item.</summary>
internal static class JsonItemFields
{
    public static ReadResult ToItem(JsonElement obj, string id, string origin, string subject)
    {
        if (obj.ValueKind != JsonValueKind.Object)
            return ReadResult.Fail(ErrorCode.MalformedJson, subject, $"expected an object, found {obj.ValueKind.ToString().ToLowerInvariant()}");

        if (!TryString(obj, "title", subject, out var title, out var error)
            || !TryString(obj, "text", subject, out var text, out error)
            || !TryString(obj, "html", subject, out var html, out error)
            || !TryString(obj, "url", subject, out var rawUrl, out error)
            || !TryString(obj, "published", subject, out var rawPublished, out error)
            || !TryString(obj, "source", subject, out var source, out error))
            return ReadResult.Fail(error!);

        if (!ItemFields.TryPublished(rawPublished, subject, out var published, out error)) return ReadResult.Fail(error!);
        if (!ItemFields.TryUrl(rawUrl, subject, out var url, out error)) return ReadResult.Fail(error!);

        string body;
        if (text is not null)
        {
            body = text;
        }
        else if (html is not null)
        {
            // The page's own metadata fills what the object leaves out; the object's fields win.
            var page = Html.HtmlPageReader.Read(html);
            body = page.Text;
            title ??= page.Title;
            url ??= page.Url;
            published ??= page.Published;
            source ??= page.SiteName;
        }
        else
        {
            return ReadResult.Fail(ErrorCode.MissingText, subject, "the object has neither a 'text' nor an 'html' field");
        }
        if (TextDecoder.IsBlank(body))
            return ReadResult.Fail(ErrorCode.EmptyItem, subject, text is not null ? "'text' is empty" : "'html' holds no text");

        return ReadResult.Ok(new NewsItem
        {
            Id = id,
            Origin = origin,
            Title = ItemFields.Clean(title),
            Body = body,
            Url = url,
            Published = published,
            Source = ItemFields.Clean(source),
        });
    }

    /// <summary>The line's own key for a JSONL item: a string or number <c>id</c>, else null.</summary>
    public static string? Id(JsonElement obj)
    {
        if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty("id", out var id)) return null;
        return id.ValueKind switch
        {
            JsonValueKind.String when !string.IsNullOrWhiteSpace(id.GetString()) => id.GetString()!.Trim(),
            JsonValueKind.Number => id.GetRawText(),
            _ => null,
        };
    }

    private static bool TryString(JsonElement obj, string name, string subject, out string? value, out CellRadarError? error)
    {
        value = null;
        error = null;
        if (!obj.TryGetProperty(name, out var p) || p.ValueKind == JsonValueKind.Null) return true;
        if (p.ValueKind == JsonValueKind.String) { value = p.GetString(); return true; }
        error = new(ErrorCode.MalformedJson, subject, $"'{name}' must be a string, found {p.ValueKind.ToString().ToLowerInvariant()}");
        return false;
    }
}
