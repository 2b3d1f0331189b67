namespace CellRadar.Core.Errors;

/// <summary>
/// A failure tied to what it concerns (a file, a line, a URL). Rendered everywhere as
/// <c>E104 item too large: samples/big.txt: 52428800 bytes, the limit is 10485760</c>.
/// </summary>
public sealed record CellRadarError(ErrorCode Code, string Subject, string Detail)
{
    public string Id => ErrorCatalog.Id(Code);

    public string Title => ErrorCatalog.Title(Code);

    public override string ToString() =>
        string.IsNullOrEmpty(Detail) ? $"{Id} {Title}: {Subject}" : $"{Id} {Title}: {Subject}: {Detail}";
}

/// <summary>Thrown only across boundaries that cannot return a result (e.g. opening a store).</summary>
public sealed class CellRadarException(CellRadarError error, Exception? inner = null)
    : Exception(error.ToString(), inner)
{
    public CellRadarError Error { get; } = error;
}
