using CellRadar.Core.Errors;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace CellRadar.Web;

/// <summary>
/// Turns exceptions into problem details: a request the server refused (too large, malformed) keeps its status;
/// a store failure names its code; anything else is a 500 whose details go to the log, not to the client.
/// </summary>
internal sealed partial class ProblemExceptionHandler(ILogger<ProblemExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        var (code, status, detail) = exception switch
        {
            BadHttpRequestException bad => (Problems.ForStatus(bad.StatusCode), bad.StatusCode, bad.Message),
            // Form reading past FormOptions' limits.
            InvalidDataException data when data.Message.Contains("limit", StringComparison.OrdinalIgnoreCase) =>
                (ErrorCode.RequestTooLarge, StatusCodes.Status413PayloadTooLarge, data.Message),
            CellRadarException cr => (cr.Error.Code, cr.Error.Code == ErrorCode.StoreUnavailable ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError,
                $"{cr.Error.Title}: {cr.Error.Detail}"),
            _ => (ErrorCode.InternalError, StatusCodes.Status500InternalServerError, "the server failed to answer; its log says why"),
        };
        if (status >= 500) Failed(log, http.Request.Method, http.Request.Path, exception);
        if (http.Response.HasStarted) return false;
        http.Response.Clear();
        await Problems.Write(http, code, status, detail);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} {Path} failed")]
    private static partial void Failed(ILogger logger, string method, string path, Exception exception);
}
