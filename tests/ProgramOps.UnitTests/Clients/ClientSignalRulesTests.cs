using ProgramOps.Web.Features.Actions;
using ProgramOps.Web.Features.Clients;
using ProgramOps.Web.Features.Clients.Signals;
using ProgramOps.Web.Features.Cohorts;

namespace ProgramOps.UnitTests.Clients;

public sealed class ClientSignalRulesTests
{
    // Monday 2026-11-30.
    private static readonly DateOnly Today = new(2026, 11, 30);

    /// <summary>The values migration 0058 seeds, written out so a changed default cannot silently move these tests.</summary>
    private static readonly SignalThresholds Usual = new(HealthBelowEnterprise: 60, HealthBelowSmb: 50, SeatsNearlyUsedPercent: 90,
        UnderEnrolledBelowPercent: 80, ReportDueDaysAfterEnd: 21);

    private static ClientSignalFacts Client(
        ClientSegment segment = ClientSegment.Enterprise, TouchModel touch = TouchModel.High, bool customer = true, bool decisionMaker = true,
        int? health = 80, DateOnly? lastTouch = null) =>
        new(1, segment, touch, 42, customer, decisionMaker, health, lastTouch ?? Today.AddDays(-3));

    private static CsActionKind[] Kinds(ClientSignalFacts client) => [.. ClientSignalRules.ForClient(client, Usual, noTouchDays: 30, Today).Select(r => r.Kind)];

    [Fact]
    public void A_healthy_touched_customer_with_a_decision_maker_needs_nothing()
    {
        Assert.Empty(Kinds(Client()));
    }

    [Theory]
    [InlineData(ClientSegment.Enterprise, 59, true)]
    [InlineData(ClientSegment.Enterprise, 60, false)]
    [InlineData(ClientSegment.Smb, 59, false)]
    [InlineData(ClientSegment.Smb, 49, true)]
    public void Health_is_raised_under_the_segments_line(ClientSegment segment, int score, bool raised)
    {
        var requests = ClientSignalRules.ForClient(Client(segment, health: score), Usual, 30, Today).ToList();

        Assert.Equal(raised, requests.Any(r => r.Kind == CsActionKind.ClientHealthLow));
        if (raised)
        {
            var request = requests.Single();
            Assert.Equal(($"ClientHealthLow:1", 42, CsActionPriority.High), (request.ConditionKey, request.OwnerId, request.Priority));
            Assert.Equal($"HealthLow|{score}|{(segment == ClientSegment.Enterprise ? 60 : 50)}", request.Reason);
            Assert.Equal(new DateOnly(2026, 12, 7), request.DueOn);
        }
    }

    [Fact]
    public void A_client_without_a_snapshot_is_not_raised_for_health()
    {
        Assert.Empty(Kinds(Client(health: null)));
    }

    [Fact]
    public void A_customer_without_a_decision_maker_is_raised_for_its_bizdev_owner()
    {
        var request = ClientSignalRules.ForClient(Client(decisionMaker: false), Usual, 30, Today).Single();

        Assert.Equal((CsActionKind.NoDecisionMaker, "NoDecisionMaker:1", 42), (request.Kind, request.ConditionKey, request.OwnerId));
    }

    [Fact]
    public void A_prospect_is_raised_for_low_health_only_not_for_people_or_touches()
    {
        Assert.Equal([CsActionKind.ClientHealthLow], Kinds(Client(customer: false, decisionMaker: false, health: 10, lastTouch: Today.AddDays(-300))));
    }

    [Fact]
    public void A_high_touch_client_untouched_longer_than_its_segments_days_is_raised_with_the_days_or_as_never_touched()
    {
        var late = ClientSignalRules.ForClient(Client(lastTouch: Today.AddDays(-31)), Usual, 30, Today).Single();
        var onTime = Kinds(Client(lastTouch: Today.AddDays(-30)));
        var never = ClientSignalRules.ForClient(Client() with { LastTouchOn = null }, Usual, 30, Today).Single();
        var lowTouch = Kinds(Client(touch: TouchModel.Low, lastTouch: Today.AddDays(-300)));

        Assert.Equal((CsActionKind.NoRecentTouch, "NoTouchFor|31"), (late.Kind, late.Reason));
        Assert.Empty(onTime);
        Assert.Equal("NeverTouched|", never.Reason);
        Assert.Empty(lowTouch);
    }

