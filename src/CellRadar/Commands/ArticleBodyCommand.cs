using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CellRadar.Core.Cleaning;
using CellRadar.Core.Errors;
using CellRadar.Core.Evaluation;
using CellRadar.Core.Reading;

namespace CellRadar.Commands;

/// <summary>
/// <c>cellradar article-body DIR</c>: scores the HTML reader's main-content extraction on a benchmark
/// folder (<c>ground-truth.json</c> plus <c>html/KEY.html.gz</c>) with the shingle metric of <see cref="ArticleBodyScorer"/>.
/// </summary>
internal static class ArticleBodyCommand
{
    public static Command Create(CliContext context)
    {
        var dir = new Argument<string>("DIR")
        {
            Description = "The benchmark folder: ground-truth.json ({KEY: {\"articleBody\": ...}}) and html/KEY.html.gz (or .html).",
        };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Print each page's precision, recall and F1 before the total." };
        var minF1 = new Option<double?>("--min-f1")
        {
            Description = "Exit 1 when the F1 is below this (0..1).",
            HelpName = "X",
            CustomParser = r => CommonOptions.Share(r, "--min-f1"),
        };
        var keys = new Option<string?>("--key-prefixes")
        {
            Description = "Score only pages whose key starts with one of these characters (e.g. 01234567 for a development half).",
            HelpName = "CHARS",
        };
        var cleaned = new Option<bool>("--cleaned") { Description = "Score the text after the cleaner, as extraction sees it, rather than the reader's text." };
        var command = new Command("article-body",
            "Score main-content extraction from web pages against a benchmark's hand-marked article bodies: 4-token " +
            "shingles, precision and recall averaged over pages, F1 from the averages. The last line reads " +
            "'article-body: precision P recall R f1 F pages N'.")
        {
            dir, verbose, minF1, keys, cleaned,
        };
        command.SetAction(parse => Run(parse.GetRequiredValue(dir), parse.GetValue(verbose), parse.GetValue(minF1),
            parse.GetValue(keys), parse.GetValue(cleaned), context));
        return command;
    }

    private static int Run(string dir, bool verbose, double? minF1, string? keyPrefixes, bool cleaned, CliContext context)
    {
        var truthPath = Path.Combine(dir, "ground-truth.json");
        var truth = LoadTruth(truthPath, out var error);
        if (truth is null)
        {
            context.Error.WriteLine(error!.ToString());
            return ExitCodes.Failed;
        }
        var scorer = new ArticleBodyScorer();
        var failed = 0;
        var source = new ItemSource();
        foreach (var (key, expected) in truth)
        {
            if (!string.IsNullOrEmpty(keyPrefixes) && (key.Length == 0 || keyPrefixes.IndexOf(key[0]) < 0)) continue;
            var page = PagePath(dir, key);
            var extracted = "";
            foreach (var result in source.Read([page]))
            {
                if (result.Error is { } e)
                {
                    context.Error.WriteLine(e.ToString());
                    failed++;
                    continue;
                }
                extracted = cleaned ? TextCleaner.Clean(result.Item!.Body) : result.Item!.Body;
            }
            var m = scorer.Add(expected, extracted);
            if (verbose)
            {
                context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{key}  precision {Show(m.Precision)} recall {Show(m.Recall)} f1 {m.F1:0.000}  chars {extracted.Length}/{expected.Length}"));
            }
        }
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"article-body: precision {scorer.Precision:0.000} recall {scorer.Recall:0.000} f1 {scorer.F1:0.000} pages {scorer.Pages}"));
        if (failed > 0) context.Error.WriteLine($"{failed} page(s) could not be read and scored as empty.");
        return minF1 is { } min && scorer.F1 < min ? ExitCodes.Failed : ExitCodes.Ok;
    }

    private static string Show(double? v) => v is { } x ? x.ToString("0.000", CultureInfo.InvariantCulture) : "  -  ";

    private static string PagePath(string dir, string key)
    {
        var gz = Path.Combine(dir, "html", key + ".html.gz");
        return File.Exists(gz) ? gz : Path.Combine(dir, "html", key + ".html");
    }

    /// <summary>The expected bodies by key, in key order (so runs and halves are reproducible).</summary>
    private static SortedDictionary<string, string>? LoadTruth(string path, out CellRadarError? error)
    {
        error = null;
        if (!File.Exists(path))
        {
            error = new(ErrorCode.GoldUnreadable, path, "no ground-truth.json in the benchmark folder");
            return null;
        }
        try
        {
            using var stream = File.OpenRead(path);
            using var doc = JsonDocument.Parse(stream);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                error = new(ErrorCode.GoldUnreadable, path, "expected an object {KEY: {\"articleBody\": ...}}");
                return null;
            }
            var truth = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                var body = p.Value.ValueKind == JsonValueKind.Object && p.Value.TryGetProperty("articleBody", out var b) && b.ValueKind == JsonValueKind.String
                    ? b.GetString()! : "";
                truth[p.Name] = body;
            }
            return truth;
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            error = new(ErrorCode.GoldUnreadable, path, ex.Message);
            return null;
        }
    }
}
