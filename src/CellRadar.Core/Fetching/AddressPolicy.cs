using System.Net;
using System.Net.Sockets;

namespace CellRadar.Core.Fetching;

/// <summary>
/// Tells addresses on the public internet from those a feed must never make CellRadar reach: loopback,
/// private (RFC 1918, carrier-grade NAT), link-local (cloud metadata lives there), unique-local, multicast,
/// unspecified, reserved and documentation ranges, IPv4 and IPv6 alike, with IPv4 addresses hidden inside IPv6
/// (mapped, compatible, NAT64, 6to4) judged as the IPv4 address they carry.
/// </summary>
public static class AddressPolicy
{
    /// <summary>True when <paramref name="address"/> is an ordinary public unicast address.</summary>
    public static bool IsPublic(IPAddress address) => Refusal(address) is null;

    /// <summary>Why the address is refused ("loopback", "private", ...), or null for a public address.</summary>
    public static string? Refusal(IPAddress address)
    {
        if (address.AddressFamily == AddressFamily.InterNetwork) return RefusalV4(address.GetAddressBytes());
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return "not an internet address";
        var b = address.GetAddressBytes();
        if (address.IsIPv4MappedToIPv6) return RefusalV4(b.AsSpan(12, 4));
        if (b.AsSpan(0, 15).IndexOfAnyExcept((byte)0) < 0) return b[15] switch { 0 => "unspecified", 1 => "loopback", _ => "reserved" };
        // ::a.b.c.d (deprecated IPv4-compatible form).
        if (b.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0) return RefusalV4(b.AsSpan(12, 4)) ?? "reserved";
        // 64:ff9b::/96 NAT64 carries an IPv4 address in its last four bytes.
        if (b is [0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0, ..]) return RefusalV4(b.AsSpan(12, 4));
        // 2002::/16 6to4 carries one in bytes 2..5.
        if (b[0] == 0x20 && b[1] == 0x02) return RefusalV4(b.AsSpan(2, 4));
        if (b[0] == 0xff) return "multicast";
        if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80) return "link-local";
        if (b[0] == 0xfe && (b[1] & 0xc0) == 0xc0) return "site-local";
        if ((b[0] & 0xfe) == 0xfc) return "unique-local (private)";
        if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8) return "documentation";
        if (b[0] == 0x01 && b.AsSpan(1, 7).IndexOfAnyExcept((byte)0) < 0) return "discard-only";
        return null;
    }

    private static string? RefusalV4(ReadOnlySpan<byte> a) => a[0] switch
    {
        0 => "unspecified",
        10 => "private",
        127 => "loopback",
        100 when (a[1] & 0xc0) == 64 => "shared (carrier-grade NAT)",
        169 when a[1] == 254 => "link-local",
        172 when (a[1] & 0xf0) == 16 => "private",
        192 when a[1] == 168 => "private",
        192 when a[1] == 0 && a[2] is 0 or 2 => a[2] == 0 ? "reserved" : "documentation",
        198 when (a[1] & 0xfe) == 18 => "benchmarking",
        198 when a[1] == 51 && a[2] == 100 => "documentation",
        203 when a[1] == 0 && a[2] == 113 => "documentation",
        >= 224 and <= 239 => "multicast",
        >= 240 => "reserved or broadcast",
        _ => null,
    };
}
