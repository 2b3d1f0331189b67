using System.Reflection;
using System.Text.Json;
using CellRadar.Core.Errors;

namespace CellRadar.Core.Reconciliation;

/// <summary>
/// Trust levels of sources, from a JSON file (<c>data/trust.json</c> embedded, or the user's <c>--trust FILE</c>):
/// rules match a URL host (or any sub-domain of it) or a source name; the first match wins; anything else is the
/// lowest level. Also decides who the publisher of an item is, so reprints by one publisher count once.
/// </summary>
public sealed class TrustPolicy
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private static readonly Lazy<TrustPolicy> EmbeddedPolicy = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("CellRadar.Data.trust.json")
            ?? throw new InvalidDataException("trust.json is not embedded in this build.");
        return Load(stream, "trust.json (embedded)");
    });

    private readonly List<(string? Host, string? Source, TrustLevel Level)> _rules;

    private TrustPolicy(IReadOnlyList<TrustLevel> levels, int confirmedFromRank, List<(string?, string?, TrustLevel)> rules)
    {
        Levels = levels;
        ConfirmedFromRank = confirmedFromRank;
        _rules = rules;
        Unknown = levels.MinBy(l => l.Rank)!;
    }

    public static TrustPolicy Embedded => EmbeddedPolicy.Value;

    public IReadOnlyList<TrustLevel> Levels { get; }

    /// <summary>The level of a source no rule matches: the lowest rank in the file.</summary>
    public TrustLevel Unknown { get; }

    /// <summary>A fact from one independent source ranked below this is unconfirmed.</summary>
    public int ConfirmedFromRank { get; }

    /// <summary>Reads a trust file.</summary>
    /// <exception cref="CellRadarException">E301 naming the file and what is wrong with it.</exception>
    public static TrustPolicy FromFile(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return Load(stream, path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CellRadarException(new CellRadarError(ErrorCode.BadUsage, path, "cannot read the trust file: " + ex.Message), ex);
        }
    }

    public static TrustPolicy Load(Stream stream, string name)
    {
        TrustFile? file;
        try
        {
            file = JsonSerializer.Deserialize<TrustFile>(stream, JsonOptions);
        }
        catch (JsonException ex)
        {
            throw Bad(name, "not valid JSON: " + ex.Message, ex);
        }
        if (file is null || file.Levels.Count == 0) throw Bad(name, "no trust levels (\"levels\": [{name, rank, weight}])");
        var levels = new Dictionary<string, TrustLevel>(StringComparer.OrdinalIgnoreCase);
        foreach (var l in file.Levels)
        {
            if (string.IsNullOrWhiteSpace(l.Name)) throw Bad(name, "a level has no name");
            if (l.Weight is < 0 or > 1) throw Bad(name, $"level '{l.Name}' has weight {l.Weight}; weights are between 0 and 1");
            if (!levels.TryAdd(l.Name, new TrustLevel(l.Name, l.Rank, l.Weight))) throw Bad(name, $"level '{l.Name}' is defined twice");
        }
        var rules = new List<(string?, string?, TrustLevel)>(file.Rules.Count);
        foreach (var r in file.Rules)
        {
            if (!levels.TryGetValue(r.Level ?? "", out var level)) throw Bad(name, $"rule for '{r.Host ?? r.Source}' names unknown level '{r.Level}'");
            if (string.IsNullOrWhiteSpace(r.Host) == string.IsNullOrWhiteSpace(r.Source)) throw Bad(name, "each rule needs exactly one of host or source");
            rules.Add((r.Host?.Trim().ToLowerInvariant(), r.Source?.Trim(), level));
        }
        return new TrustPolicy([.. levels.Values.OrderByDescending(l => l.Rank)], file.ConfirmedFromRank, rules);
    }

    /// <summary>The trust level of an item from its URL and source name.</summary>
    public TrustLevel LevelOf(string? url, string? source)
    {
        var host = HostOf(url);
        foreach (var (ruleHost, ruleSource, level) in _rules)
        {
            if (ruleHost is not null && host is not null
                && (host == ruleHost || host.EndsWith("." + ruleHost, StringComparison.Ordinal))) return level;
            if (ruleSource is not null && source is not null && string.Equals(ruleSource, source.Trim(), StringComparison.OrdinalIgnoreCase)) return level;
        }
        return Unknown;
    }

    /// <summary>Who published an item: the URL's host without <c>www.</c>, else the source name in lower case, else empty.</summary>
    public static string PublisherOf(string? url, string? source) =>
        HostOf(url) ?? (string.IsNullOrWhiteSpace(source) ? "" : source.Trim().ToLowerInvariant());

    private static string? HostOf(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.Host.Length == 0) return null;
        var host = uri.IdnHost.ToLowerInvariant().TrimEnd('.');
        return host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
    }

    private static CellRadarException Bad(string name, string reason, Exception? inner = null) =>
        new(new CellRadarError(ErrorCode.BadUsage, name, "bad trust file: " + reason), inner);

    private sealed record TrustFile
    {
        public List<LevelEntry> Levels { get; init; } = [];
        public int ConfirmedFromRank { get; init; } = 2;
        public List<RuleEntry> Rules { get; init; } = [];
    }

    private sealed record LevelEntry(string Name, int Rank, double Weight);

    private sealed record RuleEntry(string? Host, string? Source, string? Level);
}