    [Theory]
    [InlineData(100, 89, false)]
    [InlineData(100, 90, true)]
    [InlineData(30, 27, true)]
    [InlineData(30, 26, false)]
    public void Seats_planned_at_ninety_percent_or_more_are_an_expansion_chance(int seats, int used, bool raised)
    {
        var request = ClientSignalRules.ForContract(new ContractSeatFacts(9, 1, 42, "禁煙", seats, used), Usual, Today);

        Assert.Equal(raised, request is not null);
        if (request is not null)
            Assert.Equal((CsActionKind.SeatsNearlyUsed, "SeatsNearlyUsed:9", $"SeatsUsed|{used}|{seats}|禁煙", 9, CsActionPriority.Low),
                (request.Kind, request.ConditionKey, request.Reason, request.ContractId, request.Priority));
    }

    private static CohortSliceFacts Slice(CohortStatus status, int enrolled = 50, int capacity = 50, bool reported = false, DateOnly? ends = null) =>
        new(5, 1, 42, status, ends ?? Today.AddDays(30), capacity, enrolled, reported);

    [Theory]
    [InlineData(CohortStatus.Enrolling, 39, true)]
    [InlineData(CohortStatus.Running, 39, true)]
    [InlineData(CohortStatus.Running, 40, false)]
    [InlineData(CohortStatus.Completed, 10, false)]
    public void A_cohort_whose_window_closed_under_eighty_percent_of_its_seats_is_under_enrolled_while_it_runs(CohortStatus status, int enrolled, bool raised)
    {
        var requests = ClientSignalRules.ForCohortSlice(Slice(status, enrolled), Usual, Today).ToList();

        Assert.Equal(raised, requests.Any(r => r.Kind == CsActionKind.CohortUnderEnrolled));
        if (raised)
        {
            // Cohort work: no owner named, so the cohort's CS owner gets it.
            var request = requests.Single();
            Assert.Equal(("CohortUnderEnrolled:5:1", $"UnderEnrolled|{enrolled}|50", (int?)null, (int?)5), (request.ConditionKey, request.Reason, request.OwnerId, request.CohortId));
        }
    }

    [Fact]
    public void A_completed_cohorts_report_is_due_three_weeks_after_the_program_ended_until_its_final_report_is_issued()
    {
        var ended = Today.AddDays(-22);

        var due = ClientSignalRules.ForCohortSlice(Slice(CohortStatus.Completed, ends: ended), Usual, Today).Single();
        var notYet = ClientSignalRules.ForCohortSlice(Slice(CohortStatus.Completed, ends: Today.AddDays(-21)), Usual, Today);
        var issued = ClientSignalRules.ForCohortSlice(Slice(CohortStatus.Completed, reported: true, ends: ended), Usual, Today);

        Assert.Equal((CsActionKind.ReportDue, "ReportDue:5:1", $"ReportNotIssued|{ended:yyyy-MM-dd}", (int?)42), (due.Kind, due.ConditionKey, due.Reason, due.OwnerId));
        Assert.Empty(notYet);
        Assert.Empty(issued);
    }

    [Fact]
    public void Thresholds_admin_sets_move_every_line()
    {
        var stricter = new SignalThresholds(HealthBelowEnterprise: 70, HealthBelowSmb: 30, SeatsNearlyUsedPercent: 75, UnderEnrolledBelowPercent: 50,
            ReportDueDaysAfterEnd: 7);

        Assert.Equal("HealthLow|65|70", ClientSignalRules.ForClient(Client(ClientSegment.Enterprise, health: 65), stricter, 30, Today).Single().Reason);
        Assert.Empty(ClientSignalRules.ForClient(Client(ClientSegment.Smb, health: 40), stricter, 30, Today));
        Assert.NotNull(ClientSignalRules.ForContract(new ContractSeatFacts(9, 1, 42, "禁煙", 100, 75), stricter, Today));
        Assert.Null(ClientSignalRules.ForContract(new ContractSeatFacts(9, 1, 42, "禁煙", 100, 74), stricter, Today));
        Assert.Empty(ClientSignalRules.ForCohortSlice(Slice(CohortStatus.Running, enrolled: 25), stricter, Today));
        Assert.Single(ClientSignalRules.ForCohortSlice(Slice(CohortStatus.Running, enrolled: 24), stricter, Today));
        Assert.Single(ClientSignalRules.ForCohortSlice(Slice(CohortStatus.Completed, ends: Today.AddDays(-8)), stricter, Today));
        Assert.Empty(ClientSignalRules.ForCohortSlice(Slice(CohortStatus.Completed, ends: Today.AddDays(-7)), stricter, Today));
    }
}
