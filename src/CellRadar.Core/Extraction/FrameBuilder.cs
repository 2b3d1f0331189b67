using System.Text.RegularExpressions;
using CellRadar.Core.Annotation;
using CellRadar.Core.Model;

namespace CellRadar.Core.Extraction;

/// <summary>
/// Turns the cues of one sentence into candidate event frames. Each rule is a small method named for
/// the phrasing it reads; the kind comes from the cue and its object (a designation, an IND, an NDA).
/// Blocking rules (negation, hedges, reimbursement) drop a frame here, before any argument is bound.
/// </summary>
internal static partial class FrameBuilder
{
    [GeneratedRegex(@"\bto\s+(?:run|conduct|start|begin|initiate|launch|open|test|evaluate|enrol|enroll|carry\s+out)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TrialPurpose();

    [GeneratedRegex(@"\b(?:is|are)\s+(?:also\s+)?(?:expected|anticipated|due|pending|scheduled)\b|\bexpected\s+(?:by|in|on|before|within)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DecisionDue();

    [GeneratedRegex(@"\b(?:compl(?:ies|y|ied|iant|iance)\s+with|in\s+compliance\s+with|meets|met|passed|passes|cleared|clears|received|secured|obtained|earned|confirmed)\b(?:\s+[\w/'\u2019-]+){0,4}\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GmpMet();

    [GeneratedRegex(@"^[\s-]*(?:facility|facilities|plant|plants|site|sites|manufacturing|production|grade|conditions|suite|suites|space|capacity)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GmpFacility();

    [GeneratedRegex(@"^\s+(?:system|systems|pathway|pathways|process|processes|procedure|procedures|framework|route|routes|scheme|schemes|regime|track|standard|standards|requirement|requirements|rules|timeline|timelines|programme|program|mechanism|criteria|rate|rates|odds|history|package|dossier|filing|application|request|review|reviews|bid|bids|hopes|prospects)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SchemeAfterNoun();

    [GeneratedRegex(@"\b(?:until|unless|if|once|upon|before)\s+(?:[\w'\u2019-]+\s+){0,4}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ConditionClause();

    [GeneratedRegex(@"\b(?:is|are|remains|remain|currently|now|still)\s+(?:being\s+reviewed\s+)?(?:under|with)\s+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UnderBefore();

    [GeneratedRegex(@"\bfor\s+(?:[\w-]+\s+){0,3}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ForBefore();

    [GeneratedRegex(@"\b(?:when|before|after|if|once|until|unless|upon)\s+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ConditionBefore();

    [GeneratedRegex(@"\b(?:appl(?:y|ied|ies|ying)\s+for|request(?:ed|s|ing)?|ask(?:ed|s|ing)?|seek(?:s|ing)?|sought|submitted\s+an?\s+(?:application|request)\s+for)\s+(?:[\w()-]+\s+){0,6}\(?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DesignationRequest();

    [GeneratedRegex(@"\b(?:been|was|were|is|are|being|be)\s+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PassiveBefore();

    /// <summary>"the product was withdrawn", "for it to be withdrawn", "the therapy has been withdrawn".</summary>
    [GeneratedRegex(@"\b(?:the\s+product|the\s+therapy|the\s+medicine|the\s+drug|the\s+treatment|it)\s+(?:[\w-]+\s+){0,2}(?:was|were|is|has\s+been|had\s+been|be|been)\s+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ProductSubject();

    [GeneratedRegex(@"\band\s+(?:later\s+|then\s+|subsequently\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AndWithdrawnAfterApproval();

    [GeneratedRegex(@"\b(?:patients?|participants?|subjects?|volunteers?|children|investigators?|sites?)\b(?:\s+[\w-]+){0,3}\s+(?:were|was|have\s+been|had\s+been|been)?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PatientsWithdrawn();

    /// <summary>"the Commission on Human Medicines advised ...", "a committee of the council concluded that ...": an advisory body speaks.</summary>
    [GeneratedRegex(@"\b(?:committee|council|panel|commission|advisory|advisers|advisors|CHMP|CAT|ODAC)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AdvisoryBody();

    [GeneratedRegex(@"^\s*(?:\([^)]*\)\s*)?(?:scheme\s+|route\s+|pathway\s+|programme\s+|program\s+)?(?:allows|lets|permits|enables|means|is\s+a|is\s+an|refers|gives|provides|was\s+created|exists)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Definition();

    [GeneratedRegex(@"\b(?:(?<pos>positive|favourable|favorable|supportive)|(?<neg>negative|unfavourable|unfavorable))\s+(?:[A-Z][\w'\u2019]*\s+){0,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex OpinionJudgement();

    [GeneratedRegex(@"^\s+(?!(?:by|in|for|on|at|from|to|as|with|under|since|after|before|via|through|and|or|the|a|an|its|their|two|three|four|five|six|both|\d+)\b)(?:[\w/-]+\s+){0,4}?(?:therapies|products|drugs|treatments|medicines|CAR-?Ts|options|agents|indications|uses)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ClassAfterParticiple();

    /// <summary>"every approved option", "an approved therapy", "the only approved treatment": one member of a class.</summary>
    [GeneratedRegex(@"\b(?:every|each|any|an|one|no|other|another|only|first)\s+(?:already\s+|currently\s+|previously\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SingleOfClassBefore();

    [GeneratedRegex(@"^\s+(?:[\w/-]+\s+){0,2}?(?:therapy|product|drug|treatment|medicine|option|agent|CAR-?T|alternative|regimen)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SingleClassAfter();

    /// <summary>"a growing number of product approvals", "the record number of approvals": a count, not an act.</summary>
    [GeneratedRegex(@"\b(?:number|numbers|count|wave|string|list|tally)\s+of\s+(?:[\w-]+\s+){0,2}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CountOf();

    [GeneratedRegex(@"\b(?:its|the\s+therapy['\u2019]s|the\s+product['\u2019]s|the\s+drug['\u2019]s)\s+(?:[\w-]+\s+){0,2}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ItsBefore();

    /// <summary>"recommended the refusal of", "recommended rejection": a committee's negative opinion.</summary>
    [GeneratedRegex(@"\b(?:recommend(?:ed|s|ing)?|advised|backed|endorsed)\s+(?:the\s+|a\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RecommendedBefore();

    [GeneratedRegex(@"^\s+(?:the\s+|a\s+)?(?:refusal|refusing|rejection|rejecting|non-renewal|against)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RefusalAfter();

    /// <summary>"The impact of this matter ... is under review", "markets under evaluation": a review that is not a regulator's.</summary>
    [GeneratedRegex(@"^\W*(?:the\s+|its\s+|this\s+|that\s+|any\s+)?(?:potential\s+|financial\s+|possible\s+)?(?:impact|impacts|effect|effects|implications?|matter|situation|guidance|forecast|outlook|options|strategy|policy|budget|pricing|contract|agreement|deal)\b|\b(?:markets|countries|territories|regions|opportunities|options)\W*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NonRegulatoryReviewSubject();

    [GeneratedRegex(@"^\s+(?:was\s+|were\s+|has\s+been\s+|had\s+been\s+|is\s+|being\s+)?(?:withdrawn|cancell?ed|canceled|revoked|suspended|lapsed|terminated)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ApprovalEnded();

    /// <summary>"approved through the priority review procedure": the route an approval took, not a separate grant.</summary>
    [GeneratedRegex(@"\b(?:through|via|using|by\s+way\s+of)\s+(?:the\s+|a\s+|its\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RouteBefore();

    [GeneratedRegex(@"^\W*(?:with|after|following|since|upon|thanks\s+to|on\s+the\s+back\s+of)\s+(?:the|this|that|today['\u2019]s)\s+(?:[\w-]+\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LookBackOpening();

    [GeneratedRegex(@"\b(?:the|this|that)\s+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DefiniteBefore();

    [GeneratedRegex(@"^\s+as\s+an?\s+(?:[\w-]+\s+){0,2}(?:manufacturing|production|facility|site|unit|laboratory|lab|plant|establishment|centre|center)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SiteLicence();

    /// <summary>"permission to manufacture and market VRN-19", "permission for marketing": leave to sell, not to run a trial.</summary>
    [GeneratedRegex(@"^\s+(?:to\s+(?:manufacture\s+and\s+|import\s+and\s+)?(?:market|sell|commerciali[sz]e|launch)|for\s+(?:the\s+)?(?:marketing|sale|commercial))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MarketingPermission();

    [GeneratedRegex(@"\bmarketing\s+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MarketingBefore();

    [GeneratedRegex(@"\b(?:follow(?:s|ed|ing)?|after|based\s+on|on\s+the\s+basis\s+of)\s+(?:an?\s+|the\s+|its\s+)?(?:[\w'\u2019-]+\s+){0,3}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FollowsAdvice();

    [GeneratedRegex(@"^\W*(?:the|this|that|today['\u2019]s)\s+decision\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DecisionSubject();

    [GeneratedRegex(@"^(?:(?!\b(?:based|data|results|after|following)\b)[^.;])*?\bfor\s+(?:(?:its|a|an|the|their|our)\s+)?(?:[\w/()-]+\s+){0,5}?(?:(?:clinical\s+)?(?:trial|study)|(?<ind>IND|investigational\s+new\s+drug)|(?<cta>CTA))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TrialFor();

    [GeneratedRegex(@"\b(?:trial|study)\s+(?:that|which)\s+(?:the\s+)?(?:[\w'\u2019-]+\s+){0,3}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TrialThatBefore();

    [GeneratedRegex(@"^\W*(?:no|none\s+of\s+(?:the|its|their)|not\s+(?:a\s+single|one))\s+(?!doubt\b|sooner\b|longer\b|later\b)(?:[\w/'\u2019-]+\s+){0,9}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NegatedSubject();

    /// <summary>"approved the import of the product": leave to bring in supplies, not a marketing authorisation.</summary>
    [GeneratedRegex(@"^\s+(?:the\s+|an?\s+|its\s+|their\s+)?(?:import|imports|importation|importing|shipment|shipments|export|exports)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ImportObject();

    /// <summary>"the imported CAR-Ts approved in the country": a participle describing a class of products.</summary>
    // "Both products had been authorised", "its two therapies were approved": the item's own products, referred back to.
    [GeneratedRegex(@"(?<!\b(?:both|these|those|its|their|our|his|her)\s+(?:[\w-]+\s+){0,2})\b(?:CAR-?\s?Ts|therapies|products|drugs|medicines|treatments|options)\s+(?:(?:have|has|had)\s+)?(?:already\s+|also\s+)?(?:been\s+)?(?:already\s+|currently\s+|now\s+)?$|\b(?:the|a|one)\s+(?:[\w-]+\s+){0,2}(?:CAR-?\s?T|therapy|product|drug|medicine|treatment|option)\s+(?:already|currently|previously)\s+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ClassBeforeParticiple();

    /// <summary>"the PRIME scheme, which offers early advice and accelerated assessment": what a scheme offers, not a grant.</summary>
    [GeneratedRegex(@"\b(?:which|that)\s+(?:offers|offer|offered|provides|provide|provided|gives|give|gave|allows|allow|allowed|includes|include|brings|bring|brought|means|enables|enabled|comes\s+with|came\s+with)\b(?:\s+[\w'\u2019-]+){0,8}\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SchemeOffers();

    /// <summary>"cleared by the US FDA": a marketing clearance when no trial is its object.</summary>
    [GeneratedRegex(@"^cleared\s+(?:by|from)\b|^cleared$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ClearedWord();

    [GeneratedRegex(@"\b(?:mechanism|scheme|pathway|route|procedure|programme|program|framework|policy|rule|rules)\b[^.;]{0,10},?\s+(?:which|that)\s+(?:allows|allow|allowed|lets|let|permits|permit|enables|enable|means)\b[^.;]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SchemeWhichAllows();

    [GeneratedRegex(@"^\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?(?:[\w-]+['\u2019]s\s+)?(?:new\s+|second\s+|expanded\s+|commercial\s+)?(?:manufacturing\s+|production\s+)?(?:facility|facilities|site|sites|plant|plants|factory|suite|suites)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FacilityObject();

    [GeneratedRegex(@"\bfor\s+(?:inclusion|listing|coverage|reimbursement|funding)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InclusionAfter();

    [GeneratedRegex(@"\b(?:benefits|advantages|features|perks|privileges|incentives)\s+(?:of|that\s+come\s+with|associated\s+with)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BenefitsOf();

    [GeneratedRegex(@"^\s+(?:designation\s+|status\s+)?(?:programme|program|scheme|pathway|system|framework)\s+(?:provides|offers|gives|allows|grants|includes|is|was|has|brings|comes)\b|^\s+(?:designation\s+|status\s+)?(?:allows|provides|gives|offers|enables|entitles|brings|carries)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SchemeDescribed();

    [GeneratedRegex(@"^\W*(?:[\w-]+\s+){0,2}(?:if|unless|provided\s+that|should\s+the)\s", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ConditionAfter();

    [GeneratedRegex(@"\b(?:did\s+not|does\s+not|do\s+not|had\s+not\s+been|has\s+not\s+been|were\s+not|was\s+not|could\s+not|failed\s+to|insufficient|not\s+sufficient|not\s+enough)\b(?:\s+[\w-]+){0,3}\s+(?:show|shown|demonstrate|demonstrated|establish|established|outweigh|support|sufficient|enough)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NegativeFinding();

    [GeneratedRegex(@"^\s+(?:(?:a|an|the)\s+)?(?:growing|rising|increasing|large|record|small|long|short)?\s*(?:number|numbers|host|range|string|wave|list|handful|series|slew|raft|clutch|dozen|dozens)\s+of\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CountAfter();

    [GeneratedRegex(@"\b(?:several|many|some|numerous|multiple|other|few|a\s+number\s+of|a\s+handful\s+of|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:[\w-]+\s+){0,3}(?:products|therapies|drugs|medicines|treatments|CAR-?\s?Ts|candidates|companies)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QuantifiedClassSubject();

    [GeneratedRegex(@"\b(?:in\s+talks|in\s+discussions?|talking|discussing|considering|exploring|weighing|looking\s+into|has\s+asked\s+about|enquir\w+|inquir\w+)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TalksAbout();

    [GeneratedRegex(@"\b(?:allows?|allowing|allowed|lets?|letting|enables?|enabling|permits?|entitles?|qualif(?:y|ies))\s+(?:[\w-]+\s+){0,4}(?:to|for)\s+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AllowsTo();

    [GeneratedRegex(@"^(?:claims?|claimed|claiming|reportedly|allegedly|rumou?red|according\s+to\s+sources|whether)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Hearsay();

    [GeneratedRegex(@"\b(?:after|following|since|post|before|until|pending|awaiting)\s+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AfterTime();

    [GeneratedRegex(@"\b(?:obligations?|conditions?|requirements?|required|requires|commitments?|committed|obliged|must)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Obligation();

    [GeneratedRegex(@"\b(?:regulators?|regulatory\s+(?:authorit(?:y|ies)|agenc(?:y|ies))|health\s+authorit(?:y|ies)|medicines\s+(?:agency|regulator))\b(?:\s+[\w'\u2019-]+){0,3}\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RegulatorsBefore();

    [GeneratedRegex(@"^(?:filed|files|submitted)\s+(?:in|with)\s+(?:the\s+)?[A-Z]", RegexOptions.CultureInvariant)]
    private static partial Regex FiledIn();

    [GeneratedRegex(@"designation|status|eligib|scheme", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DesignationNoun();

    [GeneratedRegex(@"^(?:are|is)\s+continuing|^continues|^remains?\s+pending|^(?:is|are)\s+pending", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ContinuingWord();

    [GeneratedRegex(@"\b(?:review|reviews|evaluation|assessment|applications?|filings?|submissions?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReviewSubject();

    public static List<Frame> Build(SentenceContext s)
    {
        var frames = new List<Frame>();
        DesignationGranted(s, frames);
        foreach (var cue in s.Of(MentionType.Cue))
        {
            if (!Enum.TryParse<CueType>(cue.Key, out var type)) continue;
            var frame = type switch
            {
                CueType.ApproveVerb => Approval(s, cue, 0.9),
                CueType.ApprovalNoun => Approval(s, cue, 0.8),
                CueType.Accept => Accepted(s, cue),
                CueType.UnderReview => UnderReview(s, cue),
                CueType.DecisionExpected => DecisionExpected(s, cue),
                CueType.Submit => Submitted(s, cue),
                CueType.Opinion => Opinion(s, cue),
                CueType.Reject => Rejected(s, cue),
                CueType.Withdraw => Withdrawn(s, cue),
                CueType.Access => Access(s, cue),
                CueType.Gmp => Gmp(s, cue),
                CueType.TrialClear => TrialCleared(s, cue),
                _ => null,
            };
            if (frame is not null && !Blocked(s, frame)) frames.Add(frame);
        }
        PlannedApplication(s, frames);
        UnderAgencyReview(s, frames);
        return frames;
    }

    /// <summary>
    /// "The BLA is under FDA review", "remains under the EMA's accelerated review": "under review" with the agency
    /// written inside it (the cue alone is not found there, since a cue never overlaps a name).
    /// </summary>
    private static void UnderAgencyReview(SentenceContext s, List<Frame> frames)
    {
        if (frames.Exists(f => f.Kind == EventKind.Acceptance)) return;
        foreach (var a in s.Of(MentionType.Agency))
        {
            if (!UnderBeforeAgency().IsMatch(s.Before(a.Start, 40, s.Span.Start)) || !ReviewAfterAgency().IsMatch(s.After(a.End, 40, s.Span.End))) continue;
            var clause = s.ClauseAt(a.Start);
            var app = NearestApplication(s, a, clause, "marketing");
            if (TrialObject(s, a, clause) is not null) return;
            var frame = new Frame { Anchor = a, Kind = EventKind.Acceptance, Subtype = app?.Key ?? "", Status = EventStatus.Ongoing, FixedJurisdiction = a.Detail, FixedAgency = a.Key, CueStrength = 0.75, Rule = "under-agency-review" };
            if (!Blocked(s, frame)) frames.Add(frame);
            return;
        }
    }

    // A state, not a past route: "is under FDA review", not "had been reviewed under Health Canada's priority review pathway".
    [GeneratedRegex(@"\b(?:is|are|remains?|sits?|currently|now|still)\s+(?:(?:still|currently|now)\s+)?under\s+(?:the\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UnderBeforeAgency();

    [GeneratedRegex(@"^(?:['\u2019]s)?\s+(?:priority\s+|standard\s+|accelerated\s+|expedited\s+|formal\s+)?(?:review|evaluation|assessment)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReviewAfterAgency();

    /// <summary>"granted RMAT designation", "received PRIME eligibility", "Orphan Drug designation from the FDA".</summary>
    private static void DesignationGranted(SentenceContext s, List<Frame> frames)
    {
        var designations = s.Of(MentionType.Designation).ToList();
        if (designations.Count == 0) return;
        // The alias itself may say it ("orphan designations", "Breakthrough Therapy Designation").
        // "accepted for Priority Review": the acceptance grants the review status too.
        var granting = s.Has(CueType.GrantVerb) || s.Has(CueType.DesignationWord) || s.Has(CueType.ApproveVerb)
                       || (s.Has(CueType.Accept) && designations.Any(d => d.Key == "PriorityReview"))
                       || designations.Any(d => UnderReviewScheme(s, d))
                       || designations.Any(d => DesignationNoun().IsMatch(s.TextOf(d)));
        if (!granting) return;
        foreach (var d in designations)
        {
            // "applied for Breakthrough Therapy designation" is a request, not a grant.
            var request = DesignationRequest().IsMatch(s.Before(d.Start, 60, s.Span.Start));
            if (request) continue;
            if (SchemeOffers().IsMatch(s.Before(d.Start, 80, s.Span.Start))) continue;
            // "The FDA's Orphan Drug designation programme provides incentives": the scheme described, not a grant.
            if (SchemeDescribed().IsMatch(s.After(d.End, 40, s.Span.End))) continue;
            // "It carries the benefits of Fast Track and Breakthrough Therapy designation, including ... eligibility for
            // priority review": what a designation brings, not a grant of each.
            if (BenefitsOf().IsMatch(s.Text.AsSpan(s.Span.Start, d.Start - s.Span.Start))) continue;
            // "approved ... through the priority review procedure": the review was the route of the approval
            // stated in the same sentence; the approval is the event (a PRIME or orphan grant is not a route).
            if (d.Key == "PriorityReview" && s.Has(CueType.ApproveVerb) && RouteBefore().IsMatch(s.Before(d.Start, 30, s.Span.Start))) continue;
            // "Priority Review" of a filing is a designation only when granted ("grants priority review").
            var parts = d.Detail.Split('|');
            var subtype = d.Key;
            // "Swissmedic has granted the fast-track authorisation procedure": a scheme named like another
            // country's (Fast Track is the FDA's) but granted by an agency of another place is that place's, Other.
            if (parts.Length == 2 && s.Of(MentionType.Agency).ToList() is { Count: > 0 } agencies
                && !agencies.Exists(a => a.Detail == parts[0]) && agencies.Select(a => a.Detail).Distinct().Count() == 1)
            {
                subtype = "Other";
                parts = [agencies[0].Detail, agencies[0].Key];
            }
            var frame = new Frame
            {
                Anchor = d,
                Kind = EventKind.Designation,
                Subtype = subtype,
                FixedJurisdiction = parts.Length == 2 ? parts[0] : "",
                FixedAgency = parts.Length == 2 ? parts[1] : "",
                CueStrength = s.Has(CueType.GrantVerb) ? 0.9 : 0.75,
                Rule = "designation-granted",
            };
            if (!Blocked(s, frame)) frames.Add(frame);
            // "The application is under priority review": the review is ongoing too.
            if (UnderReviewScheme(s, d))
                frames.Add(new Frame { Anchor = d, Kind = EventKind.Acceptance, Status = EventStatus.Ongoing, CueStrength = 0.75, Rule = "under-priority-review" });
        }
    }

    private static bool UnderReviewScheme(SentenceContext s, Mention d) =>
        d.Key == "PriorityReview" && UnderBefore().IsMatch(s.Before(d.Start, 40, s.Span.Start));

    /// <summary>"approved", "approval", "marketing authorisation"; an approved IND or trial is a trial authorisation.</summary>
    private static Frame? Approval(SentenceContext s, Mention cue, double strength)
    {
        var clause = s.ClauseAt(cue.Start);
        var registration = cue.Detail == "register";
        if (TrialObject(s, cue, clause) is { } trial)
        {
            // A trial "registered" on a public registry is not authorised by that.
            if (registration) return null;
            return new Frame { Anchor = cue, Kind = EventKind.TrialAuthorization, Subtype = trial, CueStrength = strength, Rule = "trial-approved" };
        }
        // "registered" means marketing authorisation only where a regulator or place says so.
        if (registration && !s.Of(MentionType.Agency).Any() && !s.Of(MentionType.Jurisdiction).Any()) return null;
        // "With the approval, X joins ...", "Following this approval, ...": the approval reported before is
        // looked back on, not stated again (and not in whatever place the sentence goes on to name).
        if (LookBackOpening().IsMatch(s.Before(cue.Start, 40, s.Span.Start)) && s.Before(cue.Start, 40, s.Span.Start).Length < 40) return null;
        // "announced the authorisation on Tuesday", "Next stop: the marketing authorisation decision": a
        // definite noun with no product, agency or place in its sentence points at an act told elsewhere.
        if (cue.Type == MentionType.Cue && cue.Key == nameof(CueType.ApprovalNoun) && DefiniteBefore().IsMatch(s.Before(cue.Start, 12, clause.Start))
            && !s.Of(MentionType.Product).Any() && !s.Of(MentionType.Agency).Any() && !s.Of(MentionType.Jurisdiction).Any()) return null;
        // ""The approval is a credibility event," one analyst in Hong Kong wrote": the approval told before, talked
        // about; a place elsewhere in the sentence (the analyst's) is not its place. Only a place on the noun
        // ("the Japanese approval", "the approval in Japan") would make it a statement of its own.
        if (cue.Type == MentionType.Cue && cue.Key == nameof(CueType.ApprovalNoun) && DefiniteBefore().IsMatch(s.Before(cue.Start, 12, clause.Start))
            && !s.Of(MentionType.Product).Any() && !s.Of(MentionType.Agency).Any()
            && !s.Of(MentionType.Jurisdiction).Any(j => j.End <= cue.Start && s.WordsBetween(j.End, cue.Start) == 0 || j.Start >= cue.End && s.WordsBetween(cue.End, j.Start) <= 2)) return null;
        // "the "1+" mechanism, which allows new drugs approved by one reference regulator ... to be registered": what a
        // scheme allows, not an act.
        if (SchemeWhichAllows().IsMatch(s.Before(cue.Start, 160, s.Span.Start))) return null;
        // "Lianyun's CEO on life after approval": approval as a time, with no product or agency in its clause.
        if (cue.Key == nameof(CueType.ApprovalNoun) && AfterTime().IsMatch(s.Before(cue.Start, 12, clause.Start))
            && !s.Of(MentionType.Product).Any(p => clause.Contains(p.Start)) && !s.Of(MentionType.Agency).Any(a => clause.Contains(a.Start))) return null;
        // "The FDA approved the company's manufacturing facility in Maryland", "approved Zolgensma's new manufacturing site".
        if (FacilityObject().IsMatch(s.After(cue.End, 60, clause.End))) return null;
        // "The approval of Carvykti in Brazil remains pending": a review, not an approval.
        if (s.Cues(CueType.UnderReview).Any(c => clause.Contains(c.Start) && c.Start >= cue.End && s.WordsBetween(cue.End, c.Start) <= 8)) return null;
        // "obtained its authorisation as a manufacturing unit": a licence for a site, not a product.
        if (SiteLicence().IsMatch(s.After(cue.End, 40, s.Span.End))) return null;
        // "approval" inside "accelerated approval pathway"-like designation names is the designation's.
        if (s.Of(MentionType.Designation).Any(d => d.Span.Overlaps(cue.Span))) return null;
        // "authorised compassionate use", "an early access authorisation": supply outside approval, not approval.
        if (s.Cues(CueType.Access).Any(a => clause.Contains(a.Start) && (s.Distance(a, cue) <= 4 || a.Start > cue.End))) return null;
        // "refused the registration", "withdrew its application for a marketing authorisation",
        // "a positive opinion recommending conditional marketing authorisation",
        // "an application for a marketing authorisation", "submitted ... for approval": the approval is the object.
        var soughtFor = ForBefore().IsMatch(s.Before(cue.Start, 40, clause.Start));
        // "aim to submit data ... for regulatory review and approval": approval as the purpose of a plan.
        if (soughtFor && s.Cues(CueType.Future).Concat(s.Cues(CueType.Hedge)).Any(c => clause.Contains(c.Start) && c.End <= cue.Start && s.WordsBetween(c.End, cue.Start) <= 16)) return null;
        if (ImportObject().IsMatch(s.After(cue.End, 20, s.Span.End))) return null;
        // "product licence withdrawn", "the authorisation was revoked": the end of an approval, not one.
        if (ApprovalEnded().IsMatch(s.After(cue.End, 30, s.Span.End))) return null;
        if (ClassBeforeParticiple().IsMatch(s.Before(cue.Start, 50, clause.Start)) && !s.Of(MentionType.Product).Any(p => clause.Contains(p.Start))) return null;
        // "Following a positive CHMP opinion in April, the European Commission approved it in June": an approving
        // verb after a comma is an act of its own, not the object of the opinion or filing before it.
        var verb = cue.Key == nameof(CueType.ApproveVerb);
        if (s.Cues(CueType.Reject).Concat(s.Cues(CueType.Withdraw)).Concat(s.Cues(CueType.Submit)).Concat(s.Cues(CueType.ApplicationWord)).Concat(s.Cues(CueType.Opinion)).Concat(s.Cues(CueType.DecisionExpected))
            .Any(c => clause.Contains(c.Start) && c.End <= cue.Start && s.WordsBetween(c.End, cue.Start) <= (soughtFor ? 16 : 6)
                      && !(verb && s.Text.AsSpan(c.End, cue.Start - c.End).Contains(',')))) return null;
        // "approval of X is expected in ...": a forecast stated after the noun.
        if (s.Cues(CueType.Future).Concat(s.Cues(CueType.Hedge)).Any(c => clause.Contains(c.Start) && c.Start >= cue.End && s.WordsBetween(cue.End, c.Start) <= 20
            && IsExpectation(s, c))) return null;
        // "the conditional approval system", "the approval pathway": a scheme named after approvals, not one.
        if (SchemeAfterNoun().IsMatch(s.After(cue.End, 30, s.Span.End))) return null;
        // "approved therapies", "approved CAR-T products": a participle describing a class, not an act.
        if (ClassAfterParticiple().IsMatch(s.After(cue.End, 40, s.Span.End))) return null;
        if (SingleOfClassBefore().IsMatch(s.Before(cue.Start, 30, clause.Start)) && SingleClassAfter().IsMatch(s.After(cue.End, 40, s.Span.End))) return null;
        if (CountOf().IsMatch(s.Before(cue.Start, 40, clause.Start))) return null;
        // "Regulators ... have approved a growing number of CAR-T therapies such as Kymriah, Yescarta ...": a trend.
        if (CountAfter().IsMatch(s.After(cue.End, 40, clause.End))) return null;
        // "Several BCMA-directed CAR-T products have already been approved in China", "several regenerative medical
        // products have received conditional approval": a class as the subject, no product of the item named.
        if (QuantifiedClassSubject().IsMatch(s.Text.AsSpan(clause.Start, cue.Start - clause.Start)) && !s.Of(MentionType.Product).Any(p => clause.Contains(p.Start) && p.Start < cue.Start)) return null;
        // "Several Chinese companies have won approvals for their products": approvals in the plural with no
        // product named in the sentence are a trend, not one product's act.
        if (s.TextOf(cue).Equals("approvals", StringComparison.OrdinalIgnoreCase) && !s.Of(MentionType.Product).Any()
            && !ItsBefore().IsMatch(s.Before(cue.Start, 30, clause.Start))) return null;
        var app = NearestApplication(s, cue, clause, "marketing");
        return new Frame
        {
            Anchor = cue,
            Kind = EventKind.Approval,
            Subtype = app?.Key ?? "",
            HintJurisdiction = HintOf(app),
            CueStrength = strength,
            Rule = "approved",
        };
    }

    /// <summary>"accepted the NDA"; "FDA accepted the IND" is a trial authorisation (rule 11).</summary>
    private static Frame? Accepted(SentenceContext s, Mention cue)
    {
        var clause = s.ClauseAt(cue.Start);
        if (TrialObject(s, cue, clause) is { } trial)
            return new Frame { Anchor = cue, Kind = EventKind.TrialAuthorization, Subtype = trial, CueStrength = 0.85, Rule = "ind-accepted" };
        var app = NearestApplication(s, cue, clause, "marketing");
        // "after the filing was accepted": a filing or submission noun is an application too.
        var generic = s.Cues(CueType.ApplicationWord).Concat(s.Cues(CueType.Submit).Where(c => IsFilingNoun(s, c)))
            .Any(c => clause.Contains(c.Start) && s.Distance(c, cue) <= 8);
        if (app is null && !generic) return null;
        return new Frame { Anchor = cue, Kind = EventKind.Acceptance, Subtype = app?.Key ?? "", HintJurisdiction = HintOf(app), CueStrength = 0.85, Rule = "application-accepted" };
    }

    /// <summary>"under review", "reviews ongoing in Saudi Arabia and Singapore".</summary>
    private static Frame? UnderReview(SentenceContext s, Mention cue)
    {
        var clause = s.ClauseAt(cue.Start);
        // "Reviews ... are continuing", "the application remains pending": continuing needs a review as its subject.
        if (ContinuingWord().IsMatch(s.TextOf(cue))
            && !ReviewSubject().IsMatch(s.Text.AsSpan(clause.Start, cue.Start - clause.Start))) return null;
        var app = NearestApplication(s, cue, clause, "marketing");
        if (TrialObject(s, cue, clause) is not null) return null;
        // "The impact on results is under review", "markets under evaluation": the subject is no application.
        if (app is null && NonRegulatoryReviewSubject().IsMatch(s.Text.AsSpan(clause.Start, cue.Start - clause.Start))) return null;
        return new Frame { Anchor = cue, Kind = EventKind.Acceptance, Subtype = app?.Key ?? "", Status = EventStatus.Ongoing, HintJurisdiction = HintOf(app), CueStrength = 0.75, Rule = "under-review" };
    }

    /// <summary>"a PDUFA target action date of 16 November 2026", "an EC decision is expected in Q3".</summary>
    private static Frame? DecisionExpected(SentenceContext s, Mention cue)
    {
        var clause = s.ClauseAt(cue.Start);
        // "A decision on the sBLA ... is expected in April", "a decision ... is also pending": the noun needs its verb.
        var text = s.TextOf(cue);
        if (text.EndsWith("decision", StringComparison.OrdinalIgnoreCase) || text.EndsWith("decisions", StringComparison.OrdinalIgnoreCase) || text.EndsWith(" on", StringComparison.OrdinalIgnoreCase))
        {
            var rest = s.Text.AsSpan(cue.End, clause.End - cue.End);
            // "The opinions will now be sent to the European Commission for the adoption of decisions": a decision to come.
            var willBefore = s.Cues(CueType.Future).Any(c => clause.Contains(c.Start) && c.End <= cue.Start && s.WordsBetween(c.End, cue.Start) <= 12);
            if (!DecisionDue().IsMatch(rest) && !willBefore) return null;
        }
        // "issued a complete response letter on Friday, the day of the PDUFA goal": the date passed with a decision.
        if (s.Has(CueType.Reject)) return null;
        var app = NearestApplication(s, cue, clause, "marketing");
        var pdufa = s.TextOf(cue).StartsWith("PDUFA", StringComparison.Ordinal);
        return new Frame
        {
            Anchor = cue,
            Kind = EventKind.Approval,
            Subtype = app?.Key ?? "",
            Status = EventStatus.Expected,
            FixedJurisdiction = pdufa ? "US" : "",
            FixedAgency = pdufa ? "FDA" : "",
            HintJurisdiction = HintOf(app),
            CueStrength = 0.8,
            Rule = "decision-expected",
        };
    }

    /// <summary>"submitted a BLA", "plans to file an MAA in 2026". Submitting an IND authorises nothing.</summary>
    private static Frame? Submitted(SentenceContext s, Mention cue)
    {
        var clause = s.ClauseAt(cue.Start);
        if (TrialObject(s, cue, clause) is not null) return null;
        var app = NearestApplication(s, cue, clause, "marketing");
        // "complete" files nothing unless its object is the application right after it.
        if (s.TextOf(cue).StartsWith("complet", StringComparison.OrdinalIgnoreCase)
            && (app is null || app.Start < cue.End || s.WordsBetween(cue.End, app.Start) > 3)) return null;
        var generic = s.Cues(CueType.ApplicationWord).Any(c => clause.Contains(c.Start) && s.Distance(c, cue) <= 6)
                      || s.Cues(CueType.ApprovalNoun).Any(c => c.Start > cue.End && s.WordsBetween(cue.End, c.Start) <= 4)
                      // "filed the Canadian submission": a filing noun as the object of a filing verb.
                      || s.Cues(CueType.Submit).Any(c => c.Start > cue.End && s.WordsBetween(cue.End, c.Start) <= 3 && IsFilingNoun(s, c));
        // "may apply for priority review when submitting": a condition, not a filing.
        if (ConditionBefore().IsMatch(s.Before(cue.Start, 12, clause.Start))) return null;
        // "That allows it to apply for provisional registration on early data": what a scheme permits, not a filing.
        if (AllowsTo().IsMatch(s.Before(cue.Start, 40, clause.Start))) return null;
        // "The company filed in Europe earlier this year": filing somewhere is a marketing filing.
        var filedIn = FiledIn().IsMatch(s.After(cue.Start, 30, s.Span.End))
                      // "resubmitted": only a marketing application is resubmitted in regulatory news.
                      || s.TextOf(cue) is var verb && verb.StartsWith("resubmit", StringComparison.OrdinalIgnoreCase)
                         && !verb.EndsWith("ssion", StringComparison.OrdinalIgnoreCase);
        if (app is null && !generic && !filedIn) return null;
        var future = s.Cues(CueType.Future).Any(f => clause.Contains(f.Start) && f.End <= cue.Start && s.WordsBetween(f.End, cue.Start) <= 4)
                     || s.Cues(CueType.Hedge).Any(h => clause.Contains(h.Start) && h.End <= cue.Start && s.WordsBetween(h.End, cue.Start) <= 2 && IsAim(s, h));
        return new Frame
        {
            Anchor = cue,
            Kind = EventKind.Submission,
            Subtype = app?.Key ?? "",
            Status = future ? EventStatus.Expected : EventStatus.Occurred,
            HintJurisdiction = HintOf(app),
            CueStrength = 0.8,
            Rule = future ? "plans-to-file" : "submitted",
        };
    }

    /// <summary>"its planned biologics license application": a filing announced as to come.</summary>
    private static void PlannedApplication(SentenceContext s, List<Frame> frames)
    {
        foreach (var app in s.Of(MentionType.Application))
        {
            if (!app.Detail.StartsWith("marketing", StringComparison.Ordinal)) continue;
            var planned = s.Cues(CueType.Future).Any(f => f.End <= app.Start && s.WordsBetween(f.End, app.Start) <= 1
                && s.TextOf(f) is var w && (w.Equals("planned", StringComparison.OrdinalIgnoreCase) || w.Equals("upcoming", StringComparison.OrdinalIgnoreCase) || w.Equals("forthcoming", StringComparison.OrdinalIgnoreCase) || w.Equals("anticipated", StringComparison.OrdinalIgnoreCase)));
            if (!planned || frames.Any(f => f.Kind == EventKind.Submission)) continue;
            frames.Add(new Frame { Anchor = app, Kind = EventKind.Submission, Subtype = app.Key, Status = EventStatus.Expected, HintJurisdiction = HintOf(app), CueStrength = 0.6, Rule = "planned-application" });
        }
    }

    /// <summary>"CHMP adopted a positive opinion", "the advisory committee voted 10 to 0"; a bare "recommended" needs a committee.</summary>
    private static Frame? Opinion(SentenceContext s, Mention cue)
    {
        var word = s.TextOf(cue);
        // "granted orphan designation, following a positive recommendation from the COMP", "The decision follows
        // a favourable opinion from the ANSM": the advice a stated grant or decision rests on is part of it.
        // A CHMP opinion is an event of its own even when the Commission's decision is said to follow it.
        if (FollowsAdvice().IsMatch(s.Before(cue.Start, 50, s.Span.Start)) && !s.Of(MentionType.Agency).Any(a => a.Key is "CHMP" or "CAT")
            && (s.Of(MentionType.Designation).Any() || s.Has(CueType.Access) || DecisionSubject().IsMatch(s.Text.AsSpan(s.Span.Start, s.Span.Length)))) return null;
        // "a positive CHMP opinion", "a negative opinion from the committee": the judgement sits before the noun.
        // "The FDA has scheduled an advisory committee meeting for June 12 to discuss SLT-52": an opinion to come.
        if (word.Contains("meeting", StringComparison.OrdinalIgnoreCase) || word.Equals("adcomm", StringComparison.OrdinalIgnoreCase))
        {
            var clause = s.ClauseAt(cue.Start);
            if (!s.Cues(CueType.Future).Any(c => clause.Contains(c.Start))) return null;
            // "is not currently planning to hold an advisory committee meeting".
            if (s.Cues(CueType.Negation).Any(c => clause.Contains(c.Start) && c.End <= cue.Start)) return null;
            return new Frame { Anchor = cue, Kind = EventKind.Opinion, Status = EventStatus.Expected, CueStrength = 0.75, Rule = "advisory-meeting-scheduled" };
        }
        if (word.StartsWith("opinion", StringComparison.OrdinalIgnoreCase))
        {
            var lead = s.Before(cue.Start, 40, s.Span.Start);
            var judged = OpinionJudgement().Match(lead.ToString());
            // "Elixance expects the committee's opinion on ELX-15 at this meeting": an opinion awaited needs no judgement.
            if (!judged.Success && s.Cues(CueType.Hedge).Concat(s.Cues(CueType.Future)).Any(c => c.End <= cue.Start && s.WordsBetween(c.End, cue.Start) <= 4 && IsExpectation(s, c)))
                return new Frame { Anchor = cue, Kind = EventKind.Opinion, Status = EventStatus.Expected, CueStrength = 0.75, Rule = "opinion-expected" };
            if (!judged.Success) return null;
            return judged.Groups["neg"].Success
                ? new Frame { Anchor = cue, Kind = EventKind.Rejection, CueStrength = 0.85, Rule = "negative-opinion" }
                : new Frame { Anchor = cue, Kind = EventKind.Opinion, CueStrength = 0.85, Rule = "opinion" };
        }
        if (word.StartsWith("recommend", StringComparison.OrdinalIgnoreCase) || word.StartsWith("voted", StringComparison.OrdinalIgnoreCase) || word.StartsWith("in favo", StringComparison.OrdinalIgnoreCase))
        {
            // "recommended the refusal of a marketing authorisation": the rejection rule reads it.
            if (RefusalAfter().IsMatch(s.After(cue.End, 30, s.Span.End))) return null;
            var sentence = s.Text.AsSpan(s.Span.Start, s.Span.Length);
            var committee = s.Of(MentionType.Agency).Any(a => a.Key is "CHMP" or "CAT" or "PRAC" or "ODAC" or "CTGTAC")
                            || sentence.Contains("committee", StringComparison.OrdinalIgnoreCase) || sentence.Contains("advis", StringComparison.OrdinalIgnoreCase)
                            || sentence.Contains("panel", StringComparison.OrdinalIgnoreCase);
            if (!committee) return null;
        }
        // "advised that the benefits outweigh the risks", "concluded that it may be approved": only an advisory body's word is an opinion.
        if (word.StartsWith("advised", StringComparison.OrdinalIgnoreCase) || word.StartsWith("concluded", StringComparison.OrdinalIgnoreCase)
            || word.StartsWith("judged", StringComparison.OrdinalIgnoreCase) || word.StartsWith("deemed", StringComparison.OrdinalIgnoreCase))
        {
            var before = s.Text.AsSpan(s.Span.Start, cue.Start - s.Span.Start);
            if (!AdvisoryBody().IsMatch(before)) return null;
            if (RefusalAfter().IsMatch(s.After(cue.End, 30, s.Span.End))) return null;
            // "The CHMP concluded that the data did not show that the benefits outweigh the risks": a negative opinion.
            if (NegativeFinding().IsMatch(s.After(cue.End, 120, s.Span.End)))
                return new Frame { Anchor = cue, Kind = EventKind.Rejection, CueStrength = 0.8, Rule = "negative-finding" };
        }
        return new Frame { Anchor = cue, Kind = EventKind.Opinion, CueStrength = 0.85, Rule = "opinion" };
    }

    private static Frame? Rejected(SentenceContext s, Mention cue)
    {
        var word = s.TextOf(cue);
        // "rejection", "refused", "denied" are also medical and everyday words: they need a regulator or a
        // filing in the sentence. A complete response letter or a negative opinion speaks for itself.
        var selfEvident = word.Contains("complete response", StringComparison.OrdinalIgnoreCase) || word.Equals("CRL", StringComparison.Ordinal)
                          || word.Contains("opinion", StringComparison.OrdinalIgnoreCase) || word.Contains("file", StringComparison.OrdinalIgnoreCase)
                          // "the committee recommended the refusal": a negative opinion, whoever the committee is.
                          || RecommendedBefore().IsMatch(s.Before(cue.Start, 30, s.Span.Start))
                          || word.StartsWith("recommend", StringComparison.OrdinalIgnoreCase);
        if (!selfEvident && !s.Of(MentionType.Agency).Any() && !s.Of(MentionType.Application).Any() && !s.Has(CueType.ApplicationWord)) return null;
        return new Frame { Anchor = cue, Kind = EventKind.Rejection, Subtype = NearestApplication(s, cue, s.ClauseAt(cue.Start), "marketing")?.Key ?? "", CueStrength = 0.85, Rule = "rejected" };
    }

    /// <summary>"withdrew its MAA", "withdrawn from the market"; patients withdrawing from a study are not events.</summary>
    private static Frame? Withdrawn(SentenceContext s, Mention cue)
    {
        var clause = s.ClauseAt(cue.Start);
        var app = NearestApplication(s, cue, clause, "marketing");
        var rest = s.Text.AsSpan(cue.End, Math.Max(0, clause.End - cue.End));
        var market = rest.Contains("market", StringComparison.OrdinalIgnoreCase);
        // "An application for ... TLV-808 ... has been withdrawn": a passive reaches back to its subject.
        var passive = PassiveBefore().IsMatch(s.Before(cue.Start, 12, clause.Start));
        var generic = s.Cues(CueType.ApplicationWord).Concat(s.Cues(CueType.ApprovalNoun))
            .Any(c => clause.Contains(c.Start) && (s.Distance(c, cue) <= 6 || passive && c.End <= cue.Start && s.Distance(c, cue) <= 30));
        // "withdrew Zynteglo", "the product was withdrawn", "authorised in 2021 and withdrawn later that year",
        // "asked for it to be withdrawn": a product leaving the market is withdrawn too.
        var productGone = s.Of(MentionType.Product).Any(p => p.Start >= cue.End && s.WordsBetween(cue.End, p.Start) <= 1)
                          || passive && ProductSubject().IsMatch(s.Before(cue.Start, 40, clause.Start))
                          || AndWithdrawnAfterApproval().IsMatch(s.Before(cue.Start, 12, clause.Start))
                             && s.Cues(CueType.ApproveVerb).Any(c => clause.Contains(c.Start) && c.End <= cue.Start);
        if (app is null && !market && !generic && !productGone) return null;
        if (TrialObject(s, cue, clause) is not null && app is null) return null;
        if (PatientsWithdrawn().IsMatch(s.Before(cue.Start, 40, clause.Start))) return null;
        return new Frame { Anchor = cue, Kind = EventKind.Withdrawal, Subtype = app?.Key ?? "", HintJurisdiction = HintOf(app), CueStrength = 0.8, Rule = "withdrawn" };
    }

    /// <summary>"delivered through the Named Patient Program"; "the hospital exemption allows ..." only explains a scheme.</summary>
    private static Frame? Access(SentenceContext s, Mention cue)
    {
        if (Definition().IsMatch(s.After(cue.End, 40, s.Span.End))) return null;
        // "will provide CRV-18 under compassionate use ... on request": a plan of supply is not access given.
        var clause = s.ClauseAt(cue.Start);
        if (s.Cues(CueType.Future).Any(f => clause.Contains(f.Start) && f.End <= cue.Start && s.WordsBetween(f.End, cue.Start) <= 6)) return null;
        // "is also in talks with French authorities about an early access authorisation, but no application has been made".
        if (TalksAbout().IsMatch(s.Text.AsSpan(clause.Start, cue.Start - clause.Start))) return null;
        return new Frame { Anchor = cue, Kind = EventKind.Access, Subtype = cue.Detail, CueStrength = 0.8, Rule = "access-programme" };
    }

    private static bool IsFilingNoun(SentenceContext s, Mention c)
    {
        var w = s.TextOf(c);
        return w.Equals("filing", StringComparison.OrdinalIgnoreCase) || w.Equals("filings", StringComparison.OrdinalIgnoreCase)
               || w.StartsWith("submission", StringComparison.OrdinalIgnoreCase) || w.StartsWith("resubmission", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsExpectation(SentenceContext s, Mention c)
    {
        var w = s.TextOf(c);
        return w.StartsWith("expect", StringComparison.OrdinalIgnoreCase) || w.StartsWith("is expected", StringComparison.OrdinalIgnoreCase)
               || w.StartsWith("are expected", StringComparison.OrdinalIgnoreCase) || w.StartsWith("anticipat", StringComparison.OrdinalIgnoreCase)
               || w.StartsWith("likely", StringComparison.OrdinalIgnoreCase) || w.StartsWith("could", StringComparison.OrdinalIgnoreCase)
               || w.StartsWith("may", StringComparison.OrdinalIgnoreCase) || w.StartsWith("would", StringComparison.OrdinalIgnoreCase)
               || w.StartsWith("will", StringComparison.OrdinalIgnoreCase) || w.StartsWith("scheduled", StringComparison.OrdinalIgnoreCase)
               || w.StartsWith("imminent", StringComparison.OrdinalIgnoreCase) || w.StartsWith("soon", StringComparison.OrdinalIgnoreCase)
               || w.StartsWith("nearing", StringComparison.OrdinalIgnoreCase) || w.StartsWith("close to", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>"secured PIC/S GMP recognition", "received a GMP certificate"; "GMP facilities" alone is not an event.</summary>
    private static Frame? Gmp(SentenceContext s, Mention cue)
    {
        var word = s.TextOf(cue);
        var clause = s.ClauseAt(cue.Start);
        // A bare "GMP" ("GMP facilities", "GMP-grade") names a standard, not an outcome, unless something
        // was found to meet it ("complies with PIC/S GMP", "passed a GMP inspection").
        if (word.Equals("GMP", StringComparison.Ordinal) || word.StartsWith("good manufacturing", StringComparison.OrdinalIgnoreCase))
        {
            var lead = s.Before(cue.Start, 50, clause.Start);
            var tail = s.After(cue.End, 20, clause.End);
            if (!GmpMet().IsMatch(lead) || GmpFacility().IsMatch(tail)) return null;
            var pics0 = s.Text.AsSpan(clause.Start, clause.Length).Contains("PIC/S", StringComparison.Ordinal);
            return new Frame { Anchor = cue, Kind = EventKind.Gmp, Subtype = pics0 ? "PIC/S" : "GMP", CueStrength = 0.7, Rule = "gmp-met" };
        }
        var acted = s.Cues(CueType.GrantVerb).Concat(s.Cues(CueType.ApproveVerb)).Concat(s.Cues(CueType.ApprovalNoun)).Any(c => clause.Contains(c.Start) && s.Distance(c, cue) <= 6);
        if (!acted && !word.Contains("certif", StringComparison.OrdinalIgnoreCase) && !word.Contains("recognition", StringComparison.OrdinalIgnoreCase)) return null;
        var pics = s.Text.AsSpan(clause.Start, clause.Length).Contains("PIC/S", StringComparison.Ordinal);
        return new Frame { Anchor = cue, Kind = EventKind.Gmp, Subtype = pics ? "PIC/S" : "GMP", CueStrength = 0.8, Rule = "gmp" };
    }

    /// <summary>"IND clearance", "implied approval" from the CDE, "the study may proceed".</summary>
    private static Frame? TrialCleared(SentenceContext s, Mention cue)
    {
        var clause = s.ClauseAt(cue.Start);
        var word = s.TextOf(cue);
        // "granted it permission to manufacture and market", "received marketing permission": a marketing authorisation.
        if (word.StartsWith("permi", StringComparison.OrdinalIgnoreCase)
            && (MarketingPermission().IsMatch(s.After(cue.End, 40, s.Span.End)) || MarketingBefore().IsMatch(s.Before(cue.Start, 12, clause.Start))))
            return new Frame { Anchor = cue, Kind = EventKind.Approval, CueStrength = 0.85, Rule = "permission-to-market" };
        var trial = TrialObject(s, cue, clause);
        var explicitTrial = word.Contains("IND", StringComparison.Ordinal) || word.Contains("implied", StringComparison.OrdinalIgnoreCase)
                            || word.Contains("implicit", StringComparison.OrdinalIgnoreCase) || word.Contains("proceed", StringComparison.OrdinalIgnoreCase)
                            || word.Contains("hold", StringComparison.OrdinalIgnoreCase);
        if (trial is null && !explicitTrial)
        {
            // "having been cleared by the US FDA" with no trial in sight: the product was cleared for market.
            if (ClearedWord().IsMatch(word) && s.Of(MentionType.Agency).Any(a => clause.Contains(a.Start) && a.Start >= cue.End && s.Distance(a, cue) <= 3)
                && !s.Has(CueType.TrialWord) && !s.Of(MentionType.Application).Any(a => a.Detail.StartsWith("trial", StringComparison.Ordinal)))
                return new Frame { Anchor = cue, Kind = EventKind.Approval, CueStrength = 0.8, Rule = "cleared-by-agency" };
            // "European regulators have cleared Casgevy", "the MHRA cleared Casgevy for sickle cell disease": a
            // regulator clearing a product (its direct object), with no trial in sight, cleared it for market.
            if (word.StartsWith("clear", StringComparison.OrdinalIgnoreCase) && !word.StartsWith("clearance", StringComparison.OrdinalIgnoreCase)
                && s.Of(MentionType.Product).Any(p => p.Start >= cue.End && s.WordsBetween(cue.End, p.Start) <= 1)
                && (s.Of(MentionType.Agency).Any(a => clause.Contains(a.Start) && a.End <= cue.Start) || RegulatorsBefore().IsMatch(s.Before(cue.Start, 50, clause.Start)))
                && !s.Has(CueType.TrialWord) && !s.Of(MentionType.Application).Any(a => a.Detail.StartsWith("trial", StringComparison.Ordinal)))
                return new Frame { Anchor = cue, Kind = EventKind.Approval, CueStrength = 0.75, Rule = "regulator-cleared-product" };
            return null;
        }
        return new Frame { Anchor = cue, Kind = EventKind.TrialAuthorization, Subtype = trial ?? (word.Contains("IND", StringComparison.Ordinal) ? "IND" : ""), CueStrength = 0.85, Rule = "trial-cleared" };
    }

    /// <summary>The trial application (IND, CTA) or trial words the cue acts on, if any: its subtype, or "" for a trial without one.</summary>
    private static string? TrialObject(SentenceContext s, Mention cue, TextSpan clause)
    {
        var app = NearestApplication(s, cue, clause, "trial");
        var marketing = NearestApplication(s, cue, clause, "marketing");
        if (app is not null && (marketing is null || s.Distance(app, cue) <= s.Distance(marketing, cue))) return app.Key;
        // "the application to run a bridging cohort": an application whose purpose is a trial.
        if (s.Cues(CueType.ApplicationWord).Any(a => clause.Contains(a.Start) && s.Distance(a, cue) <= 4
            && TrialPurpose().Match(s.Text, a.End, Math.Min(60, s.Span.End - a.End)) is { Success: true } m && m.Index <= a.End + 1)) return "";
        var trialWord = s.Cues(CueType.TrialWord).FirstOrDefault(t => clause.Contains(t.Start) && s.Distance(t, cue) <= 3
            && !s.TextOf(t).StartsWith("registrational", StringComparison.OrdinalIgnoreCase));
        // "clearance from the NMPA to conduct a clinical trial": permission whose purpose is a trial.
        var purpose = TrialPurpose().Match(s.Text, cue.End, Math.Max(0, Math.Min(clause.End, cue.End + 80) - cue.End));
        // "The approval came with an obligation to run a second phase 3 study": a condition of the approval, not leave to run a trial.
        if (purpose.Success && Obligation().IsMatch(s.Text.AsSpan(cue.End, purpose.Index - cue.End))) return null;
        if (purpose.Success && s.Cues(CueType.TrialWord).Any(t => t.Start >= purpose.Index && t.Start <= purpose.Index + purpose.Length + 40)) return "";
        // "the green light from the PEI for its first clinical trial": the purpose named after the cue.
        if (TrialFor().Match(s.Text, cue.End, Math.Max(0, Math.Min(clause.End, cue.End + 120) - cue.End)) is { Success: true } purposeFor)
            return purposeFor.Groups["ind"].Success ? "IND" : purposeFor.Groups["cta"].Success ? "CTA" : "";
        // "a phase 1/2 study that ANVISA authorised in 2023": the trial is the object of a relative clause.
        if (TrialThatBefore().IsMatch(s.Before(cue.Start, 60, s.Span.Start))) return "";
        // "approved based on a Phase 2 study" names the evidence, not the object: only the word right by the cue counts.
        // "conditional approval, phase 3 required" names a condition after a comma, not the object.
        // "authorised in November a Phase 1/2 clinical trial": a date between the verb and its object is skipped.
        trialWord ??= s.Cues(CueType.TrialWord).FirstOrDefault(t => t.Start > cue.End && clause.Contains(t.Start)
            && s.Of(MentionType.Date).Any(d => d.Start > cue.End && d.End <= t.Start && s.WordsBetween(cue.End, d.Start) <= 1 && s.WordsBetween(d.End, t.Start) <= 2));
        if (trialWord is not null && s.Of(MentionType.Date).FirstOrDefault(d => d.Start > cue.End && d.End <= trialWord.Start) is { } between
            && s.WordsBetween(cue.End, between.Start) <= 1 && s.WordsBetween(between.End, trialWord.Start) <= 2 && marketing is null) return "";
        // "approved the institute's phase 2 trial": a possessive in the object counts as one word more.
        if (trialWord is not null && marketing is null && s.Distance(trialWord, cue) <= (PossessiveBetween(s, cue, trialWord) ? 3 : 2) && !BasedOnBetween(s, cue, trialWord)
            && !(trialWord.Start >= cue.End && s.Text.AsSpan(cue.End, trialWord.Start - cue.End).Contains(','))) return "";
        return null;
    }

    private static bool PossessiveBetween(SentenceContext s, Mention a, Mention b) =>
        b.Start > a.End && s.Text.AsSpan(a.End, b.Start - a.End) is var between && (between.Contains("'s ", StringComparison.Ordinal) || between.Contains("\u2019s ", StringComparison.Ordinal));

    private static bool BasedOnBetween(SentenceContext s, Mention a, Mention b)
    {
        var (x, y) = a.End <= b.Start ? (a.End, b.Start) : (b.End, a.Start);
        var between = s.Text.AsSpan(x, Math.Max(0, y - x));
        return between.Contains("based", StringComparison.OrdinalIgnoreCase) || between.Contains("data", StringComparison.OrdinalIgnoreCase)
               || between.Contains("from", StringComparison.OrdinalIgnoreCase) || between.Contains("results", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The application the cue acts on: the nearest in its clause, else one earlier in the sentence that
    /// is its subject across a relative clause ("The BLA, which seeks ..., had been accepted").
    /// </summary>
    private static Mention? NearestApplication(SentenceContext s, Mention cue, TextSpan clause, string purpose)
    {
        Mention? best = null;
        var bestDistance = int.MaxValue;
        foreach (var a in s.Of(MentionType.Application))
        {
            if (!a.Detail.StartsWith(purpose, StringComparison.Ordinal)) continue;
            var d = s.Distance(a, cue);
            var inClause = clause.Contains(a.Start);
            if (inClause ? d > 14 : a.Start > cue.Start || d > 25) continue;
            if (!inClause) d += 100;
            if (d < bestDistance) { best = a; bestDistance = d; }
        }
        return best;
    }

    private static string HintOf(Mention? app)
    {
        if (app is null) return "";
        var parts = app.Detail.Split('|');
        return parts.Length > 1 ? parts[1] : "";
    }

    private static bool IsAim(SentenceContext s, Mention hedge)
    {
        var w = s.TextOf(hedge);
        return w.StartsWith("aim", StringComparison.OrdinalIgnoreCase) || w.StartsWith("prepar", StringComparison.OrdinalIgnoreCase) || w.StartsWith("ready", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Negation, hedges and non-regulatory approvals next to the cue cancel the frame.</summary>
    private static bool Blocked(SentenceContext s, Frame f)
    {
        var cue = f.Anchor;
        var clause = s.ClauseAt(cue.Start);
        bool Before(CueType t, int words) => s.Cues(t).Any(m => clause.Contains(m.Start) && m.End <= cue.Start && s.WordsBetween(m.End, cue.Start) <= words);
        bool After(CueType t, int words) => s.Cues(t).Any(m => clause.Contains(m.Start) && m.Start >= cue.End && s.WordsBetween(cue.End, m.Start) <= words);

        if (Before(CueType.Negation, 4)) return true;
        // "CT053 is eligible for PRIME if the data hold up": a condition right after the act.
        if (f.Status == EventStatus.Occurred && ConditionAfter().IsMatch(s.After(cue.End, 40, clause.End))) return true;
        // "Several posts claimed that Lianyun's LYB-109 had been approved in Singapore": hearsay covers its whole clause.
        // "Asked whether any CAR-T has yet been approved in the US": a question about an approval or a grant ("we expect
        // to hear whether the application has been accepted" awaits an acceptance, read below).
        if (f.Status == EventStatus.Occurred && s.Cues(CueType.Hedge).Any(m => clause.Contains(m.Start) && m.End <= cue.Start && Hearsay().IsMatch(s.TextOf(m))
                && (f.Kind is EventKind.Approval or EventKind.Designation || !s.TextOf(m).Equals("whether", StringComparison.OrdinalIgnoreCase)))) return true;
        // "No CAR-T developed in Brazil has yet received registration": a subject negated at the clause start.
        if (f.Status == EventStatus.Occurred && NegatedSubject().IsMatch(s.Before(cue.Start, 100, clause.Start))) return true;
        // "until it has been cleared", "unless the agency approves": a condition, not an act.
        if (f.Status == EventStatus.Occurred && s.Before(cue.Start, 40, clause.Start) is var lead
            && ConditionClause().IsMatch(lead)) return true;
        if (f.Kind is EventKind.Approval or EventKind.Designation or EventKind.TrialAuthorization or EventKind.Acceptance
            && f.Status == EventStatus.Occurred && After(CueType.Negation, 1)) return true;
        if (f.Kind == EventKind.Submission && f.Status == EventStatus.Expected) return Before(CueType.Negation, 6);
        if (f.Status != EventStatus.Expected)
        {
            // A validation or an opinion announced as the next step ("expects the application to be
            // validated in the third quarter", "the CHMP is expected to issue an opinion") is expected.
            if (f.Kind is EventKind.Acceptance or EventKind.Opinion
                && (Before(CueType.Future, 8) || s.Cues(CueType.Hedge).Any(m => clause.Contains(m.Start) && m.End <= cue.Start && s.WordsBetween(m.End, cue.Start) <= 8 && IsExpectation(s, m))))
            {
                f.Status = EventStatus.Expected;
                return false;
            }
            // "could be approved", "potential approval", "toward regulatory clearance", "if approved".
            // "has had access to the PRIME scheme": access to a scheme is the designation (PRIME eligibility), not a hope.
            if (s.Cues(CueType.Hedge).Any(m => clause.Contains(m.Start) && m.End <= cue.Start && s.WordsBetween(m.End, cue.Start) <= 4
                && !(f.Kind == EventKind.Designation && s.TextOf(m).StartsWith("access", StringComparison.OrdinalIgnoreCase)))) return true;
            if (After(CueType.Hedge, 0) && f.Kind == EventKind.Approval) return true;
            // "is expected to approve", "will receive approval": a forecast of an approval is not an event.
            if (f.Kind is EventKind.Approval or EventKind.Designation or EventKind.Rejection
                && Before(CueType.Future, 5)) return true;
        }
        if (f.Kind is EventKind.Approval or EventKind.Rejection or EventKind.Acceptance or EventKind.Opinion or EventKind.TrialAuthorization && (Before(CueType.NonRegulatory, 3) || After(CueType.NonRegulatory, 2))) return true;
        // "China's NHSA approved Fucaso for inclusion in the national reimbursement drug list".
        if (f.Kind == EventKind.Approval && f.Status == EventStatus.Occurred && After(CueType.NonRegulatory, 8) && InclusionAfter().IsMatch(s.After(cue.End, 60, clause.End))) return true;
        return false;
    }
}
