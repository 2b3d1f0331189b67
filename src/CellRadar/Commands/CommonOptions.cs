using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using CellRadar.Core.Reading;
using CellRadar.Storage;

namespace CellRadar.Commands;

/// <summary>Options and helpers several commands share, so they read and behave the same everywhere.</summary>
internal static class CommonOptions
{
    public static Option<string?> Database() => new("--db")
    {
        Description = "The database: a SQLite file, or a PostgreSQL connection string (\"Host=...;Database=...;Username=...\"). " +
            $"Default: ${StoreLocation.EnvironmentVariable} if set, else cellradar/cellradar.db in the user's data folder.",
        HelpName = "PATH|CONNSTR",
    };

    /// <summary>How many items are processed at once; results keep their input order whatever the number.</summary>
    public static Option<int?> Threads() => new("--threads")
    {
        Description = "Worker threads that clean and extract items in parallel (output order is kept). Default: the number of cores.",
        CustomParser = r => PositiveInt(r, "--threads"),
        HelpName = "N",
    };

    public static Option<int> Seed() => new("--seed")
    {
        Description = "Seed of the synthetic corpus; the same seed gives the same items.",
        DefaultValueFactory = _ => 1,
        HelpName = "S",
    };

    public static Argument<string[]> Paths(string description) => new("PATH")
    {
        Description = description,
        Arity = ArgumentArity.OneOrMore,
    };

    public const string PathsDescription =
        "Files or folders (read recursively) of news items: .txt, .md, .html, .json, .jsonl, feeds, any of them .gz; - reads standard input.";

    /// <summary>
    /// Parses a whole number of at least 1. A parser rather than a validator: validators also run on values
    /// that failed to convert, and reading such a value throws instead of reporting bad usage.
    /// </summary>
    public static int? PositiveInt(ArgumentResult result, string name)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1) return n;
        result.AddError($"{name} wants a whole number of at least 1, not '{text}'.");
        return null;
    }

    /// <summary>Parses a share between 0 and 1 (thresholds).</summary>
    public static double? Share(ArgumentResult result, string name)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v is >= 0 and <= 1) return v;
        result.AddError($"{name} wants a number between 0 and 1, not '{text}'.");
        return null;
    }

    public static Option<string?> Trust() => new("--trust")
    {
        Description = "A trust file (JSON: levels and host/source rules) used when events are reconciled into facts. Default: the built-in data/trust.json.",
        HelpName = "FILE",
    };

    /// <summary>
    /// Opens the store <c>--db</c> (or <c>CELLRADAR_DB</c>) names: a PostgreSQL server or a SQLite file; with
    /// <paramref name="trustFile"/>, facts are reconciled with that trust file (E301 when it is unreadable or wrong).
    /// </summary>
    public static IEventStore OpenStore(string? option, CliContext context, string? trustFile = null) =>
        StoreFactory.Open(option, context.Environment, context.Time,
            trustFile is null ? null : Core.Reconciliation.TrustPolicy.FromFile(trustFile));

    /// <summary>The store's location as shown to people (a connection string without its password).</summary>
    public static string DescribeStore(string? option, CliContext context) =>
        StoreFactory.Describe(StoreLocation.Resolve(option, context.Environment));

    /// <summary>Streams the items under <paramref name="paths"/>; standard input is opened only when <c>-</c> is given.</summary>
    public static IEnumerable<ReadResult> ReadItems(string[] paths, CliContext context)
    {
        var stdin = Array.IndexOf(paths, "-") >= 0 ? context.OpenStandardInput() : null;
        return new ItemSource().Read(paths, stdin);
    }
}
