using System.CommandLine;
using CellRadar.Core.Fetching;

namespace CellRadar.Commands;

/// <summary>The options that shape fetching from the web, shared by <c>ingest</c> (URLs, <c>--feed</c>) and <c>watch</c>.</summary>
internal sealed class FetchOptionsFactory
{
    public Option<bool> AllowPrivate { get; } = new("--allow-private")
    {
        Description = "Also fetch from loopback, private and link-local addresses (off: a feed cannot point CellRadar at your own network).",
    };

    public Option<TimeSpan?> Timeout { get; } = new("--timeout")
    {
        Description = $"Time cap on each fetch attempt, body included. Default: {Durations.Format(FetchOptions.Default.Timeout)}.",
        CustomParser = r => Durations.Parse(r, "--timeout", allowZero: false),
        HelpName = "DURATION",
    };

    public Option<TimeSpan?> HostDelay { get; } = new("--host-delay")
    {
        Description = $"Least time between two requests to the same host. Default: {Durations.Format(FetchOptions.Default.PerHostDelay)}.",
        CustomParser = r => Durations.Parse(r, "--host-delay", allowZero: true),
        HelpName = "DURATION",
    };

    public IEnumerable<Option> All => [AllowPrivate, Timeout, HostDelay];

    public FetchOptions From(ParseResult parse) => FetchOptions.Default with
    {
        AllowPrivate = parse.GetValue(AllowPrivate),
        Timeout = parse.GetValue(Timeout) ?? FetchOptions.Default.Timeout,
        PerHostDelay = parse.GetValue(HostDelay) ?? FetchOptions.Default.PerHostDelay,
    };
}
