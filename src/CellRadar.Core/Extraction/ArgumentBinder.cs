using System.Text.RegularExpressions;
using CellRadar.Core.Annotation;
using CellRadar.Core.Catalog;
using CellRadar.Core.Model;

namespace CellRadar.Core.Extraction;

/// <summary>
/// Binds a frame's arguments: which products, in which jurisdictions (through which agency), and
/// which date. Each binding rule prefers what the grammar ties to the cue ("approved by X", "X has
/// granted", "in X and Y") over what merely sits in the sentence.
/// </summary>
internal sealed partial class ArgumentBinder(ReferenceCatalog catalog)
{
    public List<(string Product, bool IsNew, bool ByReference, int Distance)> Products(Frame f, SentenceContext s, DocumentState doc)
    {
        var clause = s.ClauseAt(f.Anchor.Start);
        // "reduced the risk ... compared with osimertinib": a comparator is never the product acted on.
        var inClause = s.Of(MentionType.Product).Where(p => clause.Contains(p.Start) && !Comparator(s, p)).ToList();
        var pool = inClause.Count > 0 ? inClause : s.Of(MentionType.Product).Where(p => !Comparator(s, p)).ToList();
        var result = new List<(string, bool, bool, int)>();
        if (pool.Count > 0)
        {
            var nearest = pool.OrderBy(p => s.Distance(p, f.Anchor)).ThenBy(p => p.Start < f.Anchor.Start ? 0 : 1).First();
            foreach (var p in ProductList(s, pool, nearest))
                if (!result.Any(r => r.Item1 == p.Key)) result.Add((p.Key, p.Detail == "new", false, s.Distance(p, f.Anchor)));
            return result;
        }
        // "the therapy", "its CAR-T", a brand named earlier: follow the item's salient product (rule 8).
        // "Novartis filed for approval in Japan": the sponsor of that product acting stands for it too.
        // "... and recommended refusing a marketing authorisation for another": some other product, not the item's.
        if (AnotherProduct().IsMatch(s.Text.AsSpan(s.Span.Start, s.Span.Length))) return result;
        var salient = doc.SalientProduct(s.Span.Start);
        if (salient is not null && (ReferenceWord().IsMatch(s.Text.AsSpan(s.Span.Start, s.Span.Length)) || doc.DistinctProducts == 1
            || SponsorActs(s, salient.Key)))
            result.Add((salient.Key, salient.Detail == "new", true, 99));
        // "## Teclistamab (Tecvayli), BCMAxCD3, Janssen" then "- **August 2022:** the European Commission granted
        // conditional marketing authorisation": the section's product is the one its heading names.
        else if (doc.SectionProduct(s.Span.Start) is { } section)
            result.Add((section.Key, section.Detail == "new", true, 99));
        return result;
    }

