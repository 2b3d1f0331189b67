using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CellRadar.Tests.Web;

/// <summary>
/// A real HTTP server (Kestrel) on 127.0.0.1 and a free port, serving what a test maps, and counting every
/// request per path. Handlers can be replaced while it runs (a feed that gains an entry).
/// </summary>
public sealed class TestServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Func<HttpContext, Task>> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _hits = new(StringComparer.Ordinal);
    private WebApplication? _app;

    public Uri BaseUri { get; private set; } = null!;

    /// <summary>Every request in arrival order: path, the headers that matter to the tests, and when.</summary>
    public ConcurrentQueue<(string Path, string? UserAgent, string? IfNoneMatch, string? IfModifiedSince, DateTimeOffset At)> Requests { get; } = new();

    public static async Task<TestServer> StartAsync()
    {
        var server = new TestServer();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUri = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
        server._app = app;
        return server;
    }

    public Uri Url(string path) => new(BaseUri, path);

    public int Hits(string path) => _hits.TryGetValue(path, out var n) ? n : 0;

    public void Map(string path, Func<HttpContext, Task> handler) => _routes[path] = handler;

    /// <summary>Serves fixed text; with an ETag, a request carrying it gets 304.</summary>
    public void MapText(string path, string contentType, string body, string? etag = null) => Map(path, async context =>
    {
        if (etag is not null)
        {
            context.Response.Headers.ETag = etag;
            if (context.Request.Headers.IfNoneMatch.ToString() == etag)
            {
                context.Response.StatusCode = 304;
                return;
            }
        }
        context.Response.ContentType = contentType;
        await context.Response.WriteAsync(body, context.RequestAborted);
    });

    /// <summary>Answers with a redirect to <paramref name="location"/> (absolute, or relative to this server).</summary>
    public void MapRedirect(string path, string location, int status = 302) => Map(path, context =>
    {
        context.Response.StatusCode = status;
        context.Response.Headers.Location = location;
        return Task.CompletedTask;
    });

    public static byte[] Gzip(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var gz = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true)) gz.Write(data);
        return buffer.ToArray();
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        _hits.AddOrUpdate(path, 1, static (_, n) => n + 1);
        var headers = context.Request.Headers;
        Requests.Enqueue((path, headers.UserAgent.ToString(), headers.IfNoneMatch.ToString(), headers.IfModifiedSince.ToString(), DateTimeOffset.UtcNow));
        if (_routes.TryGetValue(path, out var handler))
        {
            try
            {
                await handler(context);
            }
            catch (OperationCanceledException)
            {
                // The client gave up (a timeout under test): nothing to answer.
            }
            return;
        }
        context.Response.StatusCode = 404;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await _app.StopAsync(stop.Token);
            await _app.DisposeAsync();
        }
    }
}
