using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace CellRadar.Web;

/// <summary>
/// Who may write (POST, PUT, PATCH, DELETE). Bound to loopback addresses only, the machine's own users may;
/// bound to any other address, a request must carry the API key (<c>CELLRADAR_API_KEY</c>), and with no key
/// configured every write is refused.
/// </summary>
public sealed class WriteAccessPolicy
{
    public const string EnvironmentVariable = "CELLRADAR_API_KEY";
    public const string HeaderName = "X-Api-Key";
    public const string FormField = "api_key";

    private readonly byte[]? _keyHash;

    private WriteAccessPolicy(bool requiresKey, string? key)
    {
        RequiresKey = requiresKey;
        _keyHash = string.IsNullOrEmpty(key) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(key));
    }

    /// <summary>True when writes need the key: some address the server listens on is not a loopback one.</summary>
    public bool RequiresKey { get; }

    /// <summary>True when a key is needed and none is configured, so nothing can be written.</summary>
    public bool WritesDisabled => RequiresKey && _keyHash is null;

    /// <summary>The policy for a server bound to <paramref name="urls"/> (Kestrel's URL syntax, <c>;</c>-separated).</summary>
    public static WriteAccessPolicy For(string urls, string? key)
    {
        var beyondLoopback = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Any(u => !IsLoopbackUrl(u));
        return new WriteAccessPolicy(beyondLoopback, key);
    }

    /// <summary>
    /// True for <c>localhost</c> and loopback IP addresses. Wildcards (<c>*</c>, <c>+</c>, <c>0.0.0.0</c>, <c>[::]</c>),
    /// other addresses and host names are not: they may accept connections from other machines.
    /// </summary>
    public static bool IsLoopbackUrl(string url)
    {
        var rest = url;
        var scheme = rest.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0) rest = rest[(scheme + 3)..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0) rest = rest[..slash];
        string host;
        if (rest.StartsWith('['))
        {
            var close = rest.IndexOf(']', StringComparison.Ordinal);
            if (close < 0) return false;
            host = rest[1..close];
        }
        else
        {
            var colon = rest.LastIndexOf(':');
            host = colon >= 0 ? rest[..colon] : rest;
        }
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase)) return true;
        return IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address);
    }

    /// <summary>Whether a write with this key (null when the request has none) may proceed.</summary>
    public bool Allows(string? presentedKey)
    {
        if (!RequiresKey) return true;
        if (_keyHash is null || string.IsNullOrEmpty(presentedKey)) return false;
        // Hashes have one length whatever the key's, and FixedTimeEquals takes the same time wherever they differ.
        return CryptographicOperations.FixedTimeEquals(_keyHash, SHA256.HashData(Encoding.UTF8.GetBytes(presentedKey)));
    }
}
