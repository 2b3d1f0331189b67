namespace CellRadar.Core.Errors;

/// <summary>The one catalogue of error messages: code to short title.</summary>
public static class ErrorCatalog
{
    public static string Title(ErrorCode code) => code switch
    {
        ErrorCode.UnreadableFile => "unreadable file",
        ErrorCode.EmptyItem => "empty item",
        ErrorCode.BinaryContent => "binary content, not text",
        ErrorCode.TooLarge => "item too large",
        ErrorCode.MalformedJson => "malformed JSON",
        ErrorCode.UnsupportedFormat => "unsupported format",
        ErrorCode.BadHeaderValue => "bad header value",
        ErrorCode.MissingText => "item has no text",
        ErrorCode.PathNotFound => "no such file or folder",
        ErrorCode.BadEncoding => "text is not valid in its encoding",
        ErrorCode.MalformedFeed => "malformed feed",
        ErrorCode.FetchRefused => "fetch refused: private address",
        ErrorCode.FetchFailed => "fetch failed",
        ErrorCode.TooManyRedirects => "too many redirects",
        ErrorCode.ResponseTooLarge => "response too large",
        ErrorCode.FetchTimedOut => "fetch timed out",
        ErrorCode.StoreUnavailable => "database unavailable",
        ErrorCode.StoreSchemaTooNew => "database schema is newer than this program",
        ErrorCode.StoreWriteFailed => "database write failed",
        ErrorCode.StoreServerUnreachable => "database server unreachable",
        ErrorCode.BadUsage => "bad usage",
        ErrorCode.GoldUnreadable => "unreadable gold file",
        ErrorCode.GoldMissing => "no gold file for item",
        ErrorCode.BadFeedList => "bad feed list",
        ErrorCode.BadRequest => "bad request",
        ErrorCode.NotFound => "not found",
        ErrorCode.ApiKeyRequired => "API key required",
        ErrorCode.RequestTooLarge => "request too large",
        ErrorCode.FormTokenInvalid => "form expired or not from this site",
        ErrorCode.UnsupportedMediaType => "unsupported media type",
        ErrorCode.InternalError => "internal error",
        _ => "error",
    };

    /// <summary>"E104" for <see cref="ErrorCode.TooLarge"/>.</summary>
    public static string Id(ErrorCode code) => "E" + ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
