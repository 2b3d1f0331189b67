using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CellRadar.Web;

namespace CellRadar.Tests.Web;

/// <summary>Which bind addresses count as loopback, and that the key is checked exactly.</summary>
public sealed class WriteAccessPolicyTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("http://127.8.9.10:80", true)]
    [InlineData("http://localhost:5080", true)]
    [InlineData("http://[::1]:5080", true)]
    [InlineData("http://0.0.0.0:5080", false)]
    [InlineData("http://[::]:5080", false)]
    [InlineData("http://*:5080", false)]
    [InlineData("http://+:5080", false)]
    [InlineData("http://192.168.1.20:5080", false)]
    [InlineData("http://dashboard.example.org:80", false)]
    [InlineData("https://localhost.example.org", false)]
    public void Only_loopback_addresses_and_localhost_count_as_loopback(string url, bool loopback) =>
        Assert.Equal(loopback, WriteAccessPolicy.IsLoopbackUrl(url));

    [Fact]
    public void One_address_beyond_loopback_in_a_list_makes_writes_need_the_key()
    {
        Assert.False(WriteAccessPolicy.For("http://127.0.0.1:5080;http://localhost:5081", null).RequiresKey);
        Assert.True(WriteAccessPolicy.For("http://127.0.0.1:5080;http://0.0.0.0:5081", "k").RequiresKey);
    }

    [Fact]
    public void Only_the_exact_key_is_accepted()
    {
        var policy = WriteAccessPolicy.For("http://0.0.0.0:5080", "correct horse");
        Assert.True(policy.Allows("correct horse"));
        Assert.False(policy.Allows("correct hors"));
        Assert.False(policy.Allows("correct horse "));
        Assert.False(policy.Allows("CORRECT HORSE"));
        Assert.False(policy.Allows(""));
        Assert.False(policy.Allows(null));
    }

    [Fact]
    public void Without_a_key_a_server_beyond_loopback_accepts_no_write()
    {
        var policy = WriteAccessPolicy.For("http://0.0.0.0:5080", null);
        Assert.True(policy.WritesDisabled);
        Assert.False(policy.Allows("anything"));
        Assert.False(policy.Allows(null));
    }
}

/// <summary>A server whose configured bind address is beyond loopback, over real HTTP.</summary>
public sealed class BeyondLoopbackTests(ServedBeyondLoopback served) : IClassFixture<ServedBeyondLoopback>
{
    private static StringContent Item() => new("title: A note\n\nHealth Canada approved Kymriah for lymphoma.\n", Encoding.UTF8, "text/plain");

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task A_write_without_the_right_key_is_a_401_problem(string? key)
    {
        var before = (await served.GetJson("api/events")).GetProperty("items").GetArrayLength();
        foreach (var method in new[] { HttpMethod.Post, HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch })
        {
            using var request = new HttpRequestMessage(method, "api/items") { Content = Item() };
            if (key is not null) request.Headers.Add(WriteAccessPolicy.HeaderName, key);
            using var response = await served.Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            var problem = await ServedApp.Json(response);
            Assert.Equal("urn:cellradar:error:E403", problem.GetProperty("type").GetString());
            Assert.Equal("API key required", problem.GetProperty("title").GetString());
        }
        Assert.Equal(before, (await served.GetJson("api/events")).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task The_ingest_form_without_the_key_is_refused_too()
    {
        using var form = new MultipartFormDataContent { { new StringContent("Health Canada approved Kymriah."), "text" }, { new StringContent("save"), "action" } };
        using var response = await served.Client.PostAsync("ingest", form);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_write_with_the_key_goes_through_and_reads_need_none()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/items") { Content = Item() };
        request.Headers.Add(WriteAccessPolicy.HeaderName, ServedBeyondLoopback.Key);
        using var response = await served.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.NotEmpty((await served.GetJson("api/events")).GetProperty("items").EnumerateArray());
    }
}

/// <summary>Bound beyond loopback with no key configured.</summary>
public sealed class BeyondLoopbackWithoutKeyTests(ServedBeyondLoopbackWithoutKey served) : IClassFixture<ServedBeyondLoopbackWithoutKey>
{
    [Fact]
    public async Task Every_write_is_refused_whatever_key_is_sent()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/items?preview=true")
        {
            Content = new StringContent("Health Canada approved Kymriah.", Encoding.UTF8, "text/plain"),
        };
        request.Headers.Add(WriteAccessPolicy.HeaderName, "guess");
        using var response = await served.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(WriteAccessPolicy.EnvironmentVariable, (await ServedApp.Json(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        using var read = await served.Client.GetAsync("api/events");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }
}
