using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using CellRadar.Core.Errors;
using CellRadar.Core.Fetching;
using Microsoft.AspNetCore.Http;

namespace CellRadar.Tests.Web;

/// <summary>The fetcher against a real server on 127.0.0.1: limits, redirects, retries, conditional GET and the address check.</summary>
public sealed class SafeFetcherTests : IAsyncLifetime
{
    private TestServer _server = null!;

    /// <summary>Loopback allowed (the test server lives there), no politeness delay, quick retries.</summary>
    private static readonly FetchOptions Loopback = FetchOptions.Default with
    {
        AllowPrivate = true,
        PerHostDelay = TimeSpan.Zero,
        RetryBaseDelay = TimeSpan.FromMilliseconds(20),
        Timeout = TimeSpan.FromSeconds(10),
    };

    public async Task InitializeAsync() => _server = await TestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<FetchResult> Fetch(string path, FetchOptions? options = null, HttpValidators? validators = null)
    {
        using var fetcher = new SafeFetcher(options ?? Loopback);
        return await fetcher.FetchAsync(_server.Url(path), validators);
    }

    [Fact]
    public async Task Loopback_is_refused_without_allow_private_and_no_request_reaches_it()
    {
        _server.MapText("/page", "text/html", "<p>hello</p>");
        var result = await Fetch("/page", Loopback with { AllowPrivate = false });
        Assert.Equal(FetchStatus.Failed, result.Status);
        Assert.Equal(ErrorCode.FetchRefused, result.Error!.Code);
        Assert.Contains("loopback", result.Error.Detail, StringComparison.Ordinal);
        Assert.Contains("--allow-private", result.Error.Detail, StringComparison.Ordinal);
        Assert.Equal(0, _server.Hits("/page"));
    }

    [Fact]
    public async Task A_host_name_that_resolves_to_loopback_is_refused_when_connecting()
    {
        _server.MapText("/page", "text/html", "<p>hello</p>");
        using var fetcher = new SafeFetcher(Loopback with { AllowPrivate = false });
        var result = await fetcher.FetchAsync(new Uri($"http://localhost:{_server.BaseUri.Port}/page"));
        Assert.Equal(ErrorCode.FetchRefused, result.Error!.Code);
        Assert.False(result.Transient);
        Assert.Equal(0, _server.Hits("/page"));
    }

