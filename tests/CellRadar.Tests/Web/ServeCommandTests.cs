using CellRadar.Web;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CellRadar.Tests.Web;

/// <summary><c>serve</c> over a team's PostgreSQL store: the same pages and API as over a SQLite file.</summary>
public sealed class ServeCommandTests : IDisposable
{
    private readonly PostgresTestDatabase _postgres = new("cellradar_serve_");

    public void Dispose() => _postgres.Dispose();

    [PostgresFact]
    public async Task Pages_and_api_answer_from_a_postgresql_store_with_the_seeds_facts()
    {
        var db = _postgres.ConnectionString;
        var ingest = CliRun.Run("ingest", Seeds.Folder, "--db", db);
        Assert.True(ingest.ExitCode == 0, ingest.Out + ingest.Error);

        await using var app = WebHost.Build(new ServeSettings
        {
            DatabasePath = db,
            Urls = "http://127.0.0.1:0",
            Access = WriteAccessPolicy.For("http://127.0.0.1:0", null),
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri(address + "/") };

        // Each page reads several things from the store in one request: on PostgreSQL a nested read would fail here.
        foreach (var path in new[] { "", "map", "products/fucaso", "events", "search?q=fucaso", "api/events", "api/facts", "api/products/fucaso/status" })
        {
            using var response = await client.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"/{path}: {(int)response.StatusCode} {body}");
            Assert.Contains("equecabtagene", body, StringComparison.OrdinalIgnoreCase);
        }
        var status = await client.GetStringAsync("api/products/fucaso/status");
        Assert.Contains("\"CN\"", status, StringComparison.Ordinal);
        Assert.Contains("approved", status, StringComparison.Ordinal);
        await app.StopAsync();
    }
}
