namespace CellRadar.Core.Reconciliation;

/// <summary>What a source's date stands for in a fact.</summary>
public enum DateRole
{
    /// <summary>The date the act happened (the decision), or a date agreeing with it.</summary>
    Decision,
    /// <summary>A later date that is only the publication day of the item reporting it: when the news carried it.</summary>
    Announcement,
    /// <summary>A date that disagrees with the decision date and is not explained as an announcement: part of a conflict.</summary>
    Conflicting,
    /// <summary>The source gives no date.</summary>
    None,
}
