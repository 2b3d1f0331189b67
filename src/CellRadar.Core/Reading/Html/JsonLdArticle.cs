using System.Text.Json;

namespace CellRadar.Core.Reading.Html;

/// <summary>
/// What a page's JSON-LD says about its article (schema.org Article, NewsArticle, BlogPosting...): the
/// headline, publication date, canonical URL and, on some sites, the whole body text.
/// </summary>
internal sealed record JsonLdArticle(string? Headline, string? DatePublished, string? Url, string? ArticleBody)
{
    private static readonly HashSet<string> ArticleTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "Article", "NewsArticle", "BlogPosting", "ReportageNews", "AnalysisNewsArticle", "OpinionNewsArticle",
        "ReviewNewsArticle", "BackgroundNewsArticle", "AskPublicNewsArticle", "TechArticle", "ScholarlyArticle", "Report",
        "LiveBlogPosting", "SocialMediaPosting", "DiscussionForumPosting", "MedicalScholarlyArticle", "SatiricalArticle",
        "AdvertiserContentArticle", "PressRelease",
    };

    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 64,
    };

    /// <summary>
    /// The first article object in the given <c>application/ld+json</c> blocks, merged field by field with later
    /// ones. Blocks that are not valid JSON are skipped: many sites ship broken JSON-LD, and the page's other
    /// metadata and its markup still describe the article.
    /// </summary>
    public static JsonLdArticle? Find(IEnumerable<string> blocks)
    {
        JsonLdArticle? found = null;
        foreach (var block in blocks)
        {
            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(block, Options);
            }
            catch (JsonException)
            {
                continue;
            }
            using (doc)
            {
                foreach (var obj in Objects(doc.RootElement))
                {
                    if (!IsArticle(obj)) continue;
                    var a = new JsonLdArticle(String(obj, "headline") ?? String(obj, "name"), String(obj, "datePublished"), UrlOf(obj), String(obj, "articleBody"));
                    found = found is null ? a : new JsonLdArticle(found.Headline ?? a.Headline, found.DatePublished ?? a.DatePublished, found.Url ?? a.Url, found.ArticleBody ?? a.ArticleBody);
                }
            }
        }
        return found;
    }

    /// <summary>Every object in the block: top level, in arrays and in <c>@graph</c>, walked with a stack.</summary>
    private static IEnumerable<JsonElement> Objects(JsonElement root)
    {
        var stack = new Stack<JsonElement>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var e = stack.Pop();
            if (e.ValueKind == JsonValueKind.Array)
            {
                for (var i = e.GetArrayLength() - 1; i >= 0; i--) stack.Push(e[i]);
            }
            else if (e.ValueKind == JsonValueKind.Object)
            {
                yield return e;
                if (e.TryGetProperty("@graph", out var graph)) stack.Push(graph);
            }
        }
    }

    private static bool IsArticle(JsonElement obj)
    {
        if (!obj.TryGetProperty("@type", out var type)) return false;
        if (type.ValueKind == JsonValueKind.String) return ArticleTypes.Contains(type.GetString()!);
        if (type.ValueKind != JsonValueKind.Array) return false;
        foreach (var t in type.EnumerateArray())
        {
            if (t.ValueKind == JsonValueKind.String && ArticleTypes.Contains(t.GetString()!)) return true;
        }
        return false;
    }

    private static string? String(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString()) ? v.GetString() : null;

    private static string? UrlOf(JsonElement obj)
    {
        if (String(obj, "url") is { } url) return url;
        if (!obj.TryGetProperty("mainEntityOfPage", out var main)) return null;
        if (main.ValueKind == JsonValueKind.String) return main.GetString();
        return main.ValueKind == JsonValueKind.Object ? String(main, "@id") ?? String(main, "url") : null;
    }
}
