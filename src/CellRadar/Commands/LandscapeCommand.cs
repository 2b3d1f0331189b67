using System.CommandLine;
using CellRadar.Core.Catalog;
using CellRadar.Core.Reconciliation;
using CellRadar.Output;

namespace CellRadar.Commands;

/// <summary><c>cellradar landscape</c>: products by markets, each cell the stage and its date, read from the stored statuses.</summary>
internal static class LandscapeCommand
{
    public static Command Create(CliContext context)
    {
        var db = CommonOptions.Database();
        Option<string?> Filter(string name, string what) => new(name) { Description = what, HelpName = "TEXT" };
        var target = Filter("--target", "Only products with this target (BCMA, CD19...), as the catalog lists it; any case.");
        var indication = Filter("--indication", "Only products whose catalog indications contain this text (myeloma, lymphoma...).");
        var sponsor = Filter("--sponsor", "Only products whose sponsor, partner or market holder in the catalog contains this text.");
        var modality = Filter("--modality", "Only products of this modality (CAR-T, TCR-T, gene therapy...), as the catalog lists it; any case.");
        var jurisdiction = new Option<string[]>("--jurisdiction")
        {
            Description = "Only these markets (two-letter codes, EU); repeatable or comma-separated.",
            HelpName = "CODE",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("landscape",
            "Show products by markets: each cell is the product's stage in that market and its date. Filters on the " +
            "catalog's target, indication, sponsor and modality leave out products the catalog does not know.")
        {
            db, target, indication, sponsor, modality, jurisdiction,
        };
        command.SetAction(parse =>
        {
            var markets = (parse.GetValue(jurisdiction) ?? [])
                .SelectMany(j => j.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .Select(j => j.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
            var filter = new LandscapeFilter(parse.GetValue(target), parse.GetValue(indication), parse.GetValue(sponsor), parse.GetValue(modality));
            using var store = CommonOptions.OpenStore(parse.GetValue(db), context);
            var statuses = store.MarketStatuses()
                .Where(s => markets.Count == 0 || markets.Contains(s.Jurisdiction.Code))
                .Where(s => filter.Keeps(s.Product))
                .ToList();
            if (statuses.Count == 0)
            {
                context.Out.WriteLine("no market statuses match");
                return ExitCodes.Ok;
            }
            Write(statuses, context);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The matrix: one row per product, one column per market that any listed product is in.</summary>
    internal static void Write(IReadOnlyList<MarketStatus> statuses, CliContext context)
    {
        var columns = statuses.Select(s => s.Jurisdiction.Code).Distinct().Order(StringComparer.Ordinal).ToList();
        var rows = new List<string[]>();
        foreach (var product in statuses.GroupBy(s => s.Product, StringComparer.Ordinal))
        {
            var row = new string[columns.Count + 1];
            row[0] = TerminalText.Cell(product.Key, 40);
            for (var i = 0; i < columns.Count; i++) row[i + 1] = "";
            foreach (var s in product) row[columns.IndexOf(s.Jurisdiction.Code) + 1] = Cell(s);
            rows.Add(row);
        }
        TableOutput.Write(context, ["product", .. columns], rows,
            $"{rows.Count} product(s) x {columns.Count} market(s); * unconfirmed (one low-trust source)");
    }

    private static string Cell(MarketStatus s) =>
        s.Stage.ToWire() + (s.Date is { } d ? " " + d : "") + (s.Unconfirmed ? "*" : "");

    internal sealed record LandscapeFilter(string? Target, string? Indication, string? Sponsor, string? Modality)
    {
        private bool Any => Target is not null || Indication is not null || Sponsor is not null || Modality is not null;

        public bool Keeps(string product)
        {
            if (!Any) return true;
            if (!ReferenceCatalog.Embedded.ProductsByCanonical.TryGetValue(product, out var p)) return false;
            if (Target is not null && !p.Target.Split('/', '+', ',').Any(t => t.Trim().Equals(Target.Trim(), StringComparison.OrdinalIgnoreCase))
                && !p.Target.Equals(Target.Trim(), StringComparison.OrdinalIgnoreCase)) return false;
            if (Modality is not null && !p.Modality.Equals(Modality.Trim(), StringComparison.OrdinalIgnoreCase)) return false;
            if (Indication is not null && !p.Indications.Any(i => i.Contains(Indication.Trim(), StringComparison.OrdinalIgnoreCase))) return false;
            if (Sponsor is not null)
            {
                var s = Sponsor.Trim();
                var companies = p.SponsorAliases.Append(p.Sponsor).Concat(p.Partners).Concat(p.Holders.Values);
                if (!companies.Any(c => c.Contains(s, StringComparison.OrdinalIgnoreCase))) return false;
            }
            return true;
        }
    }
}
