namespace CellRadar.Core.Annotation;

/// <summary>
/// The words of regulatory news, grouped by what they signal. Kept as data in one place so a new
/// phrasing is one line; matching is whole-word and case-insensitive, longest phrase first.
/// </summary>
public static class CueLexicon
{
    public static IEnumerable<(string Phrase, CueType Type, string Detail)> Entries()
    {
        foreach (var p in Words("approved approves approve approving authorised authorized authorises authorizes authorising authorizing greenlit green-lit greenlighted endorsed ratified"))
            yield return (p, CueType.ApproveVerb, "");
        foreach (var p in new[] { "expanded the label", "expands the label", "expanded the indication", "expands the indication", "extended the indication", "extends the indication", "broadened the label", "broadens the label", "expanded its approval", "extended the marketing authorisation", "extended the marketing authorization", "label expansion", "label expansions", "expanded approval", "label was expanded", "label has been expanded", "label was broadened", "label was extended",
            "indication was expanded", "indication was extended", "approval was expanded", "approval was extended", "label expanded" })
            yield return (p, CueType.ApproveVerb, "label");
        foreach (var p in new[] { "registered", "registers", "registration" })
            yield return (p, CueType.ApproveVerb, "register");
        foreach (var p in new[]
        {
            "approval", "approvals", "marketing authorisation", "marketing authorization", "marketing authorisations",
            "marketing authorizations", "conditional marketing authorisation", "conditional marketing authorization",
            "accelerated approval", "conditional approval", "full approval", "regular approval", "standard approval",
            "green light", "green-light", "nod", "go-ahead", "go ahead", "thumbs up", "market authorization",
            "market authorisation", "marketing approval", "regulatory approval", "product licence", "product license",
            "marketing licence", "marketing license", "registration approval", "drug registration", "market clearance",
            "regulatory clearance", "conditionally approved", "registration certificate", "okay", "OK'd", "okayed",
            "sign-off", "signed off", "Notice of Compliance", "NOC", "NOC/c", "marketing authorisation with conditions", "marketing authorization with conditions", "temporary authorisation", "temporary authorization", "emergency use authorization", "emergency use authorisation", "authorisation", "authorization", "authorisations", "authorizations",
            // Regulators' own words: TGA "provisional registration" and the ARTG register, Medsafe "provisional
            // consent" (to distribute), TFDA and others "conditional permit", Swissmedic "temporary authorisation".
            "provisional registration", "provisionally registered", "provisional approval", "provisionally approved",
            "provisional consent", "consent to distribute", "conditional permit", "marketing permit", "entry onto the ARTG",
            "entered on the ARTG", "included in the ARTG", "added to the ARTG", "registered on the ARTG",
        })
            yield return (p, CueType.ApprovalNoun, "");
        foreach (var p in Words("granted grants grant granting received receives receive receiving obtained obtains obtain secured secures secure securing earned earns earn holds hold held carries carried awarded awards award won wins gained gains achieved achieves attained conferred bestowed given got gets landed lands included supported"))
            yield return (p, CueType.GrantVerb, "");
        foreach (var p in new[] { "accepted", "accepts", "accept", "acceptance", "validated", "validates", "validation", "admitted", "accepted for review", "filing acceptance", "formally accepted", "officially accepted", "acknowledged receipt" })
            yield return (p, CueType.Accept, "");
        foreach (var p in new[]
        {
            "under review", "reviews ongoing", "review ongoing", "review is ongoing", "reviews are ongoing", "review continues",
            "is reviewing", "are reviewing", "currently reviewing", "under evaluation", "under regulatory review", "being reviewed",
            "in review", "pending review", "still reviewing", "remains under review", "review is under way",
            "review is underway", "pending approval", "awaiting approval", "awaits approval", "pending regulatory approval", "are continuing", "is continuing", "continues", "remain under review", "remains pending", "is pending", "are pending",
        })
            yield return (p, CueType.UnderReview, "");
        foreach (var p in new[]
        {
            "PDUFA", "PDUFA date", "PDUFA target date", "PDUFA goal date", "PDUFA target action date", "target action date",
            "action date", "decision is expected", "decision expected", "expected decision", "decision date", "goal date",
            "decision is anticipated", "decision anticipated", "anticipated decision", "decision on", "a decision", "regulatory decision",
            "decision due", "decision is due", "decisions due", "decision is scheduled", "decision scheduled",
            "for the adoption of a decision", "for the adoption of decisions", "adoption of a decision", "for a final decision", "final decision",
        })
            yield return (p, CueType.DecisionExpected, "");
        foreach (var p in Words("submitted submits submit submitting submission submissions filed files file filing filings resubmitted resubmission resubmits complete completes completed completing"))
            yield return (p, CueType.Submit, "");
        foreach (var p in new[] { "applied for", "applies for", "apply for", "rolling submission", "completed the submission", "file for", "filed for", "resubmit", "resubmitting" })
            yield return (p, CueType.Submit, "");
        foreach (var p in new[]
        {
            "positive opinion", "positive opinions", "recommended approval", "recommends approval", "recommending approval",
            "recommended the approval", "recommends the approval", "recommended granting", "recommends granting", "positive recommendation",
            "recommended marketing authorisation", "recommended marketing authorization", "voted in favour", "voted in favor",
            "voted unanimously", "voted", "positive vote", "opinion", "opinions", "backed approval", "endorsed approval", "recommended conditional", "recommended", "recommends", "recommending", "in favour of", "in favor of", "advised", "concluded",
            "recommendation", "judged", "deemed", "advisory committee meeting", "advisory committee meetings", "panel meeting", "adcomm",
        })
            yield return (p, CueType.Opinion, "");
        foreach (var p in new[]
        {
            "complete response letter", "complete response letters", "CRL", "CRLs", "refused", "refuses", "refusal", "rejected", "rejects",
            "rejection", "negative opinion", "refuse-to-file", "refuse to file", "refusal to file", "refusal-to-file",
            "declined to approve", "declined approval", "not approvable", "turned down", "negative recommendation",
            "voted against", "denied approval", "denied", "Notice of Non-Compliance", "recommended against", "recommends against", "recommending against", "advised against", "voted not to",
            "refusing", "recommended refusing", "recommends refusing", "recommending refusing", "recommended refusal", "recommends refusal", "to refuse",
        })
            yield return (p, CueType.Reject, "");
        foreach (var p in Words("withdrew withdrawn withdrawal withdraws withdraw withdrawing"))
            yield return (p, CueType.Withdraw, "");
        foreach (var (p, d) in new[]
        {
            ("named patient", "NamedPatient"), ("named-patient", "NamedPatient"), ("Named Patient Program", "NamedPatient"),
            ("Named Patient Programme", "NamedPatient"), ("NPP", "NamedPatient"), ("compassionate use", "CompassionateUse"),
            ("compassionate-use", "CompassionateUse"), ("early access", "EarlyAccess"), ("early-access", "EarlyAccess"),
            ("expanded access", "ExpandedAccess"), ("managed access", "ManagedAccess"), ("special access", "SpecialAccess"),
            ("hospital exemption", "HospitalExemption"), ("pre-approval access", "EarlyAccess"), ("accès précoce", "EarlyAccess"),
            ("autorisation d'accès précoce", "EarlyAccess"), ("AAC", "EarlyAccess"), ("Special Access Scheme", "SpecialAccess"),
            ("Special Access Programme", "SpecialAccess"), ("Special Access Program", "SpecialAccess"),
        })
            yield return (p, CueType.Access, d);
        foreach (var p in new[]
        {
            "GMP certificate", "GMP certification", "GMP recognition", "GMP compliance", "GMP inspection", "GMP approval",
            "GMP license", "GMP licence", "GMP accreditation", "Good Manufacturing Practice certificate",
            "Good Manufacturing Practice certification", "manufacturing licence", "manufacturing license",
            "manufacturing authorisation", "manufacturing authorization", "GMP-certified", "GMP certified", "GMP",
            "certificate of good manufacturing practice", "certificate of good manufacturing practices",
            "good manufacturing practice", "good manufacturing practices",
            "manufacturing approval", "manufacturing permit", "manufacturing permission", "manufacturing site approval",
        })
            yield return (p, CueType.Gmp, "");
        foreach (var p in new[]
        {
            "clearance", "cleared", "clears", "implied approval", "implied license", "implied licence",
            "implicit approval", "implied clinical trial approval", "allowed to proceed", "may proceed", "can proceed",
            "study may proceed", "notified", "notification", "clinical hold lifted", "lifted the clinical hold", "go-ahead to start", "permission to begin",
            "permission", "permissions", "trial permission", "clinical trial permission", "permit",
        })
            yield return (p, CueType.TrialClear, "");
        foreach (var p in Words("designation designations designated eligibility eligible status tag tags scheme"))
            yield return (p, CueType.DesignationWord, "");
        foreach (var p in new[] { "clinical trial", "clinical trials", "clinical study", "clinical studies", "trial", "trials", "study", "studies", "first-in-human", "Phase 1", "Phase I", "Phase 2", "Phase II", "Phase 3", "Phase III", "Phase 1/2", "Phase I/II", "registrational", "cohort", "cohorts", "bridging study", "pivotal study", "pivotal trial", "clinical development dossier", "clinical development plan" })
            yield return (p, CueType.TrialWord, "");
        foreach (var p in new[]
        {
            "plans to", "plan to", "planned", "planning to", "intends to", "intend to", "intention to", "will", "shall", "expects to",
            "expect to", "expected to", "is expected", "are expected", "anticipates", "anticipated", "anticipate", "on track to",
            "scheduled", "set to", "slated", "poised to", "upcoming", "later this year", "next year", "aims to file",
            "aims to submit", "aim to submit", "aim to file", "targeting", "targets", "forthcoming",
        })
            yield return (p, CueType.Future, "");
        foreach (var p in new[]
        {
            "could", "may", "might", "would", "expected", "expect", "expects", "expecting", "hope", "hopes", "hoped", "hoping", "potential", "potentially", "toward",
            "towards", "if approved", "once approved", "upon approval", "if granted", "seek", "seeks", "seeking", "sought",
            "pursue", "pursuing", "path to", "pathway to", "possible", "possibly", "aim", "aims", "aiming", "goal", "should",
            "whether", "ahead of", "prior to", "in anticipation", "support approval", "support a", "supporting", "to support",
            "road to", "en route", "prepare", "prepares", "preparing", "readying", "likely", "unlikely", "expectation",
            "forecast", "forecasts", "predicted", "projected", "estimate", "estimates", "subject to", "would be", "ready for", "probability of", "probability", "imminent", "nearing", "close to", "soon", "chance of", "chances of", "odds of", "likelihood of", "timing of", "prospects", "forward-looking", "statements", "route to", "access to", "lessons from", "requirements for", "criteria for", "standards for", "guidance on",
            // Hearsay and wishes: "a post claims X is approved", "reportedly secured", "wants to file".
            "claims", "claimed", "claiming", "reportedly", "allegedly", "rumoured", "rumored", "according to sources",
            "wants to", "want to", "would like to", "option of", "the option to",
            // A step on the way: "a GMP certificate, a prerequisite for registration".
            "prerequisite for", "precondition for", "a requirement for", "needed for", "required for",
            "wait for", "waiting for", "waits for", "awaiting", "awaits",
        })
            yield return (p, CueType.Hedge, "");
        foreach (var p in new[] { "not", "no", "never", "yet to", "has not", "have not", "hasn't", "haven't", "isn't", "wasn't", "didn't", "doesn't", "neither", "nor", "none", "without", "not yet", "lack", "lacks", "failed to", "unable to",
            // A correction retracting what was reported: "wrongly stated that Health Canada had approved".
            "wrongly stated", "incorrectly stated", "wrongly reported", "incorrectly reported", "erroneously reported",
            "mistakenly reported", "erroneously stated", "mistakenly stated", "wrongly said", "incorrectly said",
            // The outlet quoting its own earlier story in a correction: "We also said that the therapy was approved".
            "we also said", "we also reported", "we also wrote", "we also stated", "we said that", "we reported that", "we wrote that",
            "an earlier version of this article", "a previous version of this article", "this article previously" })
            yield return (p, CueType.Negation, "");
        foreach (var p in new[]
        {
            "previously", "already", "earlier", "originally", "initially", "first approved", "since", "following", "after",
            "prior", "had been", "had", "was previously", "formerly", "in the past", "existing",
            "history", "track record", "remains", "remain", "sole",
            // A standing status, not the act of granting it: "TVN-33 also holds orphan designations".
            "also holds", "also hold", "already holds", "already hold", "still holds", "has held", "have held", "has long held",
        })
            yield return (p, CueType.Background, "");
        foreach (var p in new[] { "today", "announced", "announces", "announce", "this week", "has", "have", "has been", "have been", "just", "recently", "this morning", "on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "yesterday" })
            yield return (p, CueType.NewsAct, "");
        foreach (var p in new[]
        {
            "reimbursement", "reimbursed", "reimburse", "pricing", "price", "prices", "coverage", "covered", "HTA", "NICE",
            "G-BA", "IQWiG", "CADTH", "PBAC", "PBS", "insurance", "insurer", "insurers", "payer", "payers", "funding",
            "ethics committee", "ethics committees", "IRB", "institutional review board", "NRDL", "national reimbursement",
            "Medicare", "Medicaid", "CMS", "tariff", "tender", "health technology assessment", "cost-effectiveness",
            "formulary", "listing", "safety review", "safety communication", "boxed warning", "label update", "REMS", "Risk Evaluation and Mitigation Strategy", "Risk Evaluation and Mitigation Strategies",
            "investigation", "investigating", "probe", "stock", "shares", "share price",
            "NHSA", "National Healthcare Security Administration", "drug list", "reimbursement list", "Chuikyo", "shareholders", "board of directors",
            // An exchange filing's sign-off: "This announcement has been authorised for release by the Board".
            "authorised for release", "authorized for release", "approved for release",
        })
            yield return (p, CueType.NonRegulatory, "");
        yield return ("respectively", CueType.Respectively, "");
        foreach (var p in new[] { "outside", "outside of", "except", "excluding", "other than", "beyond" })
            yield return (p, CueType.Exclusion, "");
        foreach (var p in new[] { "application", "applications", "dossier", "dossiers", "filing", "marketing application", "marketing applications", "registration application", "listing application", "license application", "licence application" })
            yield return (p, CueType.ApplicationWord, "");
        foreach (var p in new[] { "expanded indication", "new indication", "label extension", "extension of indication", "expanded label", "additional indication", "broader label", "expanded use", "earlier line" })
            yield return (p, CueType.LabelExpansion, "");
        foreach (var p in new[] { "reliance", "1+ mechanism", "\"1+\" mechanism", "'1+' mechanism", "1+", "abridged", "Access Consortium", "Project Orbis", "recognition procedure", "verification route", "abbreviated pathway" })
            yield return (p, CueType.Reliance, "");
    }

    /// <summary>
    /// Acronyms match only as written ("NICE" the institute, not "nice"; "CRL" not "crl"), and the modal "may" only in
    /// lower case: "In May, Carvykti won ..." and a "**May.**" heading are the month, not a hedge.
    /// </summary>
    public static bool IsCaseSensitive(string phrase) => MentionFinder.IsAcronym(phrase) || phrase is "CRLs" or "may";

    private static string[] Words(string spaced) => spaced.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
