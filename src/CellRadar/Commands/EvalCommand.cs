using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CellRadar.Core.Errors;
using CellRadar.Core.Evaluation;
using CellRadar.Core.Model;
using CellRadar.Output;
using CellRadar.Processing;

namespace CellRadar.Commands;

/// <summary><c>cellradar eval</c>: run the pipeline on items and score its events against gold files.</summary>
internal static class EvalCommand
{
    public static Command Create(CliContext context)
    {
        var gold = new Option<string>("--gold")
        {
            Description = "Folder of gold files: DIR/<item>.jsonl, one event per line (EVENTS.md \"Gold files\").",
            HelpName = "DIR",
            Required = true,
        };
        var items = CommonOptions.Paths("The items to score: files or folders, read like ingest reads them.");
        var minF1 = Threshold("--min-f1", "Exit 1 when the overall F1 is below this (0..1).");
        var minDate = Threshold("--min-date-accuracy", "Exit 1 when the date accuracy is below this (0..1).");
        var format = new Option<string>("--format")
        {
            Description = "text (tables, then the misses, then a last line 'overall: ...' for scripts) or json.",
            DefaultValueFactory = _ => "text",
            HelpName = "FORMAT",
        };
        format.AcceptOnlyFromAmong("text", "json");
        var threads = CommonOptions.Threads();
        var command = new Command("eval",
            "Score the extractor against gold: precision, recall and F1 per event kind and overall (micro-averaged), " +
            "date accuracy on matched events, and every missed, false and wrongly dated event. No database is used. " +
            "Items without a gold file get warning E303 and are not scored; files inside the gold folder are never read as items.")
        {
            gold, items, minF1, minDate, format, threads,
        };
        command.SetAction(parse => Run(
            parse.GetRequiredValue(gold), parse.GetRequiredValue(items), parse.GetValue(minF1), parse.GetValue(minDate),
            parse.GetValue(format) ?? "text", parse.GetValue(threads) ?? Environment.ProcessorCount, context));
        return command;
    }

    private static Option<double?> Threshold(string name, string description)
    {
        return new Option<double?>(name)
        {
            Description = description,
            HelpName = "X",
            CustomParser = r => CommonOptions.Share(r, name),
        };
    }

    private static int Run(string goldDir, string[] paths, double? minF1, double? minDate, string format, int threads, CliContext context)
    {
        if (!Directory.Exists(goldDir))
        {
            context.Error.WriteLine(new CellRadarError(ErrorCode.PathNotFound, goldDir, "the --gold folder does not exist").ToString());
            return ExitCodes.BadUsage;
        }
        var pipelines = new ParallelPipeline(context.Pipeline, threads);
        var scorer = new EventScorer();
        var failed = 0;
        var goldPrefix = Path.GetFullPath(goldDir).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        // Gold files often sit inside the item folder (seeds/gold/*.jsonl): they are the answers, not items.
        var results = CommonOptions.ReadItems(paths, context).Where(r => !IsUnder(r.Item?.Origin ?? r.Error?.Subject, goldPrefix));
        // Workers extract only items that have a gold file; scoring and every message stay in input order.
        var processed = pipelines.Process(results, (r, p) =>
        {
            var goldPath = r.Item is { } item ? Path.Combine(goldDir, item.Id + ".jsonl") : "";
            return (Result: r, GoldPath: goldPath, Document: r.Item is { } i && File.Exists(goldPath) ? p.Process(i) : null);
        });
        foreach (var (result, goldPath, document) in processed)
        {
            if (result.Error is { } error)
            {
                context.Error.WriteLine(error.ToString());
                failed++;
                continue;
            }
            var item = result.Item!;
            if (document is null)
            {
                context.Error.WriteLine(new CellRadarError(ErrorCode.GoldMissing, item.Origin, $"no {goldPath}; not scored").ToString());
                continue;
            }
            var (goldEvents, goldError) = GoldFile.Read(goldPath);
            if (goldError is not null)
            {
                context.Error.WriteLine(goldError.ToString());
                failed++;
                continue;
            }
            scorer.Add(item.Id, goldEvents, document.Events);
        }
        var report = scorer.Report();
        if (format == "json") WriteJson(report, context.Out);
        else WriteText(report, context.Out);

        var below = false;
        // Thresholds judge the numbers as printed (3 decimals), so a shown 0.900 never fails --min-f1 0.9.
        if (minF1 is { } f && Math.Round(report.Overall.F1, 3) < f)
        {
            context.Error.WriteLine($"f1 {F(report.Overall.F1)} is below --min-f1 {F(f)}");
            below = true;
        }
        if (minDate is { } d && Math.Round(report.DateAccuracy, 3) < d)
        {
            context.Error.WriteLine($"date-accuracy {F(report.DateAccuracy)} is below --min-date-accuracy {F(d)}");
            below = true;
        }
        return below || failed > 0 ? ExitCodes.Failed : ExitCodes.Ok;
    }

    private static bool IsUnder(string? origin, string folderPrefix) =>
        origin is { Length: > 0 } && origin != "-"
        && Path.GetFullPath(origin).StartsWith(folderPrefix, StringComparison.Ordinal);

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>The last line of text output, which CI parses; its shape must not change.</summary>
    internal static string OverallLine(EvaluationReport r) =>
        string.Create(CultureInfo.InvariantCulture,
            $"overall: precision {F(r.Overall.Precision)} recall {F(r.Overall.Recall)} f1 {F(r.Overall.F1)} date-accuracy {F(r.DateAccuracy)} ({r.DatesCorrect}/{r.DatesScored}) items {r.Items}");

