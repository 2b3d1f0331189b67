using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using CellRadar.Core.Errors;

namespace CellRadar.Core.Fetching;

/// <summary>
/// Fetches web pages and feeds without becoming a tool against its user. Every connection is checked where
/// it is made: the host is resolved there and only allowed addresses are dialled, so neither a hostile URL,
/// a redirect nor DNS rebinding (a name that resolves to a public address when checked and a private one
/// when used) reaches the local network. Redirects are followed by hand (at most
/// <see cref="FetchOptions.MaxRedirects"/>, http and https only, each hop checked the same way). Bodies are
/// read as a stream and decompressed here, counting the decompressed bytes, so neither a large page nor a
/// gzip bomb gets past <see cref="FetchOptions.MaxBytes"/>. Server errors, 429 and timeouts are retried
/// with exponential backoff and jitter; requests to one host are spaced by <see cref="FetchOptions.PerHostDelay"/>.
/// Failures are results with stable codes (E120-E124), never exceptions; only cancellation throws.
/// </summary>
public sealed class SafeFetcher : IDisposable
{
    private readonly HttpClient _client;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, DateTimeOffset> _nextRequest = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _hostsLock = new();

    public SafeFetcher(FetchOptions? options = null, TimeProvider? time = null)
    {
        Options = options ?? FetchOptions.Default;
        _time = time ?? TimeProvider.System;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            // Decompressed here, with the size cap applied to what comes out.
            AutomaticDecompression = DecompressionMethods.None,
            // A proxy would be dialled instead of the host, and the address check would judge the proxy.
            UseProxy = false,
            UseCookies = false,
            ConnectTimeout = Options.Timeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectCallback = ConnectAsync,
        };
        _client = new HttpClient(handler, disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
    }

    public FetchOptions Options { get; }

    /// <summary>
    /// Fetches <paramref name="url"/>, sending <paramref name="validators"/> as If-None-Match / If-Modified-Since
    /// when given. Throws only <see cref="OperationCanceledException"/> when <paramref name="cancel"/> fires.
    /// </summary>
    public async Task<FetchResult> FetchAsync(Uri url, HttpValidators? validators = null, CancellationToken cancel = default)
    {
        var requests = 0;
        for (var attempt = 0; ; attempt++)
        {
            var (result, retryAfter) = await FetchOnceAsync(url, validators, cancel).ConfigureAwait(false);
            requests += result.Requests;
            if (!result.Transient || attempt >= Options.MaxRetries) return result with { Requests = requests };
            await Task.Delay(Backoff(attempt, retryAfter), _time, cancel).ConfigureAwait(false);
        }
    }

    public void Dispose() => _client.Dispose();

    /// <summary>Base delay doubled per attempt, times a random factor in [0.5, 1.5); a server's Retry-After wins, within bounds.</summary>
    private TimeSpan Backoff(int attempt, TimeSpan? retryAfter)
    {
        if (retryAfter is { } wait) return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > Options.MaxRetryAfter ? Options.MaxRetryAfter : wait;
        var factor = Math.Pow(2, attempt) * (0.5 + Random.Shared.NextDouble());
        return TimeSpan.FromTicks((long)(Options.RetryBaseDelay.Ticks * factor));
    }

