using CellRadar.Core.Model;
using CellRadar.Core.Reconciliation;

namespace CellRadar.Core.Tests.Reconciliation;

public sealed class StatusMachineTests
{
    private static Fact F(EventKind kind, string? date, EventStatus status = EventStatus.Occurred, string subtype = "") =>
        Supports.Reconcile(Supports.Of("item-" + kind + date + status, kind: kind, jurisdiction: "US", date: date, subtype: subtype, status: status));

    private static MarketStatus Evaluate(params Fact[] facts) => StatusMachine.Evaluate(facts)!;

    [Fact]
    public void An_approval_ends_under_review()
    {
        var s = Evaluate(F(EventKind.Acceptance, "2024-05-01"), F(EventKind.Approval, "2024-11-08"));
        Assert.Equal(MarketStage.Approved, s.Stage);
        Assert.Equal(PartialDate.Parse("2024-11-08"), s.Date);
        Assert.Equal([MarketStage.UnderReview, MarketStage.Approved], s.Steps.Select(x => x.Stage));
    }

    [Fact]
    public void An_undated_approval_follows_a_dated_acceptance()
    {
        var s = Evaluate(F(EventKind.Approval, null), F(EventKind.Acceptance, "2025-02-17"));
        Assert.Equal(MarketStage.Approved, s.Stage);
        Assert.Null(s.Date);
        Assert.Equal("under review 2025-02-17 -> approved", string.Join(" -> ", s.Steps));
    }

    [Fact]
    public void A_later_filing_does_not_undo_an_approval()
    {
        var s = Evaluate(F(EventKind.Approval, "2023-06-30"), F(EventKind.Submission, "2024-09"));
        Assert.Equal(MarketStage.Approved, s.Stage);
    }

    [Fact]
    public void A_withdrawal_dated_after_the_approval_wins()
    {
        var s = Evaluate(F(EventKind.Approval, "2022-01-10"), F(EventKind.Withdrawal, "2024-03"));
        Assert.Equal(MarketStage.Withdrawn, s.Stage);
    }

    [Fact]
    public void An_undated_rejection_never_overrides_a_dated_approval()
    {
        var s = Evaluate(F(EventKind.Rejection, null), F(EventKind.Approval, "2024-06-01"));
        Assert.Equal(MarketStage.Approved, s.Stage);
        Assert.Equal([MarketStage.Rejected, MarketStage.Approved], s.Steps.Select(x => x.Stage));
    }

    [Fact]
    public void A_resubmission_after_a_rejection_puts_the_product_back_under_review_but_a_designation_does_not()
    {
        var resubmitted = Evaluate(F(EventKind.Rejection, "2023-08"), F(EventKind.Acceptance, "2024-02-02"));
        Assert.Equal(MarketStage.UnderReview, resubmitted.Stage);
        var designated = Evaluate(F(EventKind.Rejection, "2023-08"), F(EventKind.Designation, "2024-02-02", subtype: "RMAT"));
        Assert.Equal(MarketStage.Rejected, designated.Stage);
    }

    [Fact]
    public void An_expected_approval_means_under_review_and_a_planned_filing_means_nothing()
    {
        Assert.Equal(MarketStage.UnderReview, Evaluate(F(EventKind.Approval, "2025-11-16", EventStatus.Expected)).Stage);
        Assert.Null(StatusMachine.Evaluate([F(EventKind.Submission, null, EventStatus.Expected)]));
    }

    [Fact]
    public void Gmp_outcomes_and_access_programmes_move_no_stage()
    {
        Assert.Null(StatusMachine.Evaluate([F(EventKind.Gmp, null, subtype: "PIC/S"), F(EventKind.Access, "2024-12", subtype: "NamedPatient")]));
    }

    [Fact]
    public void The_same_facts_in_any_order_give_the_same_status()
    {
        Fact[] facts = [F(EventKind.Designation, null, subtype: "RMAT"), F(EventKind.TrialAuthorization, "2019"), F(EventKind.Submission, "2024-01"),
            F(EventKind.Acceptance, "2024-03-02"), F(EventKind.Approval, null)];
        var expected = string.Join(" -> ", Evaluate(facts).Steps);
        var random = new Random(3);
        for (var i = 0; i < 20; i++)
            Assert.Equal(expected, string.Join(" -> ", Evaluate([.. facts.OrderBy(_ => random.Next())]).Steps));
    }
}
