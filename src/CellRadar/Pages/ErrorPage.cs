using CellRadar.Core.Errors;

namespace CellRadar.Pages;

/// <summary>A page that says what went wrong, with the stable error code.</summary>
internal static class ErrorPage
{
    public static IResult Render(ErrorCode code, int status, string detail)
    {
        var html = Layout.Begin(ErrorCatalog.Title(code), "");
        html.Open("p", ("class", "error"), ("role", "alert"))
            .Element("strong", ErrorCatalog.Id(code))
            .Text(" " + detail)
            .Close("p");
        return Layout.End(html, status);
    }
}
