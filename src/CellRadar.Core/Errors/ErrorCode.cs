namespace CellRadar.Core.Errors;

/// <summary>
/// Stable error codes. The numbers never change meaning once released; the texts live in
/// <see cref="ErrorCatalog"/> so the CLI, logs and API show the same words.
/// </summary>
public enum ErrorCode
{
    // 1xx: reading input
    UnreadableFile = 101,
    EmptyItem = 102,
    BinaryContent = 103,
    TooLarge = 104,
    MalformedJson = 105,
    UnsupportedFormat = 106,
    BadHeaderValue = 107,
    MissingText = 108,
    PathNotFound = 109,
    BadEncoding = 110,
    MalformedFeed = 111,

    // 12x: fetching from the web
    FetchRefused = 120,
    FetchFailed = 121,
    TooManyRedirects = 122,
    ResponseTooLarge = 123,
    FetchTimedOut = 124,

    // 2xx: store
    StoreUnavailable = 201,
    StoreSchemaTooNew = 202,
    StoreWriteFailed = 203,
    StoreServerUnreachable = 204,

    // 3xx: command line and evaluation
    BadUsage = 301,
    GoldUnreadable = 302,
    GoldMissing = 303,
    BadFeedList = 304,

    // 4xx: the web server (`serve`); the numbers are CellRadar's own, not HTTP statuses.
    BadRequest = 401,
    NotFound = 402,
    ApiKeyRequired = 403,
    RequestTooLarge = 404,
    FormTokenInvalid = 405,
    UnsupportedMediaType = 406,
    InternalError = 407,
}
