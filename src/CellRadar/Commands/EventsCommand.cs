using System.CommandLine;
using CellRadar.Core.Catalog;
using CellRadar.Core.Model;
using CellRadar.Output;
using CellRadar.Storage;

namespace CellRadar.Commands;

/// <summary><c>cellradar events</c>: list stored events, filtered, in a human or machine format.</summary>
internal static class EventsCommand
{
    public static Command Create(CliContext context)
    {
        var db = CommonOptions.Database();
        var product = new Option<string?>("--product")
        {
            Description = "Only this product: its canonical name or any alias the catalog knows (brand, code, short name), any case.",
            HelpName = "NAME",
        };
        var jurisdiction = new Option<Jurisdiction?>("--jurisdiction")
        {
            Description = "Only events in this jurisdiction: a two-letter code (US, JP, EU) or a name the catalog knows.",
            HelpName = "CODE",
            CustomParser = r => ParseJurisdiction(r.Tokens[0].Value, r),
        };
        var kind = new Option<string?>("--kind")
        {
            Description = "Only events of this kind.",
            HelpName = "KIND",
        };
        kind.AcceptOnlyFromAmong([.. EventKindNames.All.Select(k => k.ToWire())]);
        var since = new Option<PartialDate?>("--since")
        {
            Description = "Only dated events that may fall on or after this date (YYYY, YYYY-MM or YYYY-MM-DD); undated events are left out.",
            HelpName = "DATE",
            CustomParser = r =>
            {
                if (PartialDate.TryParse(r.Tokens[0].Value, out var d)) return d;
                r.AddError($"--since wants YYYY, YYYY-MM or YYYY-MM-DD, not '{r.Tokens[0].Value}'.");
                return null;
            },
        };
        var format = new Option<string>("--format")
        {
            Description = "Output format: table (aligned text; drawn when the output is a terminal), json, jsonl or csv.",
            DefaultValueFactory = _ => "table",
            HelpName = "FORMAT",
        };
        format.AcceptOnlyFromAmong(EventOutput.Formats);
        var limit = new Option<int?>("--limit")
        {
            Description = "At most this many events.",
            HelpName = "N",
            CustomParser = r => CommonOptions.PositiveInt(r, "--limit"),
        };
        var command = new Command("events",
            "List stored events, dated ones first in date order. Filters combine: every one given must match.")
        {
            db, product, jurisdiction, kind, since, format, limit,
        };
        command.SetAction(parse =>
        {
            var query = new EventQuery
            {
                Products = parse.GetValue(product) is { Length: > 0 } p ? ProductNames(p) : null,
                Jurisdiction = parse.GetValue(jurisdiction),
                Kind = EventKindNames.TryParse(parse.GetValue(kind), out var k) ? k : null,
                Since = parse.GetValue(since),
                Limit = parse.GetValue(limit),
            };
            using var store = CommonOptions.OpenStore(parse.GetValue(db), context);
            EventOutput.Write(store.QueryEvents(query), parse.GetValue(format) ?? "table", context);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The name as given plus the canonical name of the catalog product it is an alias of, if any.</summary>
    internal static IReadOnlyList<string> ProductNames(string name)
    {
        var names = new List<string> { name.Trim() };
        foreach (var p in ReferenceCatalog.Embedded.Products)
        {
            if (string.Equals(p.Canonical, name.Trim(), StringComparison.OrdinalIgnoreCase)
                || p.Brands.Concat(p.Codes).Concat(p.ShortNames).Concat(p.OtherNames)
                    .Any(a => string.Equals(a, name.Trim(), StringComparison.OrdinalIgnoreCase)))
            {
                names.Add(p.Canonical);
            }
        }
        return names;
    }

    private static Jurisdiction? ParseJurisdiction(string text, System.CommandLine.Parsing.ArgumentResult result)
    {
        if (FindJurisdiction(text) is { } found) return found;
        result.AddError($"--jurisdiction wants a two-letter code or a known name, not '{text}'.");
        return null;
    }

    /// <summary>A two-letter code, or a jurisdiction's name as the catalog knows it (any case); null for neither.</summary>
    internal static Jurisdiction? FindJurisdiction(string text)
    {
        if (Jurisdiction.TryParse(text, out var code)) return code;
        foreach (var j in ReferenceCatalog.Embedded.Jurisdictions)
        {
            if (string.Equals(j.Name, text, StringComparison.OrdinalIgnoreCase)
                || j.Names.Any(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase)))
            {
                return Jurisdiction.Parse(j.Code);
            }
        }
        return null;
    }
}
