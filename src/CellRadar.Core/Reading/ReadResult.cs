using CellRadar.Core.Errors;
using CellRadar.Core.Model;

namespace CellRadar.Core.Reading;

/// <summary>What reading one item gave: the item, or the error that stopped it. Readers never throw for bad input.</summary>
public readonly record struct ReadResult
{
    private ReadResult(NewsItem? item, CellRadarError? error)
    {
        Item = item;
        Error = error;
    }

    public NewsItem? Item { get; }

    public CellRadarError? Error { get; }

    public bool IsSuccess => Item is not null;

    public static ReadResult Ok(NewsItem item) => new(item, null);

    public static ReadResult Fail(CellRadarError error) => new(null, error);

    public static ReadResult Fail(ErrorCode code, string subject, string detail) => new(null, new CellRadarError(code, subject, detail));
}
