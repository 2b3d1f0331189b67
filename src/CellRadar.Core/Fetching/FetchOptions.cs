using System.Net;
using System.Reflection;

namespace CellRadar.Core.Fetching;

/// <summary>The limits and manners of <see cref="SafeFetcher"/>. The defaults suit polling news feeds.</summary>
public sealed record FetchOptions
{
    /// <summary>Where the project lives; named in the User-Agent so site owners can find out who is calling.</summary>
    public const string ProjectUrl = "https://github.com/cellradar/cellradar";

    /// <summary>Reach loopback, private, link-local... addresses too. Off: a feed must not point CellRadar at the user's own network.</summary>
    public bool AllowPrivate { get; init; }

    /// <summary>Individual addresses let through although not public (tests allow their own loopback server this way).</summary>
    public Func<IPAddress, bool>? AllowAddress { get; init; }

    /// <summary>The largest body accepted, after decompression.</summary>
    public long MaxBytes { get; init; } = 10L * 1024 * 1024;

    /// <summary>The time cap on one attempt: connecting, headers and the whole body.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    public int MaxRedirects { get; init; } = 5;

    /// <summary>Retries after the first attempt, on 5xx, 429, timeouts and dropped connections.</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>The first retry waits about this long, each next one twice as long (with jitter of ±50%).</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>A server's Retry-After is honoured up to this long; beyond it the wait is cut to this.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The least time between two requests to the same host.</summary>
    public TimeSpan PerHostDelay { get; init; } = TimeSpan.FromSeconds(1);

    public string UserAgent { get; init; } = DefaultUserAgent;

    /// <summary><c>CellRadar/0.1.0 (+https://...)</c>: the tool, its version and where to read about it.</summary>
    /// <remarks>Declared before <see cref="Default"/>: static initialisers run in order, and Default reads this.</remarks>
    public static string DefaultUserAgent { get; } = $"CellRadar/{Version()} (+{ProjectUrl})";

    public static FetchOptions Default { get; } = new();

    private static string Version()
    {
        var info = typeof(FetchOptions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = info.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? info : info[..plus];
    }
}
