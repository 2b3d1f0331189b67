using System.Net;
using CellRadar.Core.Catalog;
using CellRadar.Core.Reconciliation;

namespace CellRadar.Output;

/// <summary>
/// A one-page report on one product: markets, timeline, conflicts, reporting latency per agency and sources, in
/// Markdown or HTML. In HTML every text is encoded (article text is untrusted) and only http(s) URLs become links.
/// </summary>
internal sealed class ProductReport(string product, IReadOnlyList<MarketStatus> statuses, IReadOnlyList<Fact> facts)
{
    private static readonly string[] MarketHeader = ["market", "stage", "date", "path", "holder", "sources", "notes"];
    private static readonly string[] TimelineHeader = ["date", "market", "fact", "agency", "sources", "notes"];

    public void Write(TextWriter output, bool html)
    {
        var byKey = facts.ToDictionary(f => f.Key);
        var entry = ReferenceCatalog.Embedded.ProductsByCanonical.GetValueOrDefault(product);
        var about = entry is null ? "not in the catalog" : string.Join(", ", new[] { entry.Sponsor, entry.Modality, entry.Target }.Where(s => s.Length > 0));
        var markets = statuses.Select(s => new[]
        {
            s.Jurisdiction.Code, s.Stage.ToWire(), FactText.Date(s.Date), FactText.Path(s),
            FactText.Holder(s.Product, s.Jurisdiction.Code, byKey.GetValueOrDefault(s.Fact)),
            string.Join(", ", s.Sources), byKey.GetValueOrDefault(s.Fact) is { } f ? FactText.Notes(f) : "",
        }).ToList();
        var timeline = facts.Select(f => new[]
        {
            FactText.Date(f.Date), f.Key.Jurisdiction.Code, FactText.What(f), f.Agency, FactText.Sources(f), FactText.Notes(f),
        }).ToList();
        var latency = facts.Where(f => f.LatencyDays is not null).GroupBy(f => f.Agency.Length > 0 ? f.Agency : "(none)")
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new[] { g.Key, g.Count().ToString(System.Globalization.CultureInfo.InvariantCulture), Median(g.Select(f => f.LatencyDays!.Value)) })
            .ToList();
        var sources = facts.SelectMany(f => f.Supports).GroupBy(s => s.ItemKey, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Item: g.Key, g.First().Url, g.First().Publisher, g.First().Trust,
                Evidence: g.Select(s => s.Evidence).Distinct(StringComparer.Ordinal).ToList())).ToList();

        if (html)
        {
            output.WriteLine("<!DOCTYPE html>");
            output.WriteLine("<html lang=\"en\"><head><meta charset=\"utf-8\">");
            output.WriteLine($"<title>{E(product)}: CellRadar report</title>");
            output.WriteLine("<style>body{font-family:sans-serif;max-width:70em;margin:2em auto}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left;vertical-align:top}</style>");
            output.WriteLine("</head><body>");
            output.WriteLine($"<h1>{E(product)}</h1><p>{E(about)}</p>");
            output.WriteLine("<h2>Markets</h2>");
            HtmlTable(output, MarketHeader, markets);
            output.WriteLine("<h2>Timeline</h2>");
            HtmlTable(output, TimelineHeader, timeline);
            output.WriteLine("<h2>Reporting latency by agency</h2>");
            HtmlTable(output, ["agency", "facts", "median days from decision to first report"], latency);
            output.WriteLine("<h2>Sources</h2><ul>");
            foreach (var s in sources)
            {
                var link = SafeUrl(s.Url) is { } url ? $" <a href=\"{E(url)}\">{E(url)}</a>" : "";
                output.WriteLine($"<li>{E(s.Item)} ({E(s.Publisher.Length > 0 ? s.Publisher : "unknown publisher")}, {E(s.Trust)}){link}<ul>");
                foreach (var evidence in s.Evidence) output.WriteLine($"<li><q>{E(evidence)}</q></li>");
                output.WriteLine("</ul></li>");
            }
            output.WriteLine("</ul></body></html>");
            return;
        }
        output.WriteLine($"# {Md(product)}");
        output.WriteLine();
        output.WriteLine(Md(about));
        output.WriteLine();
        output.WriteLine("## Markets");
        output.WriteLine();
        MdTable(output, MarketHeader, markets);
        output.WriteLine("## Timeline");
        output.WriteLine();
        MdTable(output, TimelineHeader, timeline);
        output.WriteLine("## Reporting latency by agency");
        output.WriteLine();
        MdTable(output, ["agency", "facts", "median days from decision to first report"], latency);
        output.WriteLine("## Sources");
        output.WriteLine();
        foreach (var s in sources)
        {
            output.WriteLine($"- {Md(s.Item)} ({Md(s.Publisher.Length > 0 ? s.Publisher : "unknown publisher")}, {Md(s.Trust)}){(SafeUrl(s.Url) is { } u ? " " + Md(u) : "")}");
            foreach (var evidence in s.Evidence) output.WriteLine($"  - \"{Md(evidence)}\"");
        }
    }

    private static string Median(IEnumerable<int> values)
    {
        var sorted = values.Order().ToList();
        var m = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2.0;
        return m.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string? SafeUrl(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps)
            ? u.AbsoluteUri : null;

    private static string E(string text) => WebUtility.HtmlEncode(TerminalText.Cell(text));

    /// <summary>Markdown-safe cell text: one line, pipes, angle brackets and markup characters escaped.</summary>
    private static string Md(string text)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var ch in TerminalText.Cell(text))
        {
            if (ch is '|' or '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#') sb.Append('\\');
            sb.Append(ch);
        }
        return sb.ToString();
    }

    private static void HtmlTable(TextWriter output, string[] header, List<string[]> rows)
    {
        output.Write("<table><tr>");
        foreach (var h in header) output.Write($"<th>{E(h)}</th>");
        output.WriteLine("</tr>");
        foreach (var row in rows) output.WriteLine("<tr>" + string.Concat(row.Select(c => $"<td>{E(c)}</td>")) + "</tr>");
        output.WriteLine("</table>");
    }

    private static void MdTable(TextWriter output, string[] header, List<string[]> rows)
    {
        if (rows.Count == 0)
        {
            output.WriteLine("(none)");
            output.WriteLine();
            return;
        }
        output.WriteLine("| " + string.Join(" | ", header.Select(Md)) + " |");
        output.WriteLine("|" + string.Concat(header.Select(_ => "---|")));
        foreach (var row in rows) output.WriteLine("| " + string.Join(" | ", row.Select(Md)) + " |");
        output.WriteLine();
    }
}