    public List<(string Code, string Agency, bool Explicit, Mention? Source)> Jurisdictions(Frame f, SentenceContext s, DocumentState doc)
    {
        var result = new List<(string, string, bool, Mention?)>();
        if (f.FixedJurisdiction.Length > 0)
        {
            var agency = s.Of(MentionType.Agency).FirstOrDefault(a => a.Detail == f.FixedJurisdiction);
            result.Add((f.FixedJurisdiction, agency?.Key ?? f.FixedAgency, true, agency));
            return result;
        }
        var clause = s.ClauseAt(f.Anchor.Start);
        // A place written right on the cue ("an EU GMP certificate", "its Japanese approval") is its scope.
        var onCue = s.Of(MentionType.Jurisdiction).LastOrDefault(j => j.End <= f.Anchor.Start && f.Anchor.Start - j.End <= 1
            && clause.Contains(j.Start) && Usable(s, j, f.Kind));
        if (onCue is not null)
        {
            var agencyThere = s.Of(MentionType.Agency).FirstOrDefault(a => a.Detail == onCue.Key && clause.Contains(a.Start));
            result.Add((onCue.Key, agencyThere?.Key ?? catalog.RegulatorOf(onCue.Key), true, onCue));
            return result;
        }
        // "The product got its approval at home in November": the sponsor's home country, which the sentence does
        // not name; another place in it ("a registration application to Mexico's COFEPRIS ... already approved at
        // home") is some other act's.
        if (AtHome().IsMatch(s.After(f.Anchor.End, 30, clause.End))) return result;
        var agencies = s.Of(MentionType.Agency).Where(a => clause.Contains(a.Start)).ToList();
        if (agencies.Count == 0) agencies = s.Of(MentionType.Agency).ToList();
        // "LYB-109 was approved in China last month and has held RMAT designation from the FDA": a place the cue
        // opens with "in" is its place, ahead of agencies further on that belong to another place (another act).
        var inPlace = s.Of(MentionType.Jurisdiction).FirstOrDefault(j => j.Start >= f.Anchor.End && clause.Contains(j.Start)
            && s.WordsBetween(f.Anchor.End, j.Start) <= 2 && InBefore().IsMatch(s.Before(j.Start, 8, f.Anchor.End)) && Usable(s, j, f.Kind));
        // "The company informed the CHMP that KST-3 is authorised in the United Kingdom": likewise over an agency
        // that is told, not acting (reported speech, "that" between it and the act).
        if (inPlace is not null && agencies.Count > 0 && agencies.All(a => a.Detail != inPlace.Key
                && (a.Start > inPlace.End || a.End <= f.Anchor.Start && ThatBetween().IsMatch(s.Text.AsSpan(a.End, f.Anchor.Start - a.End)))))
        {
            var inPlaces = s.Of(MentionType.Jurisdiction).Where(j => clause.Contains(j.Start) && Usable(s, j, f.Kind)).ToList();
            foreach (var j in Group(s, inPlaces, inPlace))
                if (!result.Any(r => r.Item1 == j.Key)) result.Add((j.Key, catalog.RegulatorOf(j.Key), true, j));
            return result;
        }
        var chosen = ChooseAgency(f, s, agencies);
        if (chosen is not null)
        {
            foreach (var a in Group(s, agencies, chosen))
                if (!result.Any(r => r.Item1 == a.Detail)) result.Add((a.Detail, a.Key, true, a));
            return result;
        }
        var places = s.Of(MentionType.Jurisdiction).Where(j => clause.Contains(j.Start) && Usable(s, j, f.Kind)).ToList();
        var place = places.Where(j => j.Start >= f.Anchor.End).OrderBy(j => j.Start).FirstOrDefault()
                    ?? places.Where(j => j.End <= f.Anchor.Start).OrderByDescending(j => j.Start).FirstOrDefault();
        if (place is not null)
        {
            foreach (var j in Group(s, places, place))
                if (!result.Any(r => r.Item1 == j.Key)) result.Add((j.Key, catalog.RegulatorOf(j.Key), true, j));
            return result;
        }
        // "In the US, 2024 brought two firsts: Amtagvi won ... in February, and Tecelra was approved in August": a clause
        // with no place of its own goes on in the place an earlier clause of its sentence named.
        if (agencies.Count == 0 && s.Of(MentionType.Jurisdiction).LastOrDefault(j => j.End <= clause.Start && Usable(s, j, f.Kind)) is { } earlier
            && !VagueScope().IsMatch(s.Text.AsSpan(clause.Start, clause.Length)))
        {
            result.Add((earlier.Key, catalog.RegulatorOf(earlier.Key), false, earlier));
            return result;
        }
        // "approved in more than 40 countries", "available in many major markets": no place is named (rule 7),
        // so nothing from the rest of the item stands in for one.
        if (VagueScope().IsMatch(s.Text.AsSpan(clause.Start, clause.Length))) return result;
        if (f.HintJurisdiction.Length > 0)
        {
            result.Add((f.HintJurisdiction, catalog.RegulatorOf(f.HintJurisdiction), false, null));
            return result;
        }
        // "the agency", "the regulator": the agency named last before this sentence. A sentence that
        // carries the story on ("The application had earlier been given Priority Review") keeps the
        // agency of the sentences just before it.
        var last = doc.LastAgencyBefore(s.Span.Start);
        if (last is not null && (AgencyReference().IsMatch(s.Text.AsSpan(s.Span.Start, s.Span.Length))
            || (last.End >= doc.SentenceStart(s.Index - 2) && ReferenceWord().IsMatch(s.Text.AsSpan(s.Span.Start, s.Span.Length)))))
        {
            result.Add((last.Detail, last.Key, false, last));
            return result;
        }
        // A roundup goes on in the place its paragraph's previous sentence named ("... after FDA approval.
        // Then, in 2024, lifileucel won accelerated approval in February").
        if (doc.PlaceOfPreviousSentence(s.Index) is { } carried)
        {
            result.Add((carried.Code, carried.Agency.Length > 0 ? carried.Agency : catalog.RegulatorOf(carried.Code), false, null));
            return result;
        }
        // An item that names one place only (a regulator's notice, a national story) sets it for the rest.
        // An approval needs the place named more than once in passing: one "China" in a round-up is no setting.
        if (doc.SoleJurisdiction is { } sole && !(f.Kind == EventKind.Approval && doc.SoleJurisdictionNamedOnce))
        {
            result.Add((sole.Code, sole.Agency, false, null));
            return result;
        }
        // A filing, review or refusal mentioned in passing in a story that is about one place is that
        // place's ("Abeona resubmits after fixing assay items" in a story about the FDA). Approvals need
        // more (below): a false approval costs most.
        if (doc.DominantJurisdiction is { } dominant && f.Kind is EventKind.Submission or EventKind.Acceptance or EventKind.Rejection or EventKind.Withdrawal)
        {
            result.Add((dominant.Code, dominant.Agency, false, null));
            return result;
        }
        // An approval is inferred only from an item that is overwhelmingly about one place (an explainer of
        // China's CAR-T approvals, a long read on the EU market), and only when it is stated as an act.
        if (doc.OverwhelmingJurisdiction is { } overwhelming && f.Kind is EventKind.Approval && f.Status == EventStatus.Occurred)
        {
            result.Add((overwhelming.Code, overwhelming.Agency, false, null));
            return result;
        }
        // A BLA with the FDA named in the item is an American filing; so is one in an item that names no place
        // or agency at all ("completed the rolling BLA submission"): the Biologics License Application is the FDA's.
        if (f.Subtype is "BLA" or "sBLA" && (doc.MentionsAgency("FDA") || doc.NamesNoPlace))
            result.Add(("US", "FDA", false, null));
        return result;
    }

