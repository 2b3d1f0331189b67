using CellRadar.Core.Pipeline;

namespace CellRadar.Web;

/// <summary>What the web host needs: where the store is, where to listen, who may write, and the limits.</summary>
internal sealed record ServeSettings
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>4 MiB: several times a long article page, small enough that a stray upload cannot hurt the server.</summary>
    public const long DefaultMaxRequestBytes = 4L * 1024 * 1024;

    public required string DatabasePath { get; init; }

    /// <summary>Kestrel's URL list (<c>;</c>-separated). Port 0 picks a free port.</summary>
    public string Urls { get; init; } = DefaultUrls;

    /// <summary>Who may write; by default derived from <see cref="Urls"/> and the API key.</summary>
    public required WriteAccessPolicy Access { get; init; }

    public long MaxRequestBytes { get; init; } = DefaultMaxRequestBytes;

    public TimeProvider Time { get; init; } = TimeProvider.System;

    public Func<ItemPipeline> Pipeline { get; init; } = () => Pipelines.Default();
}
