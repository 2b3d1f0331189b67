using System.Runtime.CompilerServices;
using System.Text.Json;

namespace CellRadar.Tests.Web;

/// <summary>The OpenAPI document: valid in structure, listing the API's routes, and pinned by a golden file.</summary>
public sealed class OpenApiTests(ServedApp served) : IClassFixture<ServedApp>
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    [Fact]
    public async Task The_document_is_openapi_3_and_every_operation_has_responses()
    {
        var doc = await served.GetJson("openapi/v1.json");
        Assert.StartsWith("3.", doc.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(doc.GetProperty("info").GetProperty("title").GetString()));
        Assert.False(string.IsNullOrEmpty(doc.GetProperty("info").GetProperty("version").GetString()));
        var paths = doc.GetProperty("paths");
        var operations = 0;
        foreach (var path in paths.EnumerateObject())
        {
            Assert.StartsWith("/", path.Name, StringComparison.Ordinal);
            var ops = path.Value.EnumerateObject().Where(p => Methods.Contains(p.Name)).ToList();
            Assert.True(ops.Count > 0, $"{path.Name} has no operation");
            foreach (var op in ops)
            {
                operations++;
                var responses = op.Value.GetProperty("responses");
                Assert.True(responses.EnumerateObject().Any(), $"{op.Name} {path.Name} has no responses");
                Assert.All(responses.EnumerateObject(), r => Assert.Matches("^([1-5][0-9X]{2}|default)$", r.Name));
                Assert.False(string.IsNullOrEmpty(op.Value.GetProperty("operationId").GetString()));
            }
        }
        Assert.True(operations >= 4);
        // Every schema reference points at a schema the document defines.
        var schemas = doc.GetProperty("components").GetProperty("schemas");
        foreach (var reference in References(doc))
        {
            const string prefix = "#/components/schemas/";
            Assert.StartsWith(prefix, reference, StringComparison.Ordinal);
            Assert.True(schemas.TryGetProperty(reference[prefix.Length..], out _), $"{reference} is not defined");
        }
    }

    [Fact]
    public async Task The_document_lists_the_api_routes_and_no_pages()
    {
        var paths = (await served.GetJson("openapi/v1.json")).GetProperty("paths");
        var names = paths.EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Contains("/api/events", names);
        Assert.Contains("/api/items/{id}", names);
        Assert.Contains("/api/items", names);
        Assert.Contains("/api/search", names);
        Assert.Contains("/api/products", names);
        Assert.Contains("/api/products/{id}", names);
        Assert.Contains("/api/products/{id}/status", names);
        Assert.Contains("/api/products/{id}/timeline", names);
        Assert.Contains("/api/facts", names);
        Assert.Contains("/api/changes", names);
        Assert.Contains("/feed.atom", names);
        // The Atom feed is the one route outside /api/ (feed readers expect a file-like address); no page is listed.
        Assert.DoesNotContain(names, n => !n.StartsWith("/api/", StringComparison.Ordinal) && n != "/feed.atom");
        Assert.True(paths.GetProperty("/api/items").TryGetProperty("post", out _));
    }

    [Fact]
    public async Task The_document_matches_its_golden_file()
    {
        using var response = await served.Client.GetAsync("openapi/v1.json");
        var actual = (await response.Content.ReadAsStringAsync()).ReplaceLineEndings("\n");
        var golden = Path.Combine(GoldenFolder(), "openapi-v1.json");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(golden, actual);
            return;
        }
        Assert.True(File.Exists(golden), $"{golden} is missing; run the tests once with UPDATE_GOLDEN=1 and review the file.");
        Assert.Equal(File.ReadAllText(golden).ReplaceLineEndings("\n"), actual);
    }

    private static IEnumerable<string> References(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in element.EnumerateObject())
                {
                    if (p.Name == "$ref" && p.Value.ValueKind == JsonValueKind.String) yield return p.Value.GetString()!;
                    else foreach (var r in References(p.Value)) yield return r;
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                    foreach (var r in References(item)) yield return r;
                break;
        }
    }

    private static string GoldenFolder([CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, "..", "Golden");
}
