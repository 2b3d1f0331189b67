using CellRadar.Core.Errors;
using Microsoft.AspNetCore.Http;

namespace CellRadar.Web;

/// <summary>
/// Refuses writes the <see cref="WriteAccessPolicy"/> does not allow, with a 401 problem, before any endpoint runs.
/// The key comes in the <c>X-Api-Key</c> header, or for the ingest page's forms in their <c>api_key</c> field.
/// </summary>
internal static class WriteAccessMiddleware
{
    public static IApplicationBuilder UseWriteAccess(this IApplicationBuilder app, WriteAccessPolicy policy) => app.Use(async (http, next) =>
    {
        if (!policy.RequiresKey || IsRead(http.Request.Method))
        {
            await next(http);
            return;
        }
        string? key = http.Request.Headers[WriteAccessPolicy.HeaderName];
        if (string.IsNullOrEmpty(key) && http.Request.HasFormContentType)
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            key = form[WriteAccessPolicy.FormField];
        }
        if (policy.Allows(key))
        {
            await next(http);
            return;
        }
        http.Response.Headers.WWWAuthenticate = "ApiKey header=\"X-Api-Key\"";
        await Problems.Write(http, ErrorCode.ApiKeyRequired, StatusCodes.Status401Unauthorized, policy.WritesDisabled
            ? $"this server listens beyond loopback and has no API key, so it accepts no writes; restart it with {WriteAccessPolicy.EnvironmentVariable} set"
            : $"this server listens beyond loopback: send the API key in the {WriteAccessPolicy.HeaderName} header");
    });

    private static bool IsRead(string method) =>
        HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method);
}
