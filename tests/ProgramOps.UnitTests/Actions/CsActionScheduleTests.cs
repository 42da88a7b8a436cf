using ProgramOps.Web.Features.Actions;

namespace ProgramOps.UnitTests.Actions;

public sealed class CsActionScheduleTests
{
    [Fact]
    public void A_participant_at_risk_found_on_a_friday_is_due_on_tuesday_not_sunday()
    {
        var friday = new DateOnly(2026, 11, 27);

        var action = CsActionRequest.AtRisk(1, 1, 1, 7, friday);

        Assert.Equal(new DateOnly(2026, 12, 1), action.DueOn);
        Assert.Equal(CsActionPriority.High, action.Priority);
    }

    [Fact]
    public void A_renewal_far_from_the_end_gets_two_weeks_and_is_never_due_later_than_45_days_before_the_end()
    {
        var today = new DateOnly(2026, 11, 30);

        var headsUp = CsActionRequest.Renewal(1, 1, null, 90, 88, today);
        var normal = CsActionRequest.Renewal(1, 1, null, 60, 55, today);
        var late = CsActionRequest.Renewal(1, 1, null, 30, 29, today);

        Assert.Equal(today.AddDays(CsActionSchedule.RenewalPreparationDays), headsUp.DueOn);
        Assert.Equal(CsActionPriority.Low, headsUp.Priority);
        Assert.Equal(new DateOnly(2026, 12, 10), normal.DueOn); // 55 − 45 days from today
        Assert.Equal(CsActionPriority.Normal, normal.Priority);
        Assert.Equal(today, late.DueOn);
        Assert.Equal(CsActionPriority.High, late.Priority);
    }

    [Fact]
    public void A_renewal_deadline_on_a_holiday_moves_back_to_the_working_day_before()
    {
        // 45 days before a contract ending 2027-02-16 is 2027-01-02, inside the year-end closure.
        Assert.Equal(new DateOnly(2026, 12, 28), CsActionSchedule.RenewalDue(new DateOnly(2026, 12, 25), new DateOnly(2027, 2, 16)));
    }

    [Fact]
    public void Shipment_problems_are_due_the_next_working_day_and_small_teams_in_three()
    {
        var friday = new DateOnly(2026, 11, 27);

        Assert.Equal(new DateOnly(2026, 11, 30), CsActionRequest.ShipmentProblem(1, CsActionReason.ShipmentReturned, "kit", null, 0, 1, 1, 1, friday).DueOn);
        Assert.Equal(new DateOnly(2026, 12, 2), CsActionRequest.TeamBelowMinimum(1, 1, 2, 1, friday).DueOn);
    }

    [Fact]
    public void Those_who_run_cohorts_work_every_kind_but_the_accounts_and_bizdev_works_the_accounts_and_both_the_playbook_tasks()
    {
        Assert.DoesNotContain(CsActionKind.ContractRenewal, CsActionWork.KindsWorkedBy(runsCohorts: true, isBizDev: false));
        Assert.DoesNotContain(CsActionKind.ClientHealthLow, CsActionWork.KindsWorkedBy(runsCohorts: true, isBizDev: false));
        Assert.Contains(CsActionKind.CohortUnderEnrolled, CsActionWork.KindsWorkedBy(runsCohorts: true, isBizDev: false));
        Assert.Equal(
            [CsActionKind.ContractRenewal, CsActionKind.ClientHealthLow, CsActionKind.NoDecisionMaker, CsActionKind.NoRecentTouch, CsActionKind.SeatsNearlyUsed,
             CsActionKind.ReportDue, CsActionKind.PlaybookTask],
            CsActionWork.KindsWorkedBy(runsCohorts: false, isBizDev: true));
        Assert.Empty(CsActionWork.KindsWorkedBy(runsCohorts: false, isBizDev: false));
    }

    [Fact]
    public void BizDev_works_an_account_action_or_a_playbook_task_that_is_theirs_or_no_ones_but_not_cohort_work()
    {
        Assert.True(CsActionWork.MayWork(false, CsActionKind.NoDecisionMaker, ownerId: null, userId: 7));
        Assert.True(CsActionWork.MayWork(false, CsActionKind.ReportDue, ownerId: 7, userId: 7));
        Assert.True(CsActionWork.MayWork(false, CsActionKind.PlaybookTask, ownerId: 7, userId: 7));
        Assert.False(CsActionWork.MayWork(false, CsActionKind.SeatsNearlyUsed, ownerId: 8, userId: 7));
        Assert.False(CsActionWork.MayWork(false, CsActionKind.CohortUnderEnrolled, ownerId: null, userId: 7));
        Assert.True(CsActionWork.MayWork(true, CsActionKind.CohortUnderEnrolled, ownerId: 8, userId: 7));
    }
}
