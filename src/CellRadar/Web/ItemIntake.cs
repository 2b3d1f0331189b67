using System.Text;
using CellRadar.Core.Errors;
using CellRadar.Core.Reading;
using CellRadar.Processing;
using CellRadar.Storage;

namespace CellRadar.Web;

/// <summary>
/// Items posted to the server (API body, pasted text, uploaded file) go through the same readers and pipeline as
/// <c>ingest</c>: read, cleaned and extracted first, so they can be shown before anything is stored.
/// </summary>
internal sealed class ItemIntake(ParallelPipeline pipelines, long maxItemBytes)
{
    private readonly ItemSourceOptions _options = new() { MaxItemBytes = maxItemBytes };

    /// <summary>Reads content with no file name; its format is sniffed as for standard input (JSON, HTML, feed or text with a header block).</summary>
    public IntakeResult FromContent(ReadOnlyMemory<byte> content, string origin)
    {
        var results = new ItemSource(_options).Read(["-"], new MemoryStream(content.ToArray(), writable: false));
        return Process(results.Select(r => Relabel(r, origin, null)));
    }

    /// <summary>Reads an uploaded file by its name's extension (.html, .json, .jsonl, .txt, feeds, any of them .gz).</summary>
    public IntakeResult FromFile(ReadOnlyMemory<byte> content, string fileName)
    {
        var name = SafeFileName(fileName);
        // The readers pick a format by file name and read files: the upload is written under its (cleaned) name
        // in a folder of its own, and the folder is gone before the answer is sent.
        var folder = Directory.CreateTempSubdirectory("cellradar-upload-");
        try
        {
            var path = Path.Combine(folder.FullName, name);
            File.WriteAllBytes(path, content.ToArray());
            var origin = "upload:" + name;
            return Process(new ItemSource(_options).Read([path]).Select(r => Relabel(r, origin, path)));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Stores what was read, as one run of the command <c>serve</c>; failures are recorded with the run.</summary>
    public IReadOnlyList<SavedItem> Save(IEventStore store, IntakeResult intake)
    {
        var run = store.StartRun("serve");
        var outcomes = store.SaveBatch(run, intake.Records);
        store.RecordFailures(run, intake.Errors);
        var saved = new List<SavedItem>(outcomes.Count);
        var inserted = 0;
        var events = 0;
        for (var i = 0; i < outcomes.Count; i++)
        {
            var record = intake.Records[i];
            if (outcomes[i] == SaveOutcome.Inserted)
            {
                inserted++;
                events += record.Events.Count;
            }
            // A duplicate points at the item already stored with the same content.
            saved.Add(new SavedItem(record, outcomes[i], store.FindItem(record.ContentHash) ?? 0));
        }
        store.FinishRun(run, new RunCounts(intake.Records.Count, inserted, outcomes.Count - inserted, intake.Errors.Count, events));
        return saved;
    }

    private IntakeResult Process(IEnumerable<ReadResult> results)
    {
        var records = new List<ItemRecord>();
        var errors = new List<CellRadarError>();
        foreach (var (result, record) in pipelines.Process(results, static (r, p) => (r, r.Item is { } item ? ItemRecord.From(p.Process(item)) : null)))
        {
            if (result.Error is { } error) errors.Add(error);
            else records.Add(record!);
        }
        return new IntakeResult(records, errors);
    }

    /// <summary>Replaces the temporary path or "-" in items and errors by what the user knows the input as.</summary>
    private static ReadResult Relabel(ReadResult result, string origin, string? path)
    {
        if (result.Error is { } error)
        {
            var subject = path is null ? origin : error.Subject.Replace(path, origin, StringComparison.Ordinal);
            return ReadResult.Fail(error with { Subject = subject == "-" ? origin : subject });
        }
        var item = result.Item!;
        // Standard input's items are all called "stdin": a posted item is named after its content instead.
        var id = path is null ? "posted-" + Core.Model.ContentHash.Of(item)[..12] : item.Id;
        return ReadResult.Ok(item with { Origin = origin, Id = id });
    }

    /// <summary>The last path segment, with anything but letters, digits, '.', '-' and '_' replaced.</summary>
    internal static string SafeFileName(string fileName)
    {
        var last = fileName.Replace('\\', '/');
        last = last[(last.LastIndexOf('/') + 1)..];
        var safe = new StringBuilder(Math.Min(last.Length, 120));
        foreach (var c in last.AsSpan(0, Math.Min(last.Length, 120)))
            safe.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_');
        var name = safe.ToString().TrimStart('.');
        return name.Length == 0 ? "upload.txt" : name;
    }
}

/// <summary>What reading and extracting posted input gave: the items with their events, and what could not be read.</summary>
internal sealed record IntakeResult(IReadOnlyList<ItemRecord> Records, IReadOnlyList<CellRadarError> Errors);

/// <summary>A posted item after saving: stored now, or already stored as <see cref="ItemId"/>.</summary>
internal sealed record SavedItem(ItemRecord Record, SaveOutcome Outcome, long ItemId);
