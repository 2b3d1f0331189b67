namespace CellRadar.Core.Annotation;

/// <summary>What a cue word says about the sentence it sits in. Cues are found apart from deciding events.</summary>
public enum CueType
{
    /// <summary>"approved", "authorised", "cleared for marketing".</summary>
    ApproveVerb,
    /// <summary>"approval", "marketing authorisation", "green light", "nod".</summary>
    ApprovalNoun,
    /// <summary>"granted", "received", "secured": an act whose object says the kind.</summary>
    GrantVerb,
    /// <summary>"accepted", "validated".</summary>
    Accept,
    /// <summary>"under review", "reviews ongoing".</summary>
    UnderReview,
    /// <summary>"PDUFA date", "target action date", "decision is expected".</summary>
    DecisionExpected,
    /// <summary>"submitted", "filed", "plans to file".</summary>
    Submit,
    /// <summary>"positive opinion", "recommended approval", advisory committee "voted".</summary>
    Opinion,
    /// <summary>"complete response letter", "refused", "negative opinion".</summary>
    Reject,
    /// <summary>"withdrew", "withdrawn".</summary>
    Withdraw,
    /// <summary>"named patient", "compassionate use", "early access". Detail: the access subtype.</summary>
    Access,
    /// <summary>"GMP certificate", "PIC/S", "manufacturing licence".</summary>
    Gmp,
    /// <summary>"IND clearance", "implied approval", "may proceed".</summary>
    TrialClear,
    /// <summary>"designation", "eligibility", "status".</summary>
    DesignationWord,
    /// <summary>"clinical trial", "study": marks a trial object.</summary>
    TrialWord,
    /// <summary>"plans to", "will", "expected to": a stated act to come.</summary>
    Future,
    /// <summary>"could", "hopes", "potential", "if approved": not a stated act.</summary>
    Hedge,
    /// <summary>"not", "yet to", "has not been".</summary>
    Negation,
    /// <summary>"previously", "already", "following": a background statement, not the news.</summary>
    Background,
    /// <summary>"today", "announced": the news of the item.</summary>
    NewsAct,
    /// <summary>"reimbursement", "pricing", "ethics committee": approvals that are not regulatory events.</summary>
    NonRegulatory,
    /// <summary>"respectively": pairs lists in order.</summary>
    Respectively,
    /// <summary>"outside", "except": the next place is excluded.</summary>
    Exclusion,
    /// <summary>"application", "dossier", "filing" as a generic object.</summary>
    ApplicationWord,
    /// <summary>"label expansion", "expanded indication", "new indication".</summary>
    LabelExpansion,
    /// <summary>"reliance", "1+ mechanism", "abridged pathway": a route relying on another agency's approval.</summary>
    Reliance,
}
