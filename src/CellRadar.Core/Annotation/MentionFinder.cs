using System.Buffers;
using System.Text.RegularExpressions;
using CellRadar.Core.Catalog;
using CellRadar.Core.Model;
using CellRadar.Core.Pipeline;

namespace CellRadar.Core.Annotation;

/// <summary>
/// Finds what the text names: products (catalog aliases, INN shapes, sponsor codes next to therapy
/// words), agencies, jurisdictions, designations, application types, companies and cue words. It
/// decides nothing about events; that is the extractor's job.
/// </summary>
public sealed partial class MentionFinder : IPipelineComponent
{
    private readonly ReferenceCatalog _catalog;
    private readonly AliasMatcher<Entity> _entities;
    private readonly AliasMatcher<Entity> _cues;
    private readonly Dictionary<string, string> _productByAlias;

    public MentionFinder(ReferenceCatalog catalog)
    {
        _catalog = catalog;
        var phrases = new List<(string, Entity, bool)>();
        _productByAlias = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in catalog.Products)
        {
            var e = new Entity(MentionType.Product, p.Canonical, "");
            foreach (var a in new[] { p.Inn, p.Name }.Concat(p.Brands).Concat(p.Codes).Concat(p.ShortNames).Concat(p.OtherNames))
            {
                if (string.IsNullOrWhiteSpace(a)) continue;
                phrases.Add((a, e, IsAcronym(a)));
                _productByAlias.TryAdd(a, p.Canonical);
            }
        }
        foreach (var a in catalog.Agencies)
        {
            var e = new Entity(MentionType.Agency, a.Short, a.Jurisdiction);
            foreach (var alias in a.Aliases.Append(a.Name).Append(a.Short))
                if (!string.IsNullOrWhiteSpace(alias)) phrases.Add((alias, e, IsAcronym(alias)));
        }
        foreach (var d in catalog.Designations)
        {
            var e = new Entity(MentionType.Designation, d.Subtype, d.Jurisdiction is null ? "" : d.Jurisdiction + "|" + d.Agency);
            foreach (var alias in d.Aliases) phrases.Add((alias, e, IsAcronym(alias)));
        }
        foreach (var ap in catalog.Applications)
        {
            var e = new Entity(MentionType.Application, ap.Subtype, ap.Purpose + "|" + ap.Jurisdiction);
            foreach (var alias in ap.Aliases) phrases.Add((alias, e, IsAcronym(alias) || alias.StartsWith('s') && alias.Length <= 5));
        }
        foreach (var j in catalog.Jurisdictions)
        {
            var e = new Entity(MentionType.Jurisdiction, j.Code, "");
            foreach (var n in j.Names.Concat(j.Adjectives)) phrases.Add((n, e, IsAcronym(n)));
        }
        foreach (var p in catalog.Products)
        {
            var e = new Entity(MentionType.Company, p.Sponsor, "");
            foreach (var s in p.SponsorAliases.Prepend(p.Sponsor))
                if (!string.IsNullOrWhiteSpace(s)) phrases.Add((s, e, IsAcronym(s)));
        }
        _entities = new AliasMatcher<Entity>(phrases);
        _cues = new AliasMatcher<Entity>(CueLexicon.Entries().Select(c => (c.Phrase, new Entity(MentionType.Cue, c.Type.ToString(), c.Detail), CueLexicon.IsCaseSensitive(c.Phrase))));
    }

    public string Name => "mentions";
    public IReadOnlyList<string> Needs { get; } = [Layer.CleanText, Layer.Sentences];
    public IReadOnlyList<string> Adds { get; } = [Layer.Mentions];

    public void Process(Document document)
    {
        var text = document.Text;
        var found = new List<Mention>();
        _entities.FindAll(text, (s, e, v) => found.Add(new Mention(v.Type, new TextSpan(s, e), v.Key, v.Detail)));
        AddPatternProducts(text, found);
        AddGenericAgencies(text, found);
        var names = NameSpansByStart(found);
        // Cues come left to right without overlapping, so one pass over the names sorted by start serves them
        // all: the names starting before a cue ends are read once, and the cue overlaps one of them exactly
        // when the furthest end among them lies past the cue's start.
        var next = 0;
        var furthestEnd = int.MinValue;
        _cues.FindAll(text, (s, e, v) =>
        {
            while (next < names.Count && names[next].Start < e) furthestEnd = Math.Max(furthestEnd, names[next++].End);
            // A cue inside a name ("License" in "Biologics License Application") is part of that name.
            if (furthestEnd > s) return;
            found.Add(new Mention(MentionType.Cue, new TextSpan(s, e), v.Key, v.Detail));
        });
        found.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        document.Mentions.AddRange(found);
    }

    /// <summary>The spans of the names a cue word cannot be part of, sorted by start.</summary>
    private static List<TextSpan> NameSpansByStart(List<Mention> found)
    {
        var spans = new List<TextSpan>(found.Count);
        foreach (var m in found)
            if (m.Type is MentionType.Application or MentionType.Designation or MentionType.Agency or MentionType.Product) spans.Add(m.Span);
        spans.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        return spans;
    }

    /// <summary>Products the catalog does not know, found from the shapes of their names.</summary>
    private void AddPatternProducts(string text, List<Mention> found)
    {
        var taken = found.Where(m => m.Type == MentionType.Product).Select(m => m.Span).ToList();
        bool Free(int s, int e) => !taken.Any(t => t.Overlaps(new TextSpan(s, e)));
        void Add(int s, int e, string canonical)
        {
            var known = _productByAlias.TryGetValue(canonical, out var c);
            found.Add(new Mention(MentionType.Product, new TextSpan(s, e), known ? c! : canonical, known ? "" : "new"));
            taken.Add(new TextSpan(s, e));
        }
        foreach (var m in Around(TwoWordInn(), text, GeneStem, 0, 60))
            if (Free(m.Index, m.Index + m.Length)) Add(m.Index, m.Index + m.Length, Fold(m.Value));
        // "Vericel" has the shape of a one-word INN but is a company the catalog knows.
        var companies = found.Where(f => f.Type == MentionType.Company).Select(f => f.Span).ToList();
        foreach (var m in Around(OneWordInn(), text, CelStem, 0, 6))
        {
            if (!Free(m.Index, m.Index + m.Length) || SecondInnWord().IsMatch(m.Value)) continue;
            if (companies.Exists(c => c.Overlaps(new TextSpan(m.Index, m.Index + m.Length)))) continue;
            // "Lomacel Therapeutics", "Lomacel's AML CAR-T" where the item names "Lomacel Therapeutics" too: a capitalised
            // -cel word that heads a company name anywhere in the item is that company, not an INN.
            if (char.IsUpper(m.Value[0]) && CompanyNamed(text, m.Value)) continue;
            Add(m.Index, m.Index + m.Length, m.Value.ToLowerInvariant());
        }
        foreach (var m in Around(ShortInn(), text, ShortCelStem, 0, 6))
        {
            if (!Free(m.Index, m.Index + m.Length)) continue;
            var shortName = m.Value.ToLowerInvariant();
            // "anito-cel" stands for the INN beginning "anito" when the item names it.
            var stem = shortName[..^4];
            var inn = found.FirstOrDefault(f => f.Type == MentionType.Product && f.Key.StartsWith(stem, StringComparison.Ordinal) && f.Key.Contains(' '));
            Add(m.Index, m.Index + m.Length, inn?.Key ?? shortName);
        }
        // A code is accepted once next to therapy words; its other occurrences in the item follow.
        var accepted = new HashSet<string>(StringComparer.Ordinal);
        var trialNames = new HashSet<string>(StringComparer.Ordinal);
        var codes = SponsorCode().Matches(text);
        foreach (Match m in codes)
        {
            if (!Free(m.Index, m.Index + m.Length) || NotACode().IsMatch(m.Value) || Mutation().IsMatch(m.Value)) continue;
            // "GMV-HC-20811": the tail of a longer identifier (a report or catalogue number) is no product code.
            if (m.Index > 0 && (text[m.Index - 1] == '-' || text[m.Index - 1] == '/' || char.IsLetterOrDigit(text[m.Index - 1]))) continue;
            var after = text.AsSpan(m.Index + m.Length, Math.Min(60, text.Length - m.Index - m.Length));
            var before = text.AsSpan(Math.Max(0, m.Index - 40), Math.Min(40, m.Index));
            // A code is a product only next to therapy words, and a trial's name ("ZUMA-7 study") is not one.
            if (TrialNameFollows().IsMatch(after)) { trialNames.Add(m.Value); continue; }
            // "Velmarys (VDN-230)": a code in brackets right after a capitalised name is that product's code.
            // "The EMA admitted TVN-33 to its PRIME scheme": a code that an agency designates, clears or approves is a
            // product too, even with no therapy word beside it.
            if (!TherapyWord().IsMatch(after) && !TherapyWord().IsMatch(before) && !(BrandBefore().IsMatch(before) && after.StartsWith(")"))
                && !RegulatoryObjectAfter().IsMatch(after) && !RegulatoryActBefore().IsMatch(before)) continue;
            accepted.Add(m.Value);
        }
        var brands = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in codes)
        {
            if (!accepted.Contains(m.Value) || trialNames.Contains(m.Value)) continue;
            if (Free(m.Index, m.Index + m.Length)) Add(m.Index, m.Index + m.Length, m.Value);
            // "Ovalcis (OCL-12) ... Ovalcis has orphan designation": the brand the code is introduced with stands for it.
            var before = text.AsSpan(Math.Max(0, m.Index - 40), Math.Min(40, m.Index));
            if (m.Index + m.Length < text.Length && text[m.Index + m.Length] == ')' && BrandBefore().Match(before.ToString()) is { Success: true } b)
            {
                var brand = b.Value.TrimEnd('(', ' ', '\u00A0');
                if (!NotABrand().IsMatch(brand) && !_productByAlias.ContainsKey(brand)) brands.TryAdd(brand, _productByAlias.TryGetValue(m.Value, out var known) ? known : m.Value);
            }
        }
        foreach (var (brand, canonical) in brands) AddWholeWords(text, brand, canonical, Free, Add);
        // Any therapy counts (rule 9): antibody-drug conjugates and "alfa" biologics are two-word INNs,
        // antibodies, fusion proteins, small molecules, siRNAs (-siran) and antisense oligonucleotides (-rsen) have telling stems.
        foreach (var m in Around(TwoWordBiologic(), text, BiologicSecondWord, 40, 20))
            if (Free(m.Index, m.Index + m.Length)) Add(m.Index, m.Index + m.Length, Fold(m.Value));
        foreach (var m in Around(OtherInn(), text, OtherInnStems, 0, 12))
            if (Free(m.Index, m.Index + m.Length)) Add(m.Index, m.Index + m.Length, m.Value.ToLowerInvariant());
        BrandsWithInn(text, Free, Add);
    }

    /// <summary>
    /// "Skyclarys (omaveloxolone)", "Zusduri (mitomycin)": a capitalised brand with one lower-case word in brackets
    /// right after it is how the press introduces a medicine whatever its stem; the word is its INN and the brand
    /// stands for it wherever else the item uses it. English words in brackets ("(formerly)", "(unaudited)") are not.
    /// </summary>
    private void BrandsWithInn(string text, Func<int, int, bool> free, Action<int, int, string> add)
    {
        for (var open = text.IndexOf(" (", StringComparison.Ordinal); open >= 0; open = text.IndexOf(" (", open + 2, StringComparison.Ordinal))
        {
            var innStart = open + 2;
            var innEnd = innStart;
            while (innEnd < text.Length && (char.IsAsciiLetterLower(text[innEnd]) || text[innEnd] == '-')) innEnd++;
            if (innEnd >= text.Length || text[innEnd] != ')' || innEnd - innStart < 6 || text[innEnd - 1] == '-') continue;
            var brandEnd = open;
            var brandStart = brandEnd;
            while (brandStart > 0 && char.IsLetter(text[brandStart - 1])) brandStart--;
            if (brandEnd - brandStart < 4 || !char.IsUpper(text[brandStart]) || (brandStart > 0 && (char.IsLetterOrDigit(text[brandStart - 1]) || text[brandStart - 1] == '-'))) continue;
            var inn = text.Substring(innStart, innEnd - innStart);
            var brand = text.Substring(brandStart, brandEnd - brandStart);
            if (EnglishWord().IsMatch(inn) || NotABrand().IsMatch(brand)) continue;
            if (!free(innStart, innEnd) || !free(brandStart, brandEnd)) continue;
            var canonical = _productByAlias.TryGetValue(inn, out var known) ? known : inn;
            add(innStart, innEnd, canonical);
            AddWholeWords(text, brand, canonical, free, add);
        }
    }

    /// <summary>Every free whole-word occurrence of <paramref name="brand"/> in the item, as the product it stands for.</summary>
    private static void AddWholeWords(string text, string brand, string canonical, Func<int, int, bool> free, Action<int, int, string> add)
    {
        for (var at = text.IndexOf(brand, StringComparison.Ordinal); at >= 0; at = text.IndexOf(brand, at + brand.Length, StringComparison.Ordinal))
        {
            var end = at + brand.Length;
            if ((at > 0 && char.IsLetterOrDigit(text[at - 1])) || (end < text.Length && char.IsLetterOrDigit(text[end]))) continue;
            if (free(at, end)) add(at, end, canonical);
        }
    }

    [GeneratedRegex(@"(?:ly|tion|tions|ment|ments|ness|ity|ities|ed|ing|ings|ous|ive|able|ible|ful|less|ship|ance|ence|ers|ist|ists|ism|ical|ally|wise|ward|wards)$|^(?:formerly|previously|currently|unaudited|approximately|respectively|including|excluding|estimated|pending|unpublished|together|combined|average|median|total|euros|dollars|million|billion|percent|patients|children|adults|placebo|monotherapy|combination|standard|primary|secondary|overall|proposed|brand|generic|partner|parent|subsidiary|company|group)$", RegexOptions.CultureInvariant)]
    private static partial Regex EnglishWord();

    // Capitalised words that open a bracket without being a brand: articles, company suffixes, layout words, months, days.
    [GeneratedRegex(@"^(?:The|This|That|These|Those|Its|Their|Our|And|But|For|With|From|Inc|Ltd|Corp|Company|Group|Holdings|Phase|Study|Trial|Table|Figure|Note|Source|Product|Therapy|January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$", RegexOptions.CultureInvariant)]
    private static partial Regex NotABrand();

    private static bool CompanyNamed(string text, string word)
    {
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + word.Length, StringComparison.Ordinal))
            if (CompanySuffix().IsMatch(text.AsSpan(at + word.Length, Math.Min(20, text.Length - at - word.Length)))) return true;
        return false;
    }

    [GeneratedRegex(@"^\s+(?:Therapeutics|Bio|Biotech|Biotherapeutics|Biosciences|Biologics|Pharma|Pharmaceuticals|Inc|Ltd|Limited|AG|SA|GmbH|plc|Corp|Corporation|Holdings|Group)\b", RegexOptions.CultureInvariant)]
    private static partial Regex CompanySuffix();

    // What each INN-shape pattern cannot match without: the patterns run only in small windows around
    // these (a vectorised search), instead of scanning the whole text five times.
    private static readonly SearchValues<string> GeneStem = SearchValues.Create(["gene"], StringComparison.OrdinalIgnoreCase);
    private static readonly SearchValues<string> CelStem = SearchValues.Create(["cel"], StringComparison.OrdinalIgnoreCase);
    private static readonly SearchValues<string> ShortCelStem = SearchValues.Create(["-cel"], StringComparison.OrdinalIgnoreCase);
    private static readonly SearchValues<string> BiologicSecondWord = SearchValues.Create(
        ["dotin", "tesirine", "tecan", "ozogamicin", "tansine", "pegol", "sudotox", "tiuxetan", "alfa", "beta", "gamma"], StringComparison.Ordinal);
    private static readonly SearchValues<string> OtherInnStems = SearchValues.Create(
        ["mab", "cept", "tinib", "zomib", "parib", "ciclib", "lisib", "rafenib", "degib", "lutamide", "platin", "grastim", "leukin", "kinra", "dronate", "fusp", "siran", "rsen"], StringComparison.Ordinal);

    /// <summary>
    /// The matches of <paramref name="pattern"/> that touch an occurrence of one of <paramref name="stems"/>,
    /// found by running the pattern only on a window around each occurrence: from the start of the word
    /// <paramref name="back"/> characters before it to <paramref name="ahead"/> characters after. The window
    /// starts at a word boundary, so the pattern's own \b means what it means in the whole text.
    /// </summary>
    private static List<Match> Around(Regex pattern, string text, SearchValues<string> stems, int back, int ahead)
    {
        var result = new List<Match>();
        var pos = 0;
        var span = text.AsSpan();
        var lastEnd = 0;
        while (pos < text.Length)
        {
            var rel = span[pos..].IndexOfAny(stems);
            if (rel < 0) break;
            var at = pos + rel;
            var start = Math.Max(0, at - back);
            while (start > 0 && !char.IsWhiteSpace(text[start - 1])) start--;
            start = Math.Max(start, lastEnd);
            var end = Math.Min(text.Length, at + 3 + ahead);
            while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '-')) end++;
            for (var m = pattern.Match(text, start, end - start); m.Success; m = m.NextMatch())
            {
                if (m.Index < lastEnd) continue;
                result.Add(m);
                lastEnd = m.Index + m.Length;
            }
            pos = Math.Max(at + 1, end);
        }
        return result;
    }

    /// <summary>"Israel's Ministry of Health", "the Thai Food and Drug Administration": a place plus a generic regulator.</summary>
    private void AddGenericAgencies(string text, List<Mention> found)
    {
        var places = found.Where(m => m.Type == MentionType.Jurisdiction).ToList();
        foreach (var j in places)
        {
            var rest = text.AsSpan(j.End, Math.Min(60, text.Length - j.End));
            var m = GenericRegulatorAfter().Match(rest.ToString());
            if (!m.Success) continue;
            var end = j.End + m.Length;
            if (found.Any(f => f.Type == MentionType.Agency && f.Span.Overlaps(new TextSpan(j.Start, end)))) continue;
            var regulator = _catalog.RegulatorOf(j.Key);
            found.Remove(j);
            found.Add(new Mention(MentionType.Agency, new TextSpan(j.Start, end), regulator.Length > 0 ? regulator : "MOH", j.Key));
        }
    }

    internal static bool IsAcronym(string alias)
    {
        if (alias.Length > 6) return false;
        var letters = 0;
        foreach (var c in alias)
        {
            if (!char.IsLetter(c)) continue;
            if (!char.IsUpper(c)) return false;
            letters++;
        }
        return letters > 0;
    }

    private static string Fold(string s) => WhiteSpace().Replace(s.ToLowerInvariant(), " ");

    [GeneratedRegex(@"\b[a-z]{3,}gene[\s\u00A0-]+[a-z]{3,}(?:cel|vec)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TwoWordInn();

    [GeneratedRegex(@"\b[a-z]{4,}(?:leucel|temcel|ucel)(?:-[A-Za-z])?\b|\b[a-z]{4,}cel(?:-[A-Za-z])?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OneWordInn();

    [GeneratedRegex(@"^(?:auto|cilo|mara|vic|ansegedleu|lisoleu|zamikera)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecondInnWord();

    [GeneratedRegex(@"\b[a-z]{4,}mab\s+(?:[a-z]*vedotin|[a-z]*dotin|[a-z]*tesirine|[a-z]*tecan|ozogamicin|[a-z]*emtansine|[a-z]*tansine|pegol|[a-z]*sudotox|tiuxetan)\b|\b[a-z]{4,}(?:ase|mod|kin|cept|ermin|tropin|poetin|gene)\s+(?:alfa|beta|gamma)(?:-[a-z]{4})?\b", RegexOptions.CultureInvariant)]
    private static partial Regex TwoWordBiologic();

    // A capital first letter is allowed: an INN opening a sentence ("Lazertinib received ..."); "Intercept" is a company.
    [GeneratedRegex(@"\b(?![Ii]ntercept\b)(?:[A-Z][a-z]{3,}|[a-z]{4,})(?:mab|cept|tinib|zomib|parib|ciclib|lisib|rafenib|degib|lutamide|platin|grastim|leukin|kinra|dronate|fusp|siran|rsen)\b", RegexOptions.CultureInvariant)]
    private static partial Regex OtherInn();

    [GeneratedRegex(@"\b[a-z]{3,8}-cel\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ShortInn();

    [GeneratedRegex(@"\b(?:[A-Z]{1,6}-?\d{2,6}[A-Z]?\d?|[A-Z]{2,6}\d?[A-Z]?-[A-Z]?\d{1,4}[A-Z]{0,2}\d?)\b", RegexOptions.CultureInvariant)]
    private static partial Regex SponsorCode();

    [GeneratedRegex(@"^[\s,)]*(?:(?:has|have|had|was|were|is|also|been|now|to|its|the|a|an|into|in)\s+){0,3}(?:received|secured|obtained|won|gained|granted|awarded|holds|designated|approved|cleared|authori[sz]ed|accepted|admitted|PRIME|RMAT|orphan|Fast\s+Track|Breakthrough|IND|CTA|BLA|MAA|NDA)\b", RegexOptions.CultureInvariant)]
    private static partial Regex RegulatoryObjectAfter();

    [GeneratedRegex(@"\b(?:admitted|designated|granted|awarded|approved|cleared|authori[sz]ed|accepted)\s+(?:the\s+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex RegulatoryActBefore();

    [GeneratedRegex(@"^(?:CD|IL|PD|HLA|HER|FGFR|EGFR|GPRC|CLDN|MAGE|ESO|COVID|SARS|HIV|HPV|EBV|CMV|ISO|NCT|FY|H|Q|ECOG|ASCO|ASH|EHA|ESMO|AACR|CAR|TCR|CTCAE|MM|BCMA|DLL|GD|ROR|IGF|TGF|VEGF|KRAS|BRCA|CEP|RPE|SMN|GBA|ABCA|MYO|USH|APOE|TP|ALL|AML|CLL|NHL|DLBCL|SMA|DMD|TDT|SCD|ISAF|NMPA|FDA|EMA|PMDA|HSA|DOH|UK|US|EU|WHO|GMP|IND|BLA|NDA|MAA|CTA|RMAT|PRIME|ODD|BTD|NPP|CRL|AM|PM|GMT|EST|CET|UTC|PS|RS|SEC|NASDAQ|NYSE|HKEX|SSE|SZSE|STAR|USD|RMB|CNY|EUR|GBP|JPY)[-\d]", RegexOptions.CultureInvariant)]
    private static partial Regex NotACode();

    [GeneratedRegex(@"\b\p{Lu}\p{Ll}{3,}\s*\($", RegexOptions.CultureInvariant)]
    private static partial Regex BrandBefore();


    /// <summary>"G12V", "V600E", "T790M": an amino-acid substitution (one letter, a position, one letter), not a code.</summary>
    [GeneratedRegex(@"^[ACDEFGHIKLMNPQRSTVWY]\d{1,4}[ACDEFGHIKLMNPQRSTVWY]$", RegexOptions.CultureInvariant)]
    private static partial Regex Mutation();

    [GeneratedRegex(@"^[\s,)]*(?:\(?[A-Za-z]+\)?\s+)?(?:trial|trials|study|studies|data|results|cohort|readout|protocol)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TrialNameFollows();

    [GeneratedRegex(@"\b(?:study\s+of|trial\s+of|dosed\s+with|CAR-?\s?T|CAR-?NK|cell therapy|gene therapy|therapy|therapies|candidate|product|programme|program|investigational|autologous|allogeneic|treatment|drug|medicine|TCR-?T|TIL|cells?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TherapyWord();

    [GeneratedRegex(@"^(?:['\u2019]s)?\s+(?:Ministry of Health|Department of Health|Health Ministry|Ministry of Public Health|health authority|health authorities|drug regulator|drugs regulator|medicines regulator|medical products regulator|regulator|regulators|regulatory authority|regulatory authorities|regulatory agency|Food and Drug Administration|FDA|drug agency|medicines agency|drug administration|health regulator)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GenericRegulatorAfter();

    [GeneratedRegex(@"[\s\u00A0-]+")]
    private static partial Regex WhiteSpace();

    private sealed record Entity(MentionType Type, string Key, string Detail);
}
