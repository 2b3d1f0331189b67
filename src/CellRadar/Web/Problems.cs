using CellRadar.Core.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace CellRadar.Web;

/// <summary>
/// RFC 7807 problem details in CellRadar's terms: <c>type</c> names the stable error code
/// (<c>urn:cellradar:error:E403</c>), <c>title</c> is its catalogue title, <c>code</c> repeats the code. Never a stack trace.
/// </summary>
internal static class Problems
{
    public const string TypePrefix = "urn:cellradar:error:";

    public static string TypeOf(ErrorCode code) => TypePrefix + ErrorCatalog.Id(code);

    /// <summary>The code for a status that arrived without one (404 for an unknown path, 405, a Kestrel 413).</summary>
    public static ErrorCode ForStatus(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => ErrorCode.ApiKeyRequired,
        StatusCodes.Status404NotFound => ErrorCode.NotFound,
        StatusCodes.Status413PayloadTooLarge => ErrorCode.RequestTooLarge,
        StatusCodes.Status415UnsupportedMediaType => ErrorCode.UnsupportedMediaType,
        >= 500 => ErrorCode.InternalError,
        _ => ErrorCode.BadRequest,
    };

    public static IResult Result(ErrorCode code, int status, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(Details(code, status, detail, extensions));

    public static ProblemDetails Details(ErrorCode code, int status, string detail, IDictionary<string, object?>? extensions = null)
    {
        var problem = new ProblemDetails { Status = status, Type = TypeOf(code), Title = ErrorCatalog.Title(code), Detail = detail };
        problem.Extensions["code"] = ErrorCatalog.Id(code);
        if (extensions is not null)
        {
            foreach (var (key, value) in extensions) problem.Extensions[key] = value;
        }
        return problem;
    }

    /// <summary>Fills in CellRadar's type, title and code on problems made elsewhere (status code pages, the framework).</summary>
    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Type?.StartsWith(TypePrefix, StringComparison.Ordinal) != true)
        {
            var code = ForStatus(problem.Status ?? context.HttpContext.Response.StatusCode);
            problem.Type = TypeOf(code);
            problem.Title = ErrorCatalog.Title(code);
            problem.Extensions["code"] = ErrorCatalog.Id(code);
        }
        // The framework may attach the exception in development; nothing about the server's insides goes out.
        problem.Extensions.Remove("exception");
    }

    public static ValueTask Write(HttpContext http, ErrorCode code, int status, string detail)
    {
        http.Response.StatusCode = status;
        var service = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        return service.WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = Details(code, status, detail) });
    }
}