    [GeneratedRegex(@"^\s*(?:[\w-]+\s+)?(?:at\s+home|domestically|in\s+its\s+home\s+(?:market|country))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AtHome();

    [GeneratedRegex(@"\bin\s+(?:the\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InBefore();

    [GeneratedRegex(@"\bthat\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ThatBetween();

    [GeneratedRegex(@"\b(?:for|of|to)\s+another(?:\s+(?:one|product|medicine|therapy|drug|candidate))?\b|\ban(?:other|y)\s+(?:other\s+)?(?:product|medicine|therapy|drug|candidate)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AnotherProduct();

    private static bool Comparator(SentenceContext s, Mention p) => ComparatorBefore().IsMatch(s.Before(p.Start, 25, s.Span.Start));

    private bool SponsorActs(SentenceContext s, string product) =>
        catalog.ProductsByCanonical.TryGetValue(product, out var entry)
        && s.Of(MentionType.Company).Any(c => string.Equals(c.Key, entry.Sponsor, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The agency the grammar ties to the cue: the first one after it introduced by "by"/"from"/"of"
    /// ("clearance from the FDA", "approved by China's NMPA"), else the nearest one before it (the subject,
    /// "The FDA has granted", or a possessive, "the Department of Health's approval").
    /// </summary>
    private static Mention? ChooseAgency(Frame f, SentenceContext s, List<Mention> agencies)
    {
        Mention? after = null;
        foreach (var a in agencies.Where(a => a.Start >= f.Anchor.End).OrderBy(a => a.Start))
        {
            var lead = s.Before(a.Start, 40, s.Span.Start);
            if (AgentBefore().IsMatch(lead)) { after = a; break; }
        }
        var before = agencies.Where(a => a.End <= f.Anchor.Start).OrderByDescending(a => a.Start).FirstOrDefault();
        // A subject right before its verb ("... and Australia's TGA all approved the CAR-T") is the agent.
        if (before is not null && s.Distance(before, f.Anchor) <= 2
            && !AgentBefore().IsMatch(s.Before(before.Start, 40, s.Span.Start))) return before;
        if (after is not null && (before is null || s.Distance(after, f.Anchor) <= 12)) return after;
        if (before is not null) return before;
        // An agency right after the cue with no preposition ("approval from" was cut off by a line break, "CHMP opinion").
        return agencies.Where(a => a.Start >= f.Anchor.End && s.Distance(a, f.Anchor) <= 3).OrderBy(a => a.Start).FirstOrDefault();
    }

    /// <summary>"Chinese companies", "US-based", "Korean firms": a place that says who acts, not where a decision applies.</summary>
    internal static bool NamesActorsNotPlace(string text, Mention j)
    {
        if (j.End < text.Length && text[j.End] == '-') return true;
        var tail = text.AsSpan(j.End, Math.Min(25, text.Length - j.End));
        return NationalityOfActors().IsMatch(tail) || PlaceAsCompany().IsMatch(tail);
    }

    /// <summary>Places that are where something happened, not where a company or trial sits.</summary>
    private static bool Usable(SentenceContext s, Mention j, EventKind kind)
    {
        var text = s.Text;
        if (j.End < text.Length && text[j.End] == '-') return false; // "China-developed", "US-based"
        var lead = s.Before(j.Start, 45, s.Span.Start);
        if (NotTheEventPlace().IsMatch(lead))
        {
            // Where patients received a therapy is exactly the place of an access programme.
            if (!(kind == EventKind.Access && PatientsIn().IsMatch(lead))) return false;
        }
        var tail = s.After(j.End, 25, s.Span.End);
        if (PlaceAsCompany().IsMatch(tail)) return false;
        // "Korean firms", "Chinese researchers": a nationality of actors, not where a decision applies.
        if (NationalityOfActors().IsMatch(tail)) return false;
        // A place that only qualifies an agency ("Department of Health of Hong Kong, China") is part of it.
        foreach (var a in s.Of(MentionType.Agency))
            if (s.Distance(a, j) <= 1 && (a.Detail == j.Key || j.Key == "CN" && a.Detail is "HK" or "MO" or "TW")) return false;
        return true;
    }

    /// <summary>
    /// Products listed together as one object ("approved two therapies: Casgevy (...) from Vertex, and
    /// Lyfgenia (...)"); a comparison ("unlike X", "which competes with X") ends the list.
    /// </summary>
    private static List<Mention> ProductList(SentenceContext s, List<Mention> pool, Mention anchor)
    {
        var ordered = pool.OrderBy(m => m.Start).ToList();
        var i = ordered.IndexOf(anchor);
        var list = new List<Mention> { anchor };
        bool Listed(Mention a, Mention b)
        {
            if (a.Key == b.Key) return true;
            if (b.Start - a.End > 90) return false;
            var between = s.Text.AsSpan(a.End, b.Start - a.End);
            if (s.Mentions.Any(m => m.Type == MentionType.Cue && m.Start >= a.End && m.End <= b.Start && m.Key is not ("Respectively" or "NewsAct" or "Background" or "Negation"))) return false;
            return ListSeparator().IsMatch(between) && !ComparisonWord().IsMatch(between);
        }
        for (var k = i - 1; k >= 0 && Listed(ordered[k], ordered[k + 1]); k--) list.Insert(0, ordered[k]);
        for (var k = i + 1; k < ordered.Count && Listed(ordered[k - 1], ordered[k]); k++) list.Add(ordered[k]);
        return list;
    }

    /// <summary>The mention with the ones coordinated with it ("X and Y", "X, Y and Z").</summary>
    private static List<Mention> Group(SentenceContext s, List<Mention> pool, Mention anchor)
    {
        var ordered = pool.OrderBy(m => m.Start).ToList();
        var i = ordered.IndexOf(anchor);
        var group = new List<Mention> { anchor };
        for (var k = i - 1; k >= 0 && Coordinated(s, ordered[k], ordered[k + 1]); k--) group.Insert(0, ordered[k]);
        for (var k = i + 1; k < ordered.Count && Coordinated(s, ordered[k - 1], ordered[k]); k++) group.Add(ordered[k]);
        return group;
    }

    private static bool Coordinated(SentenceContext s, Mention a, Mention b)
    {
        if (b.Start < a.End) return false;
        if (b.Start - a.End > 60) return false;
        if (s.Mentions.Any(m => m.Type == MentionType.Cue && m.Start >= a.End && m.End <= b.Start && m.Key is not ("Respectively" or "NewsAct" or "Background"))) return false;
        // Places that qualify an agency ("the Health Sciences Authority of Singapore and ...") do not break a list.
        var between = new System.Text.StringBuilder(s.Text, a.End, b.Start - a.End, b.Start - a.End);
        // Nor do dates that belong to each place ("in Canada in 2024 and in Australia in 2025").
        foreach (var j in s.Mentions.Where(j => j.Type is MentionType.Jurisdiction or MentionType.Date && j.Start >= a.End && j.End <= b.Start).OrderByDescending(j => j.Start))
            between.Remove(j.Start - a.End, j.Span.Length);
        return between.Length <= 40 && Coordination().IsMatch(between.ToString());
    }

    [GeneratedRegex(@"\b(?:the\s+therapy|the\s+treatment|the\s+drug|the\s+product|the\s+medicine|the\s+candidate|the\s+cell\s+therapy|the\s+gene\s+therapy|the\s+CAR-?\s?T|this\s+therapy|its|it|our|their|the\s+company['\u2019]s|the\s+approval|this\s+approval|the\s+decision|this\s+decision|\w+['\u2019]s\s+decision|today['\u2019]s\s+decision|the\s+opinion|the\s+recommendation|the\s+authori[sz]ation|the\s+clearance|the\s+company['\u2019]s\s+(?:application|filing|submission)|the\s+designation|the\s+programme|the\s+program|the\s+application|the\s+filing|the\s+NDA|the\s+BLA|the\s+MAA)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReferenceWord();

    [GeneratedRegex(@"\b(?:compared\s+(?:with|to)|versus|vs\.?|than|relative\s+to|against|over)\s+(?:the\s+|standard\s+|single-agent\s+|treatment\s+with\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ComparatorBefore();

    [GeneratedRegex(@"\b(?:in\s+(?:more\s+than\s+|over\s+|about\s+|nearly\s+|some\s+)?\d+\s+(?:countries|markets|territories|jurisdictions)|worldwide|across\s+the\s+globe|around\s+the\s+(?:world|globe)|all\s+over\s+the\s+world|(?:many|several|multiple|numerous|various)\s+(?:major\s+|other\s+|key\s+)?(?:markets|countries|territories|jurisdictions|regions))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VagueScope();

    [GeneratedRegex(@"(?:^[\s(]*\)?[\s]*$|\band\b|,|;|:|\bor\b|/|&)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ListSeparator();

    [GeneratedRegex(@"\b(?:which|who|that|unlike|than|versus|vs|compared|competes|competing|rival|follows|following|after|before|like|such\s+as|including|replacing|instead|over|against|plus|combination|combined|with)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ComparisonWord();

    [GeneratedRegex(@"\b(?:the\s+agency|the\s+regulator|the\s+authority|the\s+FDA|the\s+Administration|the\s+ministry|the\s+bureau|the\s+commission|the\s+department|the\s+committee|the\s+centre|the\s+center|the\s+regulators|domestic|at\s+home|home\s+market)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AgencyReference();

    [GeneratedRegex(@"\b(?:by|from|of|with|through|at|via|to)\s+(?:the\s+)?(?:[A-Z][\w.]*(?:['\u2019]s)?\s+){0,4}$", RegexOptions.CultureInvariant)]
    private static partial Regex AgentBefore();

    [GeneratedRegex(@"\b(?:outside|outside\s+of|except|excluding|beyond|other\s+than|trial|trials|study|studies|patients|conducted|manufactured|made|based|headquartered|developed|enrolled|sites?|centres?|centers|hospitals?|investigators|researchers|company|firm|biotech|foundation|charity|non-profit|nonprofit|institute|university|listed|shares|market\s+for|from)\s+(?:(?:in|at|across|of)\s+)?(?:the\s+)?(?:mainland\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotTheEventPlace();

    [GeneratedRegex(@"^\s+(?:(?:biotech|pharmaceutical|drug|pharma|life\s+sciences?)\s+)?(?:firms?|compan(?:y|ies)|CAR-?\s?Ts?|(?:cell\s+|gene\s+)?therap(?:y|ies)|products?|drugs?|medicines?|treatments?|developers?|biotechs?|researchers|scientists|investigators|team|teams|developers?|makers?|manufacturers?|biotechs|government|investors|hospitals|universities|groups?|players|sponsors?|partners?|startups?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NationalityOfActors();

    [GeneratedRegex(@"\bpatients\s+(?:in\s+)?(?:the\s+)?(?:mainland\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PatientsIn();

    [GeneratedRegex(@"^\s*(?:Inc|Ltd|Co|Corp|Pharma|Pharmaceuticals?|Biotech|Bio|Therapeutics|Holdings|Group)\b", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceAsCompany();

    [GeneratedRegex(@"^(?:\s*(?:,|and|or|&|as\s+well\s+as|the|of|in|by|from|plus|/|for\s+[\w'\u2019-]+(?:\s+(?!and\b|by\b)[\w'\u2019-]+){0,3}|\(|\)|China|respectively|['\u2019]s)\s*)*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Coordination();
}
