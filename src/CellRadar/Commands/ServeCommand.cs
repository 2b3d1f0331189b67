using System.CommandLine;
using CellRadar.Processing;
using CellRadar.Storage;
using CellRadar.Web;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CellRadar.Commands;

/// <summary>
/// <c>cellradar serve</c>: the web pages and the API over the database. An empty database is first filled with the
/// sample corpus, through the same ingestion as <c>ingest</c>.
/// </summary>
internal static class ServeCommand
{
    public static Command Create(CliContext context)
    {
        var db = CommonOptions.Database();
        var urls = new Option<string>("--urls")
        {
            Description = "Where to listen (;-separated; port 0 picks a free one). Beyond 127.0.0.1/localhost, writes need " +
                $"the key in ${WriteAccessPolicy.EnvironmentVariable}.",
            DefaultValueFactory = _ => ServeSettings.DefaultUrls,
            HelpName = "URLS",
        };
        var samples = new Option<string?>("--samples")
        {
            Description = "Folder of items ingested when the database is empty. Default: the samples shipped with cellradar.",
            HelpName = "DIR",
        };
        var command = new Command("serve",
            "Serve the web pages (landscape, world map, product pages, events, items with their evidence, search, ingest), " +
            "the JSON API and the Atom feed of changes over the database, " +
            "until stopped with Ctrl+C. Prints the address to open.")
        {
            db, urls, samples,
        };
        command.SetAction((parse, cancel) => Run(parse.GetValue(db), parse.GetValue(urls) ?? ServeSettings.DefaultUrls,
            parse.GetValue(samples), context, cancel));
        return command;
    }

    private static async Task<int> Run(string? dbOption, string urls, string? samples, CliContext context, CancellationToken cancel)
    {
        var path = StoreLocation.Resolve(dbOption, context.Environment);
        using (var store = StoreFactory.Open(path, context.Time))
        {
            if (store.Counts().Items == 0) IngestSamples(store, samples, context);
            // Facts an interrupted ingest left pending are merged before the pages show statuses.
            else store.ReconcilePending();
        }
        var access = WriteAccessPolicy.For(urls, context.Environment(WriteAccessPolicy.EnvironmentVariable));
        var app = WebHost.Build(new ServeSettings { DatabasePath = path, Urls = urls, Access = access, Time = context.Time, Pipeline = context.Pipeline });
        await using (app)
        {
            await app.StartAsync(cancel);
            foreach (var address in app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
                context.Out.WriteLine($"CellRadar is serving {StoreFactory.Describe(path)} at {address}/ (open it in a browser; Ctrl+C stops)");
            if (access.WritesDisabled)
                context.Error.WriteLine($"warning: listening beyond loopback without ${WriteAccessPolicy.EnvironmentVariable}: every write is refused");
            context.Out.Flush();
            await app.WaitForShutdownAsync(cancel);
        }
        return ExitCodes.Ok;
    }

    private static void IngestSamples(IEventStore store, string? samples, CliContext context)
    {
        var folder = samples ?? DefaultSamples();
        if (folder is null || !Directory.Exists(folder))
        {
            context.Error.WriteLine($"the database is empty and there is no samples folder{(folder is null ? "" : $" at {folder}")}; serving it empty");
            return;
        }
        var run = store.StartRun("serve");
        var ingest = new Ingestion(store, run, batchSize: 256, new ParallelPipeline(context.Pipeline, Environment.ProcessorCount, readAhead: 256));
        ingest.Run(CommonOptions.ReadItems([folder], context), static () => { });
        ingest.MergeFacts();
        store.FinishRun(run, new RunCounts(ingest.Read, ingest.Inserted, ingest.Duplicates, ingest.Failed, ingest.Events));
        context.Out.WriteLine($"the database was empty: ingested {ingest.Inserted} items (events {ingest.Events}, facts {ingest.FactsWritten}) from {folder}, failed {ingest.Failed}");
        foreach (var failure in store.Failures(run)) context.Out.WriteLine(failure.ToString());
    }

    /// <summary>The samples copied beside the program at build time, else a samples folder in the current one.</summary>
    private static string? DefaultSamples()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "samples");
        if (Directory.Exists(beside)) return beside;
        return Directory.Exists("samples") ? Path.GetFullPath("samples") : null;
    }
}