    [Fact]
    public async Task A_page_comes_back_with_its_type_validators_and_a_user_agent_naming_the_tool()
    {
        _server.MapText("/story.html", "text/html; charset=utf-8", "<p>Story</p>", etag: "\"v1\"");
        var result = await Fetch("/story.html");
        Assert.Equal(FetchStatus.Ok, result.Status);
        Assert.Equal("text/html", result.MediaType);
        Assert.Equal("<p>Story</p>", System.Text.Encoding.UTF8.GetString(result.Body.Span));
        Assert.Equal("\"v1\"", result.Validators.ETag);
        var request = Assert.Single(_server.Requests);
        Assert.StartsWith("CellRadar/", request.UserAgent, StringComparison.Ordinal);
        Assert.Contains("(+http", request.UserAgent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stored_etag_gets_304_and_not_modified()
    {
        _server.MapText("/feed.xml", "application/rss+xml", "<rss/>", etag: "\"abc\"");
        var first = await Fetch("/feed.xml");
        var second = await Fetch("/feed.xml", validators: first.Validators);
        Assert.Equal(FetchStatus.NotModified, second.Status);
        Assert.Equal("\"abc\"", _server.Requests.Last().IfNoneMatch);
        Assert.True(second.Body.IsEmpty);
    }

    [Fact]
    public async Task Last_modified_is_sent_back_as_if_modified_since()
    {
        _server.Map("/dated", context =>
        {
            if (context.Request.Headers.IfModifiedSince.Count > 0) { context.Response.StatusCode = 304; return Task.CompletedTask; }
            context.Response.Headers.LastModified = "Wed, 11 Jun 2025 07:30:00 GMT";
            return context.Response.WriteAsync("body");
        });
        var first = await Fetch("/dated");
        Assert.Equal("Wed, 11 Jun 2025 07:30:00 GMT", first.Validators.LastModified);
        Assert.Equal(FetchStatus.NotModified, (await Fetch("/dated", validators: first.Validators)).Status);
        Assert.Equal("Wed, 11 Jun 2025 07:30:00 GMT", _server.Requests.Last().IfModifiedSince);
    }

    [Fact]
    public async Task A_response_slower_than_the_time_cap_is_E124_and_the_wait_is_bounded()
    {
        _server.Map("/slow", async context =>
        {
            await context.Response.WriteAsync("<p>start", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
        });
        var clock = Stopwatch.StartNew();
        var result = await Fetch("/slow", Loopback with { Timeout = TimeSpan.FromMilliseconds(400), MaxRetries = 1 });
        Assert.Equal(ErrorCode.FetchTimedOut, result.Error!.Code);
        Assert.True(result.Transient);
        // Two attempts of 0.4 s each and a short backoff: far below the server's 30 s.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), clock.Elapsed.ToString());
        Assert.Equal(2, _server.Hits("/slow"));
    }

    [Fact]
    public async Task Five_redirects_are_followed_and_a_sixth_is_E122()
    {
        for (var i = 1; i <= 6; i++) _server.MapRedirect($"/hop{i}", i == 6 ? "/end" : $"/hop{i + 1}");
        _server.MapText("/end", "text/plain", "arrived");
        var five = await Fetch("/hop2");
        Assert.Equal(FetchStatus.Ok, five.Status);
        Assert.Equal(_server.Url("/end"), five.FinalUrl);

        var six = await Fetch("/hop1");
        Assert.Equal(ErrorCode.TooManyRedirects, six.Error!.Code);
        Assert.Equal(2, _server.Hits("/hop2"));
        Assert.Equal(1, _server.Hits("/end"));
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/", "link-local")]
    [InlineData("http://10.1.2.3/admin", "private")]
    [InlineData("http://[::ffff:192.168.0.1]/", "private")]
    public async Task A_redirect_to_a_private_address_is_refused_before_connecting(string target, string why)
    {
        _server.MapRedirect("/jump", target);
        // Only this very server is allowed; everything else non-public stays refused.
        var options = Loopback with { AllowPrivate = false, AllowAddress = a => a.Equals(IPAddress.Loopback) };
        var result = await Fetch("/jump", options);
        Assert.Equal(ErrorCode.FetchRefused, result.Error!.Code);
        Assert.Contains(why, result.Error.Detail, StringComparison.Ordinal);
        Assert.Contains("redirected", result.Error.Detail, StringComparison.Ordinal);
        Assert.Equal(1, _server.Hits("/jump"));
    }

    [Fact]
    public async Task A_redirect_to_a_non_http_scheme_is_not_followed()
    {
        _server.MapRedirect("/to-file", "file:///etc/passwd");
        var result = await Fetch("/to-file");
        Assert.Equal(ErrorCode.FetchFailed, result.Error!.Code);
        Assert.Contains("file:", result.Error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_oversized_body_is_E123_whether_announced_or_streamed()
    {
        var big = new byte[300_000];
        Array.Fill(big, (byte)'a');
        _server.Map("/announced", context =>
        {
            context.Response.ContentLength = big.Length;
            return context.Response.Body.WriteAsync(big).AsTask();
        });
        _server.Map("/streamed", async context =>
        {
            // No Content-Length: chunked, so only counting while reading can catch it.
            for (var i = 0; i < 30; i++) await context.Response.Body.WriteAsync(big.AsMemory(0, 10_000), context.RequestAborted);
        });
        var options = Loopback with { MaxBytes = 100_000 };
        var announced = await Fetch("/announced", options);
        Assert.Equal(ErrorCode.ResponseTooLarge, announced.Error!.Code);
        Assert.Contains("announces 300000 bytes", announced.Error.Detail, StringComparison.Ordinal);
        var streamed = await Fetch("/streamed", options);
        Assert.Equal(ErrorCode.ResponseTooLarge, streamed.Error!.Code);
        Assert.Contains("more than 100000 bytes", streamed.Error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_gzip_bomb_stops_at_the_cap_and_a_small_gzip_body_is_decompressed()
    {
        // 200 MB of zeros compress to about 200 KB: small on the wire, huge if decompressed blindly.
        var bomb = TestServer.Gzip(new byte[200 * 1024 * 1024]);
        Assert.True(bomb.Length < 1024 * 1024);
        _server.Map("/bomb", context =>
        {
            context.Response.Headers.ContentEncoding = "gzip";
            context.Response.ContentType = "text/html";
            return context.Response.Body.WriteAsync(bomb).AsTask();
        });
        var small = TestServer.Gzip(TestServer.Utf8("<p>compressed page</p>"));
        _server.Map("/small", context =>
        {
            context.Response.Headers.ContentEncoding = "gzip";
            return context.Response.Body.WriteAsync(small).AsTask();
        });
        var before = GC.GetTotalAllocatedBytes();
        var result = await Fetch("/bomb", Loopback with { MaxBytes = 1_000_000 });
        Assert.Equal(ErrorCode.ResponseTooLarge, result.Error!.Code);
        Assert.Contains("after gzip decompression", result.Error.Detail, StringComparison.Ordinal);
        Assert.True(GC.GetTotalAllocatedBytes() - before < 50L * 1024 * 1024, "the bomb was decompressed far past the cap");

        var ok = await Fetch("/small");
        Assert.Equal("<p>compressed page</p>", System.Text.Encoding.UTF8.GetString(ok.Body.Span));
    }

    [Fact]
    public async Task Brotli_and_deflate_bodies_are_decompressed()
    {
        var text = TestServer.Utf8("<p>packed</p>");
        using var br = new MemoryStream();
        using (var s = new BrotliStream(br, CompressionLevel.Fastest, leaveOpen: true)) s.Write(text);
        using var zl = new MemoryStream();
        using (var s = new ZLibStream(zl, CompressionLevel.Fastest, leaveOpen: true)) s.Write(text);
        _server.Map("/br", c => { c.Response.Headers.ContentEncoding = "br"; return c.Response.Body.WriteAsync(br.ToArray()).AsTask(); });
        _server.Map("/deflate", c => { c.Response.Headers.ContentEncoding = "deflate"; return c.Response.Body.WriteAsync(zl.ToArray()).AsTask(); });
        Assert.Equal("<p>packed</p>", System.Text.Encoding.UTF8.GetString((await Fetch("/br")).Body.Span));
        Assert.Equal("<p>packed</p>", System.Text.Encoding.UTF8.GetString((await Fetch("/deflate")).Body.Span));
    }

    [Fact]
    public async Task A_server_error_is_retried_and_the_second_answer_used()
    {
        var calls = 0;
        _server.Map("/flaky", context =>
        {
            if (Interlocked.Increment(ref calls) == 1) { context.Response.StatusCode = 500; return Task.CompletedTask; }
            return context.Response.WriteAsync("<p>second time lucky</p>");
        });
        var result = await Fetch("/flaky");
        Assert.Equal(FetchStatus.Ok, result.Status);
        Assert.Equal(2, result.Requests);
        Assert.Equal(2, _server.Hits("/flaky"));
    }

    [Fact]
    public async Task Retries_stop_after_the_limit_and_the_failure_is_transient()
    {
        _server.Map("/down", context => { context.Response.StatusCode = 503; return Task.CompletedTask; });
        var result = await Fetch("/down", Loopback with { MaxRetries = 2 });
        Assert.Equal(ErrorCode.FetchFailed, result.Error!.Code);
        Assert.Contains("HTTP 503", result.Error.Detail, StringComparison.Ordinal);
        Assert.True(result.Transient);
        Assert.Equal(3, _server.Hits("/down"));
    }

    [Fact]
    public async Task Retry_after_is_honoured_within_its_bound()
    {
        var calls = 0;
        _server.Map("/busy", context =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                context.Response.StatusCode = 429;
                // An hour: far beyond the bound, so the wait is cut to MaxRetryAfter.
                context.Response.Headers.RetryAfter = "3600";
                return Task.CompletedTask;
            }
            return context.Response.WriteAsync("ok");
        });
        var clock = Stopwatch.StartNew();
        var result = await Fetch("/busy", Loopback with { MaxRetryAfter = TimeSpan.FromMilliseconds(300) });
        Assert.Equal(FetchStatus.Ok, result.Status);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(280), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_missing_page_is_not_retried()
    {
        var result = await Fetch("/nowhere");
        Assert.Equal(ErrorCode.FetchFailed, result.Error!.Code);
        Assert.Contains("HTTP 404", result.Error.Detail, StringComparison.Ordinal);
        Assert.False(result.Transient);
        Assert.Equal(1, _server.Hits("/nowhere"));
    }

    [Fact]
    public async Task Requests_to_one_host_are_spaced_by_the_per_host_delay()
    {
        _server.MapText("/a", "text/plain", "a");
        _server.MapText("/b", "text/plain", "b");
        using var fetcher = new SafeFetcher(Loopback with { PerHostDelay = TimeSpan.FromMilliseconds(400) });
        await fetcher.FetchAsync(_server.Url("/a"));
        await fetcher.FetchAsync(_server.Url("/b"));
        var times = _server.Requests.Select(r => r.At).ToArray();
        Assert.True(times[1] - times[0] >= TimeSpan.FromMilliseconds(350), (times[1] - times[0]).ToString());
    }
}
