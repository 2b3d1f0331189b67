using System.Net.Http.Json;
using System.Text.Json;
using CellRadar.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CellRadar.Tests.Web;

/// <summary>
/// The app's own web host on real Kestrel at 127.0.0.1 and a free port, over a temp database into which the
/// bundled samples were ingested by the real <c>ingest</c> command.
/// </summary>
public class ServedApp : IAsyncLifetime, IDisposable
{
    private readonly TempFolder _temp = new();
    private WebApplication? _app;

    public HttpClient Client { get; private set; } = null!;

    public string Database => _temp.Database;

    /// <summary>The address policy as if the server were bound to this (the host still listens on loopback only).</summary>
    protected virtual string PolicyUrls => "http://127.0.0.1:0";

    protected virtual string? ApiKey => null;

    /// <summary>Whether the samples are ingested first (tests of write access need no data).</summary>
    protected virtual bool WithSamples => true;

    internal virtual long MaxRequestBytes => 64 * 1024;

    /// <summary>The samples folder copied beside the app at build time.</summary>
    public static string Samples => Path.Combine(AppContext.BaseDirectory, "samples");

    public async Task InitializeAsync()
    {
        if (WithSamples)
        {
            var ingest = CliRun.Run("ingest", Samples, "--db", Database);
            Assert.True(ingest.ExitCode == 0, ingest.Out + ingest.Error);
        }
        _app = WebHost.Build(new ServeSettings
        {
            DatabasePath = Database,
            Urls = "http://127.0.0.1:0",
            Access = WriteAccessPolicy.For(PolicyUrls, ApiKey),
            MaxRequestBytes = MaxRequestBytes,
        });
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Client = new HttpClient { BaseAddress = new Uri(address + "/") };
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    public void Dispose()
    {
        _temp.Dispose();
        GC.SuppressFinalize(this);
    }

    public async Task<JsonElement> GetJson(string path)
    {
        using var response = await Client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<JsonElement> Json(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).Clone();
}

/// <summary>The same app with its write policy taken from a non-loopback bind address and a configured key.</summary>
public sealed class ServedBeyondLoopback : ServedApp
{
    public const string Key = "s3cret-key-for-tests";

    protected override string PolicyUrls => "http://192.0.2.10:5080";

    protected override bool WithSamples => false;

    protected override string? ApiKey => Key;
}

/// <summary>Bound beyond loopback with no key configured: every write must be refused.</summary>
public sealed class ServedBeyondLoopbackWithoutKey : ServedApp
{
    protected override string PolicyUrls => "http://0.0.0.0:5080";

    protected override bool WithSamples => false;
}