    private static void WriteText(EvaluationReport report, TextWriter output)
    {
        output.WriteLine($"{"kind",-20} {"gold",5} {"found",5} {"TP",5} {"FP",5} {"FN",5} {"precision",9} {"recall",7} {"F1",6}");
        foreach (var kind in EventKindNames.All)
        {
            var s = report.PerKind[kind];
            output.WriteLine(KindRow(kind.ToWire(), s));
        }
        output.WriteLine(KindRow("all", report.Overall));

        output.WriteLine();
        output.WriteLine($"missed ({report.Misses.Count}):");
        foreach (var m in report.Misses)
            output.WriteLine($"  {Cell(m.ItemId)}  {Describe(m.Gold.Product, m.Gold.Kind, m.Gold.Subtype, m.Gold.Jurisdiction, m.Gold.Date)}");
        output.WriteLine($"false ({report.FalseEvents.Count}):");
        foreach (var fe in report.FalseEvents)
        {
            var e = fe.Event;
            output.WriteLine($"  {Cell(fe.ItemId)}  {Describe(e.Product, e.Kind, e.Subtype, e.Jurisdiction, e.Date)}  evidence: \"{TerminalText.Cell(e.EvidenceText, 160)}\"");
        }
        output.WriteLine($"date errors ({report.DateErrors.Count}):");
        foreach (var de in report.DateErrors)
        {
            output.WriteLine($"  {Cell(de.ItemId)}  {Describe(de.Gold.Product, de.Gold.Kind, de.Gold.Subtype, de.Gold.Jurisdiction, null)}  " +
                $"gold {Date(de.Gold.Date)} found {Date(de.Event.Date)}");
        }
        output.WriteLine();
        output.WriteLine(OverallLine(report));
    }

    private static string KindRow(string name, KindScore s) => string.Create(CultureInfo.InvariantCulture,
        $"{name,-20} {s.TruePositives + s.FalseNegatives,5} {s.TruePositives + s.FalsePositives,5} {s.TruePositives,5} {s.FalsePositives,5} {s.FalseNegatives,5} {F(s.Precision),9} {F(s.Recall),7} {F(s.F1),6}");

    private static string Cell(string text) => TerminalText.Cell(text, 60);

    private static string Date(PartialDate? date) => date?.ToString() is { Length: > 0 } d ? d : "(none)";

    private static string Describe(string product, EventKind kind, string subtype, Jurisdiction jurisdiction, PartialDate? date)
    {
        var s = $"{Cell(product)} {kind.ToWire()}";
        if (subtype.Length > 0) s += $" {Cell(subtype)}";
        s += $" {jurisdiction.Code}";
        if (date is not null) s += $" {date}";
        return s;
    }

    private static void WriteJson(EvaluationReport report, TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            void Score(string name, KindScore s)
            {
                w.WriteStartObject(name);
                w.WriteNumber("gold", s.TruePositives + s.FalseNegatives);
                w.WriteNumber("found", s.TruePositives + s.FalsePositives);
                w.WriteNumber("tp", s.TruePositives);
                w.WriteNumber("fp", s.FalsePositives);
                w.WriteNumber("fn", s.FalseNegatives);
                w.WriteNumber("precision", Math.Round(s.Precision, 3));
                w.WriteNumber("recall", Math.Round(s.Recall, 3));
                w.WriteNumber("f1", Math.Round(s.F1, 3));
                w.WriteEndObject();
            }
            void Event(string item, string product, EventKind kind, string subtype, Jurisdiction j, PartialDate? date)
            {
                w.WriteString("item", item);
                w.WriteString("product", product);
                w.WriteString("kind", kind.ToWire());
                w.WriteString("subtype", subtype);
                w.WriteString("jurisdiction", j.Code ?? "");
                w.WriteString("date", date?.ToString() ?? "");
            }
            w.WriteStartObject();
            w.WriteNumber("items", report.Items);
            Score("overall", report.Overall);
            w.WriteNumber("date_accuracy", Math.Round(report.DateAccuracy, 3));
            w.WriteNumber("dates_correct", report.DatesCorrect);
            w.WriteNumber("dates_scored", report.DatesScored);
            w.WriteStartObject("kinds");
            foreach (var kind in EventKindNames.All) Score(kind.ToWire(), report.PerKind[kind]);
            w.WriteEndObject();
            w.WriteStartArray("missed");
            foreach (var m in report.Misses)
            {
                w.WriteStartObject();
                Event(m.ItemId, m.Gold.Product, m.Gold.Kind, m.Gold.Subtype, m.Gold.Jurisdiction, m.Gold.Date);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("false");
            foreach (var fe in report.FalseEvents)
            {
                w.WriteStartObject();
                Event(fe.ItemId, fe.Event.Product, fe.Event.Kind, fe.Event.Subtype, fe.Event.Jurisdiction, fe.Event.Date);
                w.WriteString("evidence", fe.Event.EvidenceText);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("date_errors");
            foreach (var de in report.DateErrors)
            {
                w.WriteStartObject();
                Event(de.ItemId, de.Gold.Product, de.Gold.Kind, de.Gold.Subtype, de.Gold.Jurisdiction, de.Gold.Date);
                w.WriteString("found_date", de.Event.Date?.ToString() ?? "");
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length));
    }
}
