using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using CellRadar.Core.Pipeline;

namespace CellRadar.Tests;

/// <summary>status, timeline, landscape, changes, export and report over real ingests into real SQLite files.</summary>
public sealed class ReconciliationCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>Runs a command with a fixed clock, so stored first-seen instants and logged changes do not depend on the run.</summary>
    private static CliResult RunAt(DateTimeOffset now, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext
        {
            Out = output,
            Error = error,
            Environment = _ => null,
            Pipeline = () => Pipelines.Default(),
            Time = new FixedClock(now),
        };
        var code = Cli.Run(args, context);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    private static readonly DateTimeOffset Noon = new(2025, 6, 2, 12, 0, 0, TimeSpan.Zero);

    private string IngestSeeds(string name = "seeds.db")
    {
        var db = Path.Combine(_temp.Path, name);
        var result = RunAt(Noon, ["ingest", "--db", db, .. Seeds.Items]);
        Assert.Equal(0, result.ExitCode);
        return db;
    }

    /// <summary>The market's row of the status table (the lines before "other facts:").</summary>
    private static string Row(CliResult result, string market) =>
        Assert.Single(result.OutLines.TakeWhile(l => l != "other facts:"), l => l.StartsWith(market + " ", StringComparison.Ordinal));

    [Fact]
    public void Status_of_fucaso_after_the_seeds_shows_each_market_with_its_stage_dates_and_sources()
    {
        var db = IngestSeeds();
        var result = RunAt(Noon, "status", "--db", db, "fucaso");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("equecabtagene autoleucel", result.OutLines[0]);

        var cn = Row(result, "CN");
        Assert.Matches(@"^CN\s+approved\s+2023-06-30\s", cn);
        Assert.Contains("002_4dd62c520702bac7", cn, StringComparison.Ordinal);
        Assert.Matches(@"^MO\s+approved\s+2025-03\s", Row(result, "MO"));
        var hk = Row(result, "HK");
        Assert.Matches(@"^HK\s+approved\s", hk);
        Assert.Contains("under review 2025-02-17 -> approved", hk, StringComparison.Ordinal);
        Assert.Contains("1+ mechanism (relies on CN)", hk, StringComparison.Ordinal);
        Assert.Matches(@"^SG\s+under review\s", Row(result, "SG"));
        Assert.Matches(@"^SA\s+under review\s", Row(result, "SA"));
        Assert.Contains(result.OutLines, l => l.StartsWith("HK gmp PIC/S", StringComparison.Ordinal));
        // Every alias resolves to the same table.
        Assert.Equal(result.Out, RunAt(Noon, "status", "--db", db, "CT103A").Out);
        Assert.Equal(result.Out, RunAt(Noon, "status", "--db", db, "eque-cel").Out);
    }

    [Fact]
    public void The_seeds_give_zevor_cel_its_us_designations_and_trial_authorisations()
    {
        var db = IngestSeeds();
        var result = RunAt(Noon, "export", "--db", db, "--what", "facts", "--format", "jsonl", "--product", "CT053");
        var keys = result.OutLines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("key").GetString()).ToList();
        Assert.Contains("zevorcabtagene autoleucel|designation|RMAT|US", keys);
        Assert.Contains("zevorcabtagene autoleucel|designation|OrphanDrug|US", keys);
        Assert.Contains("zevorcabtagene autoleucel|trial_authorization|trial-application|US", keys);
        Assert.Contains("zevorcabtagene autoleucel|designation|PRIME|EU", keys);
        Assert.Contains("zevorcabtagene autoleucel|trial_authorization|trial-application|CA", keys);
    }

    [Fact]
    public void Ingesting_the_same_items_in_shuffled_orders_gives_byte_identical_facts()
    {
        var files = Seeds.Items.Concat(Directory.GetFiles(SamplesFolder())).Order(StringComparer.Ordinal).ToArray();
        Assert.True(files.Length > 40);
        string? expected = null;
        foreach (var seed in new[] { 11, 23, 37 })
        {
            var random = new Random(seed);
            var order = files.OrderBy(_ => random.Next()).ToArray();
            var db = Path.Combine(_temp.Path, $"order-{seed}.db");
            // Small batches, so facts are merged incrementally across many transactions.
            Assert.Equal(0, RunAt(Noon, ["ingest", "--db", db, "--batch-size", "4", .. order]).ExitCode);
            var facts = RunAt(Noon, "export", "--db", db, "--what", "facts", "--format", "jsonl").Out;
            Assert.NotEmpty(facts);
            if (expected is null) expected = facts;
            else Assert.Equal(expected, facts);
        }
    }

    [Fact]
    public void The_timeline_keeps_partial_dates_partial_and_puts_undated_facts_last()
    {
        var db = IngestSeeds();
        var lines = RunAt(Noon, "timeline", "--db", db, "fucaso").OutLines.Skip(1).ToList();
        Assert.Contains(lines, l => l.StartsWith("2025-03  ", StringComparison.Ordinal) && l.Contains("MO", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("2025-03-01", StringComparison.Ordinal));
        var firstUndated = lines.FindIndex(l => l.StartsWith("undated", StringComparison.Ordinal));
        Assert.True(firstUndated > 0);
        Assert.All(lines.Skip(firstUndated), l => Assert.StartsWith("undated", l, StringComparison.Ordinal));
        var dates = lines.Take(firstUndated).Select(l => l[..l.IndexOf(' ', StringComparison.Ordinal)]).ToList();
        Assert.Equal(dates.Order(StringComparer.Ordinal), dates);
    }

    [Fact]
    public void The_landscape_lists_products_by_markets_and_filters_on_the_catalog()
    {
        var db = IngestSeeds();
        var all = RunAt(Noon, "landscape", "--db", db);
        var header = all.OutLines[0];
        foreach (var market in new[] { "CA", "CN", "EU", "HK", "MO", "SA", "SG", "US" }) Assert.Contains(market, header, StringComparison.Ordinal);
        Assert.Contains(all.OutLines, l => l.StartsWith("equecabtagene autoleucel", StringComparison.Ordinal) && l.Contains("approved 2023-06-30", StringComparison.Ordinal));
        Assert.Equal(2, RunAt(Noon, "landscape", "--db", db, "--target", "bcma", "--modality", "CAR-T").OutLines.Count(l => l.Contains("autoleucel", StringComparison.Ordinal)));
        Assert.Equal("no market statuses match", RunAt(Noon, "landscape", "--db", db, "--modality", "gene therapy").Out.Trim());
        var hk = RunAt(Noon, "landscape", "--db", db, "--jurisdiction", "HK");
        Assert.Matches(@"^product\s+HK$", hk.OutLines[0]);
        Assert.Single(hk.OutLines, l => l.Contains("autoleucel", StringComparison.Ordinal));
    }

    [Fact]
    public void Changes_since_a_date_are_an_atom_feed_a_reader_can_parse_with_one_entry_per_change()
    {
        var db = IngestSeeds();
        var text = RunAt(Noon, "changes", "--db", db, "--since", "2025-06-02");
        var count = int.Parse(text.OutLines[^1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(count > 10);
        Assert.Contains(text.OutLines, l => l.Contains("Status: equecabtagene autoleucel in HK: approved", StringComparison.Ordinal));
        Assert.Equal("0 change(s)", RunAt(Noon, "changes", "--db", db, "--since", "2025-06-03").Out.Trim());

        var feedPath = Path.Combine(_temp.Path, "changes.atom");
        Assert.Equal(0, RunAt(Noon, "changes", "--db", db, "--since", "2025", "--format", "atom", "--out", feedPath).ExitCode);
        var feed = XDocument.Load(feedPath);
        XNamespace atom = "http://www.w3.org/2005/Atom";
        Assert.Equal(atom + "feed", feed.Root!.Name);
        var entries = feed.Root.Elements(atom + "entry").ToList();
        Assert.Equal(count, entries.Count);
        Assert.Equal(entries.Count, entries.Select(e => e.Element(atom + "id")!.Value).Distinct().Count());
        Assert.All(entries, e => Assert.Equal("2025-06-02T12:00:00Z", e.Element(atom + "updated")!.Value));
    }

    [Fact]
    public void The_html_report_encodes_article_text_and_the_csv_export_guards_formulas()
    {
        var item = _temp.File("items/hk.txt", """
            title: Hong Kong clears Fucaso <script>alert(1)</script>
            published: 2025-03-18
            source: Test Wire

            The Department of Health in Hong Kong approved Fucaso (equecabtagene autoleucel) <script>alert(1)</script>, the BCMA-directed CAR-T from IASO Biotherapeutics, for adults with relapsed or refractory multiple myeloma.

            The company said the first patients could be treated in the territory within months.
            """);
        var db = Path.Combine(_temp.Path, "report.db");
        Assert.Equal(0, RunAt(Noon, "ingest", "--db", db, item).ExitCode);
        var html = RunAt(Noon, "report", "--db", db, "fucaso", "--format", "html").Out;
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("<td>HK</td><td>approved</td><td>2025-03-18</td>", html, StringComparison.Ordinal);
        var md = RunAt(Noon, "report", "--db", db, "eque-cel").Out;
        Assert.StartsWith("# equecabtagene autoleucel", md, StringComparison.Ordinal);
        Assert.Contains("| HK | approved | 2025-03-18 |", md, StringComparison.Ordinal);

        var csv = RunAt(Noon, "export", "--db", db, "--what", "facts", "--format", "csv").OutLines;
        Assert.StartsWith("key,product,kind,subtype,jurisdiction,status,decision_date", csv[0], StringComparison.Ordinal);
        Assert.Contains(csv, l => l.StartsWith("equecabtagene autoleucel|approval|marketing-application|HK,", StringComparison.Ordinal));
        var events = RunAt(Noon, "export", "--db", db, "--what", "events", "--format", "jsonl").OutLines;
        Assert.Equal("hk", JsonDocument.Parse(Assert.Single(events)).RootElement.GetProperty("item").GetString());
    }

    [Fact]
    public void Reconcile_rebuilds_the_facts_of_a_database_and_a_bad_trust_file_is_refused_by_name()
    {
        var db = IngestSeeds();
        var before = RunAt(Noon, "export", "--db", db, "--what", "facts").Out;
        var rebuilt = RunAt(Noon, "reconcile", "--db", db);
        Assert.Equal(0, rebuilt.ExitCode);
        Assert.StartsWith("reconciled: 0 fact(s) written", rebuilt.Out, StringComparison.Ordinal);
        Assert.Equal(before, RunAt(Noon, "export", "--db", db, "--what", "facts").Out);

        var trust = _temp.File("trust.json", """{ "levels": [] }""");
        var refused = RunAt(Noon, "reconcile", "--db", db, "--trust", trust);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("E301", refused.Error, StringComparison.Ordinal);
        Assert.Contains(trust, refused.Error, StringComparison.Ordinal);
    }

    private static string SamplesFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CellRadar.slnx"))) return Path.Combine(dir.FullName, "samples");
        }
        throw new DirectoryNotFoundException("No CellRadar.slnx above the test folder.");
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
