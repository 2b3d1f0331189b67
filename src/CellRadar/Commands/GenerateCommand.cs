using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using CellRadar.Core.Errors;
using CellRadar.Core.Evaluation;
using CellRadar.Core.Model;
using CellRadar.Core.Synthetic;

namespace CellRadar.Commands;

/// <summary><c>cellradar generate</c>: write the seeded synthetic corpus, streaming, as JSONL or as files with gold.</summary>
internal static class GenerateCommand
{
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static Command Create(CliContext context)
    {
        var items = new Option<int?>("--items")
        {
            Description = "How many items to write.",
            DefaultValueFactory = _ => 1000,
            CustomParser = r => CommonOptions.PositiveInt(r, "--items"),
            HelpName = "N",
        };
        var seed = CommonOptions.Seed();
        var output = new Option<string>("--out")
        {
            Description = "A .jsonl file (one item per line, with its id), or a folder: one .txt per item with a header block, and the planted events in FOLDER/gold/<item>.jsonl.",
            HelpName = "DIR|FILE.jsonl",
            Required = true,
        };
        var gold = new Option<string?>("--gold")
        {
            Description = "With a .jsonl output: also write the planted events as gold files into this folder.",
            HelpName = "DIR",
        };
        var command = new Command("generate",
            "Write a synthetic corpus: made-up news items about real products, agencies and places from the reference catalog, " +
            "in several outlet layouts with page furniture, and the events planted in each (gold). The same seed gives the same " +
            "corpus byte for byte; items are written as they are made, so any size fits in memory.")
        {
            items, seed, output, gold,
        };
        command.SetAction(parse => Run(parse.GetValue(items) ?? 1000, parse.GetValue(seed), parse.GetRequiredValue(output), parse.GetValue(gold), context));
        return command;
    }

    private static int Run(int count, int seed, string output, string? goldDir, CliContext context)
    {
        var clock = Stopwatch.StartNew();
        var asJsonLines = output.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase);
        if (!asJsonLines && goldDir is not null)
        {
            context.Error.WriteLine(new CellRadarError(ErrorCode.BadUsage, "cellradar generate", "--gold is for .jsonl output; a folder output keeps its gold in FOLDER/gold").ToString());
            return ExitCodes.BadUsage;
        }
        long bytes = 0;
        var events = 0;
        try
        {
            var goldFolder = asJsonLines ? goldDir : Path.Combine(output, "gold");
            if (goldFolder is not null) Directory.CreateDirectory(goldFolder);
            if (asJsonLines)
            {
                if (Path.GetDirectoryName(Path.GetFullPath(output)) is { } parent) Directory.CreateDirectory(parent);
                using var file = new FileStream(output, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
                using var json = new Utf8JsonWriter(file, JsonOptions);
                foreach (var s in SyntheticCorpus.Generate(seed, count))
                {
                    WriteJsonLine(json, s.Item);
                    json.Flush();
                    json.Reset();
                    file.WriteByte((byte)'\n');
                    if (goldFolder is not null) WriteGold(Path.Combine(goldFolder, s.Item.Id + ".jsonl"), s.Gold);
                    events += s.Gold.Count;
                }
                bytes = file.Length;
            }
            else
            {
                Directory.CreateDirectory(output);
                foreach (var s in SyntheticCorpus.Generate(seed, count))
                {
                    var text = TextFile(s.Item);
                    File.WriteAllText(Path.Combine(output, s.Item.Id + ".txt"), text, Utf8);
                    WriteGold(Path.Combine(goldFolder!, s.Item.Id + ".jsonl"), s.Gold);
                    bytes += Utf8.GetByteCount(text);
                    events += s.Gold.Count;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine(new CellRadarError(ErrorCode.UnreadableFile, output, $"cannot write the corpus: {ex.Message}").ToString());
            return ExitCodes.Failed;
        }
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"generated {count} items ({bytes / 1e6:0.0} MB, {events} planted events) with seed {seed} into {output} in {clock.Elapsed.TotalSeconds:0.0} s"));
        return ExitCodes.Ok;
    }

    private static void WriteJsonLine(Utf8JsonWriter json, NewsItem item)
    {
        json.WriteStartObject();
        json.WriteString("id", item.Id);
        if (item.Title is not null) json.WriteString("title", item.Title);
        json.WriteString("text", item.Body);
        if (item.Url is not null) json.WriteString("url", item.Url);
        if (item.Published is { } p) json.WriteString("published", p.ToString());
        if (item.Source is not null) json.WriteString("source", item.Source);
        json.WriteEndObject();
    }

    /// <summary>The item as a .txt file: header block (title, url, published, source), blank line, body.</summary>
    internal static string TextFile(NewsItem item)
    {
        var sb = new StringBuilder(item.Body.Length + 256);
        if (item.Title is not null) sb.Append("title: ").Append(item.Title).Append('\n');
        if (item.Url is not null) sb.Append("url: ").Append(item.Url).Append('\n');
        if (item.Published is { } p) sb.Append("published: ").Append(p.ToString()).Append('\n');
        if (item.Source is not null) sb.Append("source: ").Append(item.Source).Append('\n');
        sb.Append('\n').Append(item.Body);
        return sb.ToString();
    }

    private static void WriteGold(string path, IReadOnlyList<GoldEvent> gold)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read);
        using var json = new Utf8JsonWriter(file, JsonOptions);
        foreach (var g in gold)
        {
            json.WriteStartObject();
            json.WriteString("product", g.Product);
            json.WriteString("kind", g.Kind.ToWire());
            json.WriteString("subtype", g.Subtype);
            json.WriteString("jurisdiction", g.Jurisdiction.Code);
            json.WriteString("agency", g.Agency);
            json.WriteString("date", g.Date?.ToString() ?? "");
            json.WriteString("status", g.Status.ToWire());
            json.WriteString("sponsor", g.Sponsor);
            json.WriteEndObject();
            json.Flush();
            json.Reset();
            file.WriteByte((byte)'\n');
        }
    }
}
