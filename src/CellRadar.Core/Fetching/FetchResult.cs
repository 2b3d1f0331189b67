using CellRadar.Core.Errors;

namespace CellRadar.Core.Fetching;

/// <summary>The validators a server gave for a resource, sent back on the next request (conditional GET).</summary>
public sealed record HttpValidators(string? ETag, string? LastModified)
{
    public bool IsEmpty => string.IsNullOrEmpty(ETag) && string.IsNullOrEmpty(LastModified);
}

public enum FetchStatus
{
    /// <summary>A body came back (2xx).</summary>
    Ok,
    /// <summary>304: the resource has not changed since the validators were given.</summary>
    NotModified,
    Failed,
}

/// <summary>What fetching one URL gave: the body and its metadata, "not modified", or the error.</summary>
public sealed record FetchResult
{
    public required FetchStatus Status { get; init; }

    /// <summary>The URL asked for.</summary>
    public required Uri Url { get; init; }

    /// <summary>The URL the body came from, after redirects.</summary>
    public Uri? FinalUrl { get; init; }

    public ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>The media type without parameters (<c>text/html</c>), lower case, or null.</summary>
    public string? MediaType { get; init; }

    public HttpValidators Validators { get; init; } = new(null, null);

    public CellRadarError? Error { get; init; }

    /// <summary>True for failures worth trying again later (server errors, timeouts, dropped connections).</summary>
    public bool Transient { get; init; }

    /// <summary>How many requests were made, retries and redirects included.</summary>
    public int Requests { get; init; }
}
