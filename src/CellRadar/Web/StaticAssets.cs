using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace CellRadar.Web;

/// <summary>The stylesheet, embedded in the program and served from memory with an ETag of its content.</summary>
internal static class StaticAssets
{
    public const string StylesheetPath = "/static/site.css";

    private static readonly Lazy<(byte[] Bytes, string ETag)> Stylesheet = new(() =>
    {
        using var stream = typeof(StaticAssets).Assembly.GetManifestResourceStream("CellRadar.Web.Assets.site.css")
            ?? throw new InvalidOperationException("The stylesheet is not embedded in this build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var bytes = copy.ToArray();
        return (bytes, "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 8)) + "\"");
    });

    public static void MapStaticAssets(this IEndpointRouteBuilder app) =>
        app.MapGet(StylesheetPath, (HttpContext http) =>
        {
            var (bytes, etag) = Stylesheet.Value;
            http.Response.Headers.ETag = etag;
            http.Response.Headers.CacheControl = "no-cache";
            if (http.Request.Headers.IfNoneMatch.ToString() == etag) return Results.StatusCode(StatusCodes.Status304NotModified);
            return Results.Bytes(bytes, "text/css; charset=utf-8");
        }).ExcludeFromDescription();
}
