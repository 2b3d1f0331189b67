using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using CellRadar.Api;
using CellRadar.Core.Catalog;
using CellRadar.Pages;
using CellRadar.Processing;
using CellRadar.Storage;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;

namespace CellRadar.Web;

/// <summary>Builds the web application <c>serve</c> runs: services, limits, security middleware, API and pages.</summary>
internal static class WebHost
{
    public static WebApplication Build(ServeSettings settings)
    {
        // Production whatever ASPNETCORE_ENVIRONMENT says: no developer exception page, no stack traces in answers.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production, Args = [] });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.AddFilter(level => level >= LogLevel.Warning);
        // Logs go to standard error: standard output is for the address to open.
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);

        builder.WebHost.UseUrls(settings.Urls);
        builder.WebHost.ConfigureKestrel(o =>
        {
            o.AddServerHeader = false;
            o.Limits.MaxRequestBodySize = settings.MaxRequestBytes;
        });
        builder.Services.Configure<FormOptions>(o =>
        {
            o.MultipartBodyLengthLimit = settings.MaxRequestBytes;
            // A pasted article is one form value: allowed up to the request limit, not the default 4 MB.
            o.ValueLengthLimit = (int)Math.Min(int.MaxValue, settings.MaxRequestBytes);
        });

        var services = builder.Services;
        services.AddSingleton(settings);
        services.AddSingleton(settings.Access);
        services.AddSingleton(new ItemIntake(new ParallelPipeline(settings.Pipeline, threads: 1), settings.MaxRequestBytes));
        // One connection per request: SQLite in WAL mode lets readers and the one writer run side by side.
        services.AddScoped<IEventStore>(_ => SqliteEventStore.Open(settings.DatabasePath, settings.Time));
        services.AddProblemDetails(o => o.CustomizeProblemDetails = Problems.Customize);
        services.AddExceptionHandler<ProblemExceptionHandler>();
        // Form tokens need keys; kept in memory, so no key file is written to the user's home. A restart makes an
        // open form stale: the user is told so and opens the page again.
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "cellradar.antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.FormFieldName = "form_token";
        });
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
        });
        services.AddOpenApi("v1", o =>
        {
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "CellRadar";
                document.Info.Description = "Regulatory events found in cell and gene therapy news, each tied to the sentence that states it.";
                // The document is the same wherever the server listens.
                document.Servers = [];
                return Task.CompletedTask;
            });
        });

        // The catalog's products are searchable by every name they go by, whatever the database holds.
        using (var store = SqliteEventStore.Open(settings.DatabasePath, settings.Time))
            store.IndexProducts(ReferenceCatalog.Embedded.Products.Select(Searchable));

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseSecurityHeaders();
        app.UseWriteAccess(settings.Access);

        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapStaticAssets();
        app.MapEventsApi();
        app.MapItemsApi();
        app.MapSearchApi();
        app.MapProductsApi();
        app.MapFactsApi();
        app.MapChangesApi();
        app.MapPages();
        return app;
    }

    /// <summary>A catalog product under its canonical name, found by every other name it goes by and by its sponsor.</summary>
    private static SearchProduct Searchable(ProductEntry p)
    {
        List<string> aliases = [.. p.Brands, .. p.Codes, .. p.ShortNames, .. p.OtherNames];
        if (p.Inn is not null && p.Name is { Length: > 0 } name) aliases.Add(name);
        return new SearchProduct(p.Canonical, aliases, p.Sponsor);
    }
}
