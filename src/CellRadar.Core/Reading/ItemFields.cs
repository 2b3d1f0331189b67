using CellRadar.Core.Errors;
using CellRadar.Core.Model;

namespace CellRadar.Core.Reading;

/// <summary>Checks for the metadata values every format carries (header lines, JSON fields), so they fail alike.</summary>
internal static class ItemFields
{
    /// <summary>Parses a <c>published</c> value; blank means "not stated". False (with an E107) for anything else that is not a date.</summary>
    public static bool TryPublished(string? value, string subject, out PartialDate? published, out CellRadarError? error)
    {
        published = null;
        error = null;
        if (string.IsNullOrWhiteSpace(value)) return true;
        if (PartialDate.TryParse(value, out var date)) { published = date; return true; }
        error = new(ErrorCode.BadHeaderValue, subject, $"published '{Shorten(value)}' is not YYYY, YYYY-MM, YYYY-MM-DD or an ISO 8601 timestamp");
        return false;
    }

    /// <summary>
    /// Accepts only absolute http(s) URLs: the value comes from untrusted input and is later shown as a link,
    /// so <c>javascript:</c> and friends must never get through.
    /// </summary>
    public static bool TryUrl(string? value, string subject, out string? url, out CellRadarError? error)
    {
        url = null;
        error = null;
        if (string.IsNullOrWhiteSpace(value)) return true;
        var v = value.Trim();
        if (Uri.TryCreate(v, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            url = uri.AbsoluteUri;
            return true;
        }
        error = new(ErrorCode.BadHeaderValue, subject, $"url '{Shorten(v)}' is not an absolute http or https address");
        return false;
    }

    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Untrusted values are quoted in messages only in part, so a huge field cannot flood the log.</summary>
    public static string Shorten(string value) => value.Length <= 60 ? value : string.Concat(value.AsSpan(0, 57), "...");
}
