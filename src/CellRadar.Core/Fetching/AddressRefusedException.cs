using System.Net;

namespace CellRadar.Core.Fetching;

/// <summary>
/// Thrown from the connect step when every address a host resolves to is refused by <see cref="AddressPolicy"/>.
/// An <see cref="IOException"/> so the HTTP stack wraps it as a connection failure; the fetcher unwraps it into E120.
/// </summary>
public sealed class AddressRefusedException(string host, IReadOnlyList<IPAddress> addresses)
    : IOException($"{host} resolves only to refused addresses: {Describe(addresses)}")
{
    public string Host { get; } = host;

    public IReadOnlyList<IPAddress> Addresses { get; } = addresses;

    private static string Describe(IReadOnlyList<IPAddress> addresses) =>
        addresses.Count == 0 ? "none" : string.Join(", ", addresses.Take(4).Select(a => $"{a} ({AddressPolicy.Refusal(a) ?? "not allowed"})"));
}
