using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using CellRadar.Benchmarking;
using CellRadar.Core.Errors;

namespace CellRadar.Commands;

/// <summary><c>cellradar bench</c>: throughput and memory of clean + extract and of ingest over synthetic corpora.</summary>
internal static class BenchCommand
{
    public static Command Create(CliContext context)
    {
        var items = new Option<int[]>("--items")
        {
            Description = "Corpus sizes to measure, comma-separated, smallest first (k and M suffixes allowed: 10k,100k,1M).",
            DefaultValueFactory = _ => [10_000, 100_000],
            CustomParser = ParseSizes,
            HelpName = "N,N...",
        };
        var seed = CommonOptions.Seed();
        var db = new Option<string?>("--db")
        {
            Description = "Folder for the benchmark databases (bench-N.db, one fresh file per size, kept). Default: a temporary folder, deleted afterwards.",
            HelpName = "DIR",
        };
        var threads = CommonOptions.Threads();
        var batchSize = new Option<int?>("--batch-size")
        {
            Description = "Items stored per database transaction, as for ingest.",
            DefaultValueFactory = _ => 256,
            CustomParser = r => CommonOptions.PositiveInt(r, "--batch-size"),
            HelpName = "N",
        };
        var components = new Option<bool>("--components")
        {
            Description = "Also time each pipeline component on one thread over the first size, to show where the time goes.",
        };
        var command = new Command("bench",
            "Measure speed and memory on a seeded synthetic corpus made on the fly: for each size, clean + extract with no " +
            "database (items/s, MB/s, MB/s per core, allocation per item) and ingest into a fresh SQLite file (items/s), " +
            "the peak working set and managed heap, how time grows between sizes, and the project's targets met or missed.")
        {
            items, seed, db, threads, batchSize, components,
        };
        command.SetAction(parse => Run(
            parse.GetValue(items) ?? [10_000, 100_000], parse.GetValue(seed), parse.GetValue(db),
            parse.GetValue(threads) ?? Environment.ProcessorCount, parse.GetValue(batchSize) ?? 256, parse.GetValue(components), context));
        return command;
    }

    private static int Run(int[] sizes, int seed, string? dbFolder, int threads, int batchSize, bool components, CliContext context)
    {
        var temporary = dbFolder is null;
        var folder = dbFolder ?? Directory.CreateTempSubdirectory("cellradar-bench-").FullName;
        try
        {
            Directory.CreateDirectory(folder);
            foreach (var size in sizes)
            {
                var path = DatabasePath(folder, size);
                if (File.Exists(path))
                {
                    context.Error.WriteLine(new CellRadarError(ErrorCode.BadUsage, path, "exists; bench measures ingest into a fresh database, so remove it or name another --db folder").ToString());
                    return ExitCodes.BadUsage;
                }
            }
            var runner = new BenchRunner(seed, threads, batchSize, context.Pipeline);
            var cores = Math.Min(threads, Environment.ProcessorCount);
            // The first items pay for JIT compilation and regex set-up; a short unreported run takes that out of the figures.
            var warmUp = Path.Combine(folder, "bench-warm-up.db");
            runner.Run(Math.Min(WarmUpItems, sizes[0]), warmUp);
            DeleteDatabase(warmUp);
            BenchReport.Header(context.Out, seed, threads, batchSize);
            var results = new List<SizeResult>();
            foreach (var size in sizes)
            {
                var result = runner.Run(size, DatabasePath(folder, size));
                results.Add(result);
                BenchReport.Row(context.Out, result, cores);
                context.Out.Flush();
            }
            BenchReport.Summary(context.Out, results, cores);
            if (components) BenchReport.Components(context.Out, sizes[0], runner.Components(sizes[0]));
            return ExitCodes.Ok;
        }
        finally
        {
            if (temporary) Directory.Delete(folder, recursive: true);
        }
    }

    private const int WarmUpItems = 500;

    private static void DeleteDatabase(string path)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            if (File.Exists(path + suffix)) File.Delete(path + suffix);
    }

    private static string DatabasePath(string folder, int size) => Path.Combine(folder, $"bench-{size.ToString(CultureInfo.InvariantCulture)}.db");

    private static int[] ParseSizes(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        var sizes = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var (digits, factor) = part[^1] switch
            {
                'k' or 'K' => (part[..^1], 1_000),
                'm' or 'M' => (part[..^1], 1_000_000),
                _ => (part, 1),
            };
            if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || (long)n * factor > int.MaxValue)
            {
                result.AddError($"--items wants sizes such as 10000,100k,1M, not '{part}'.");
                return [];
            }
            sizes.Add(n * factor);
        }
        if (sizes.Count == 0) result.AddError("--items wants at least one size.");
        return [.. sizes];
    }
}