    /// <summary>One attempt: the request and its redirects.</summary>
    private async Task<(FetchResult Result, TimeSpan? RetryAfter)> FetchOnceAsync(Uri url, HttpValidators? validators, CancellationToken cancel)
    {
        var current = url;
        var hops = new List<Uri>();
        for (var requests = 1; ; requests++)
        {
            if (Refuse(url, current) is { } refused) return (refused with { Requests = requests - 1 }, null);
            await WaitForHostAsync(current, cancel).ConfigureAwait(false);

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            timeout.CancelAfter(Options.Timeout);
            using var request = new HttpRequestMessage(HttpMethod.Get, current);
            request.Headers.TryAddWithoutValidation("User-Agent", Options.UserAgent);
            request.Headers.TryAddWithoutValidation("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/html;q=0.9, text/*;q=0.8, */*;q=0.5");
            request.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip, deflate, br");
            if (validators is { } v)
            {
                if (!string.IsNullOrEmpty(v.ETag)) request.Headers.TryAddWithoutValidation("If-None-Match", v.ETag);
                if (!string.IsNullOrEmpty(v.LastModified)) request.Headers.TryAddWithoutValidation("If-Modified-Since", v.LastModified);
            }

            HttpResponseMessage response;
            try
            {
                response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
            {
                return (TimedOut(url, current, requests), null);
            }
            catch (HttpRequestException ex) when (Find<AddressRefusedException>(ex) is { } refusal)
            {
                return (Failure(url, ErrorCode.FetchRefused, Via(url, current) + refusal.Message + "; pass --allow-private to allow it", requests, transient: false), null);
            }
            catch (HttpRequestException ex)
            {
                var why = Find<SocketException>(ex)?.Message ?? ex.Message;
                return (Failure(url, ErrorCode.FetchFailed, Via(url, current) + why, requests, transient: true), null);
            }

            using (response)
            {
                var status = (int)response.StatusCode;
                if (status is 301 or 302 or 303 or 307 or 308)
                {
                    if (response.Headers.Location is not { } location)
                        return (Failure(url, ErrorCode.FetchFailed, Via(url, current) + $"HTTP {status} without a Location header", requests, transient: false), null);
                    hops.Add(current);
                    var next = location.IsAbsoluteUri ? location : new Uri(current, location);
                    if (hops.Count > Options.MaxRedirects)
                        return (Failure(url, ErrorCode.TooManyRedirects, $"more than {Options.MaxRedirects} redirects: {Chain(hops, next)}", requests, transient: false), null);
                    if (next.Scheme != Uri.UriSchemeHttp && next.Scheme != Uri.UriSchemeHttps)
                        return (Failure(url, ErrorCode.FetchFailed, $"redirected to a {next.Scheme}: address, only http and https are followed", requests, transient: false), null);
                    current = next;
                    continue;
                }
                if (status == 304)
                {
                    return (new FetchResult { Status = FetchStatus.NotModified, Url = url, FinalUrl = current, Validators = validators ?? new(null, null), Requests = requests }, null);
                }
                if (status == 429 || status >= 500)
                {
                    return (Failure(url, ErrorCode.FetchFailed, Via(url, current) + $"HTTP {status} {response.ReasonPhrase}", requests, transient: true), RetryAfter(response));
                }
                if (status is < 200 or >= 300)
                {
                    return (Failure(url, ErrorCode.FetchFailed, Via(url, current) + $"HTTP {status} {response.ReasonPhrase}", requests, transient: false), null);
                }

                try
                {
                    var (body, error) = await ReadBodyAsync(response, url, timeout.Token).ConfigureAwait(false);
                    if (error is not null) return (new FetchResult { Status = FetchStatus.Failed, Url = url, FinalUrl = current, Error = error, Requests = requests }, null);
                    return (new FetchResult
                    {
                        Status = FetchStatus.Ok,
                        Url = url,
                        FinalUrl = current,
                        Body = body,
                        MediaType = response.Content.Headers.ContentType?.MediaType?.ToLowerInvariant(),
                        Validators = new(Header(response.Headers, "ETag"), Header(response.Content.Headers, "Last-Modified")),
                        Requests = requests,
                    }, null);
                }
                catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
                {
                    return (TimedOut(url, current, requests), null);
                }
                catch (Exception ex) when (ex is HttpRequestException or IOException)
                {
                    return (Failure(url, ErrorCode.FetchFailed, Via(url, current) + "the connection broke while reading: " + ex.Message, requests, transient: true), null);
                }
            }
        }
    }

    /// <summary>Reads the body through its content encodings, stopping as soon as the decompressed size passes the cap.</summary>
    private async Task<(ReadOnlyMemory<byte> Body, CellRadarError? Error)> ReadBodyAsync(HttpResponseMessage response, Uri url, CancellationToken cancel)
    {
        var cap = Options.MaxBytes;
        var subject = url.AbsoluteUri;
        if (response.Content.Headers.ContentLength is { } announced && announced > cap)
            return (default, new(ErrorCode.ResponseTooLarge, subject, $"the server announces {announced} bytes, the limit is {cap}"));

        var encodings = response.Content.Headers.ContentEncoding.Select(e => e.Trim().ToLowerInvariant()).Where(e => e is not ("identity" or "")).ToList();
        var raw = await response.Content.ReadAsStreamAsync(cancel).ConfigureAwait(false);
        Stream stream = raw;
        // Encodings are listed in the order they were applied, so they are undone last to first.
        for (var i = encodings.Count - 1; i >= 0; i--)
        {
            stream = encodings[i] switch
            {
                "gzip" or "x-gzip" => new GZipStream(stream, CompressionMode.Decompress),
                "deflate" => new ZLibStream(stream, CompressionMode.Decompress),
                "br" => new BrotliStream(stream, CompressionMode.Decompress),
                _ => null!,
            };
            if (stream is null)
            {
                await raw.DisposeAsync().ConfigureAwait(false);
                return (default, new(ErrorCode.FetchFailed, subject, $"unsupported Content-Encoding '{Shorten(encodings[i])}'"));
            }
        }

        await using (stream.ConfigureAwait(false))
        {
            var buffer = new byte[(int)Math.Min(cap + 1, 64 * 1024)];
            var length = 0;
            try
            {
                while (true)
                {
                    if (length == buffer.Length)
                    {
                        if (length > cap) break;
                        Array.Resize(ref buffer, (int)Math.Min(cap + 1, buffer.Length * 2L));
                    }
                    var n = await stream.ReadAsync(buffer.AsMemory(length), cancel).ConfigureAwait(false);
                    if (n == 0) break;
                    length += n;
                }
            }
            catch (InvalidDataException ex)
            {
                return (default, new(ErrorCode.FetchFailed, subject, $"the {string.Join('+', encodings)} body is corrupt: {ex.Message}"));
            }
            if (length > cap)
            {
                var how = encodings.Count > 0 ? $" after {string.Join('+', encodings)} decompression" : "";
                return (default, new(ErrorCode.ResponseTooLarge, subject, $"more than {cap} bytes{how}, the limit is {cap}"));
            }
            return (buffer.AsMemory(0, length), null);
        }
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "...";

    /// <summary>Refuses before any network use: schemes other than http(s), and address literals that are not allowed.</summary>
    private FetchResult? Refuse(Uri url, Uri current)
    {
        if (current.Scheme != Uri.UriSchemeHttp && current.Scheme != Uri.UriSchemeHttps)
            return Failure(url, ErrorCode.FetchFailed, $"only http and https addresses are fetched, not {current.Scheme}:", 0, transient: false);
        if (IPAddress.TryParse(current.IdnHost, out var literal) && !Allowed(literal))
            return Failure(url, ErrorCode.FetchRefused,
                Via(url, current) + $"{literal} is a {AddressPolicy.Refusal(literal)} address; pass --allow-private to allow it", 0, transient: false);
        return null;
    }

    private bool Allowed(IPAddress address) =>
        Options.AllowPrivate || AddressPolicy.IsPublic(address) || (Options.AllowAddress?.Invoke(address) ?? false);

    /// <summary>Resolves the host and dials only allowed addresses: the check and the use see the same answer.</summary>
    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancel)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancel).ConfigureAwait(false);
        var allowed = addresses.Where(Allowed).ToArray();
        if (allowed.Length == 0) throw new AddressRefusedException(host, addresses);
        Exception? last = null;
        foreach (var address in allowed)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancel).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                last = ex;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
        throw last!;
    }

    /// <summary>Waits until this host may be asked again, and books the next slot.</summary>
    private async Task WaitForHostAsync(Uri url, CancellationToken cancel)
    {
        if (Options.PerHostDelay <= TimeSpan.Zero) return;
        var key = url.IdnHost + ":" + url.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        TimeSpan wait;
        lock (_hostsLock)
        {
            var now = _time.GetUtcNow();
            var slot = _nextRequest.TryGetValue(key, out var next) && next > now ? next : now;
            _nextRequest[key] = slot + Options.PerHostDelay;
            wait = slot - now;
        }
        if (wait > TimeSpan.Zero) await Task.Delay(wait, _time, cancel).ConfigureAwait(false);
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta) return delta;
        if (header?.Date is { } date) return date - DateTimeOffset.UtcNow;
        return null;
    }

    private static string? Header(HttpHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static T? Find<T>(Exception ex) where T : Exception
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
            if (e is T found) return found;
        return null;
    }

    private FetchResult TimedOut(Uri url, Uri current, int requests) =>
        Failure(url, ErrorCode.FetchTimedOut, Via(url, current) + $"no complete answer within {Options.Timeout.TotalSeconds:0.#} s", requests, transient: true);

    private static FetchResult Failure(Uri url, ErrorCode code, string detail, int requests, bool transient) => new()
    {
        Status = FetchStatus.Failed,
        Url = url,
        Error = new CellRadarError(code, url.AbsoluteUri, detail),
        Transient = transient,
        Requests = requests,
    };

    /// <summary>"via https://b/: " when the failing request was a redirect target, so the message names where it failed.</summary>
    private static string Via(Uri url, Uri current) => current == url ? "" : $"at {current.AbsoluteUri} (redirected): ";

    private static string Chain(List<Uri> hops, Uri next) =>
        string.Join(" -> ", hops.Select(h => h.AbsolutePath).Append(next.AbsoluteUri));
}
