using CellRadar.Core.Catalog;

namespace CellRadar.Core.Tests.Catalog;

/// <summary>
/// The integrity rules of the reference catalog, written as functions that list what breaks them,
/// so the same rule can be run on the shipped catalog (expecting nothing) and on a deliberately
/// broken one (expecting the break to be reported).
/// </summary>
internal static class CatalogIntegrity
{
    /// <summary>Every name that resolves to the product: INN, canonical name, brands, codes, short and other names.</summary>
    public static IEnumerable<string> ProductAliases(ProductEntry product)
    {
        if (!string.IsNullOrEmpty(product.Inn))
        {
            yield return product.Inn;
        }
        if (!string.IsNullOrEmpty(product.Name))
        {
            yield return product.Name;
        }
        foreach (var list in new[] { product.Brands, product.Codes, product.ShortNames, product.OtherNames })
        {
            foreach (var alias in list)
            {
                yield return alias;
            }
        }
    }

    /// <summary>Every string the annotator matches for an agency: its aliases, short form and full name, each once.</summary>
    public static IEnumerable<string> AgencyNames(AgencyEntry agency) =>
        agency.Aliases.Append(agency.Short).Append(agency.Name).Distinct(StringComparer.OrdinalIgnoreCase);

    public static IEnumerable<string> PlaceNames(JurisdictionEntry jurisdiction) =>
        jurisdiction.Names.Concat(jurisdiction.Adjectives);

    /// <summary>
    /// Aliases listed more than once, compared case-insensitively, with their owners. Listing an
    /// alias twice under one owner counts too: it is at best redundant and usually a typo.
    /// </summary>
    public static List<string> SharedAliases<T>(IEnumerable<T> items, Func<T, string> owner, Func<T, IEnumerable<string>> aliases)
    {
        var owners = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in items)
        {
            foreach (var alias in aliases(item))
            {
                if (!owners.TryGetValue(alias, out var list))
                {
                    owners[alias] = list = [];
                }
                list.Add(owner(item));
            }
        }
        return owners.Where(kv => kv.Value.Count > 1)
            .Select(kv => $"'{kv.Key}' is listed by {string.Join(", ", kv.Value)}")
            .ToList();
    }

    /// <summary>Aliases too short to match safely (fewer than two characters), or blank, or padded with spaces.</summary>
    public static List<string> MalformedAliases(ReferenceCatalog catalog)
    {
        var all = catalog.Products.SelectMany(p => ProductAliases(p).Select(a => (Owner: p.Canonical, Alias: a)))
            .Concat(catalog.Agencies.SelectMany(a => AgencyNames(a).Select(x => (Owner: a.Short, Alias: x))))
            .Concat(catalog.Jurisdictions.SelectMany(j => PlaceNames(j).Select(x => (Owner: j.Code, Alias: x))));
        return all.Where(x => x.Alias.Trim().Length < 2 || x.Alias != x.Alias.Trim())
            .Select(x => $"{x.Owner}: '{x.Alias}'")
            .ToList();
    }

    /// <summary>Jurisdictions whose default regulator is not an agency of that same jurisdiction.</summary>
    public static List<string> MissingRegulators(ReferenceCatalog catalog) =>
        catalog.Jurisdictions
            .Where(j => string.IsNullOrWhiteSpace(j.Regulator) || catalog.FindAgency(j.Regulator, j.Code) is null)
            .Select(j => $"{j.Code}: regulator '{j.Regulator}'")
            .ToList();

    /// <summary>Agencies whose jurisdiction code is not in the jurisdiction list.</summary>
    public static List<string> AgenciesInUnknownJurisdictions(ReferenceCatalog catalog) =>
        catalog.Agencies
            .Where(a => !catalog.JurisdictionsByCode.ContainsKey(a.Jurisdiction))
            .Select(a => $"{a.Short}: '{a.Jurisdiction}'")
            .ToList();

    /// <summary>Products that lack a field every event or report needs.</summary>
    public static List<string> IncompleteProducts(ReferenceCatalog catalog)
    {
        var problems = new List<string>();
        foreach (var p in catalog.Products)
        {
            var label = p.Inn ?? p.Name ?? "(no name)";
            if (string.IsNullOrWhiteSpace(p.Inn) == string.IsNullOrWhiteSpace(p.Name))
            {
                problems.Add($"{label}: needs exactly one of inn and name");
            }
            if (string.IsNullOrWhiteSpace(p.Sponsor))
            {
                problems.Add($"{label}: no sponsor");
            }
            if (string.IsNullOrWhiteSpace(p.Modality))
            {
                problems.Add($"{label}: no modality");
            }
            if (p.Sources.Count == 0 || p.Sources.Any(string.IsNullOrWhiteSpace))
            {
                problems.Add($"{label}: no source");
            }
        }
        return problems;
    }

    /// <summary>
    /// Products marked approved whose sources name no approval, authorisation or licence: the stage
    /// must rest on a regulator's decision, not on trial news.
    /// </summary>
    public static List<string> ApprovedWithoutDecision(ReferenceCatalog catalog)
    {
        string[] decisionWords = ["approv", "authoris", "authoriz", "licen"];
        return catalog.Products
            .Where(p => p.Stage == "approved")
            .Where(p => !p.Sources.Any(s => decisionWords.Any(w => s.Contains(w, StringComparison.OrdinalIgnoreCase))))
            .Select(p => p.Canonical)
            .ToList();
    }
}
