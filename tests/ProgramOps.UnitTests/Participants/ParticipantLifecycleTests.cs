using ProgramOps.Web.Features.Participants;
using ProgramOps.Web.Features.Programs;
using static ProgramOps.Web.Features.Participants.ParticipantState;
using static ProgramOps.Web.Features.Participants.ParticipantTrigger;

namespace ProgramOps.UnitTests.Participants;

public sealed class ParticipantLifecycleTests
{
    private static readonly DateOnly Start = new(2026, 10, 1);
    private static readonly TransitionCause Job = new(TransitionCause.System, DateTimeOffset.UnixEpoch);
    private static readonly TransitionCause Staff = new("sato", DateTimeOffset.UnixEpoch, Reason: "本人から連絡あり");

    /// <summary>Facts under which every guard passes: team placed, program over, long inactive, first kit delivered.</summary>
    private static ParticipantFacts AllGuardsMet() =>
        new(ProgramTemplates.SmokingCessation, Start, Start.AddDays(120), LastCheckIn: Start, HasTeam: true, FirstKitDelivered: true);

    /// <summary>The whole lifecycle: where each trigger leads from each state when its guard is met; missing = refused.</summary>
    private static readonly Dictionary<(ParticipantState, ParticipantTrigger), ParticipantState> Expected = new()
    {
        [(Invited, Enrol)] = Enrolled, [(Invited, Decline)] = Declined, [(Invited, ExpireInvitation)] = InvitationExpired, [(Invited, Withdraw)] = Withdrawn,
        [(Enrolled, StartOnboarding)] = Onboarding, [(Enrolled, DropOut)] = DroppedOut, [(Enrolled, Withdraw)] = Withdrawn,
        [(Onboarding, CheckIn)] = Active, [(Onboarding, MarkAtRisk)] = AtRisk, [(Onboarding, DropOut)] = DroppedOut, [(Onboarding, Withdraw)] = Withdrawn,
        [(Active, CheckIn)] = Active, [(Active, MarkAtRisk)] = AtRisk, [(Active, DropOut)] = DroppedOut, [(Active, Complete)] = Completed, [(Active, Withdraw)] = Withdrawn,
        [(AtRisk, CheckIn)] = Active, [(AtRisk, DropOut)] = DroppedOut, [(AtRisk, Complete)] = Completed, [(AtRisk, Withdraw)] = Withdrawn,
        [(Enrolled, SetQuitDay)] = Enrolled, [(Onboarding, SetQuitDay)] = Onboarding, [(Active, SetQuitDay)] = Active, [(AtRisk, SetQuitDay)] = AtRisk,
        [(Completed, Withdraw)] = Withdrawn, [(Declined, Withdraw)] = Withdrawn, [(InvitationExpired, Withdraw)] = Withdrawn, [(DroppedOut, Withdraw)] = Withdrawn,
    };

    public static TheoryData<ParticipantState, ParticipantTrigger> EveryPair()
    {
        var data = new TheoryData<ParticipantState, ParticipantTrigger>();
        foreach (var state in Enum.GetValues<ParticipantState>())
            foreach (var trigger in Enum.GetValues<ParticipantTrigger>())
                data.Add(state, trigger);
        return data;
    }

    private static ParticipantTransition Fire(ParticipantLifecycle lifecycle, ParticipantTrigger trigger, TransitionCause cause) =>
        trigger == Complete ? lifecycle.Complete(cause, ParticipantOutcome.Succeeded) : lifecycle.Fire(trigger, cause);

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Every_state_and_trigger_leads_where_the_lifecycle_says_or_is_refused(ParticipantState state, ParticipantTrigger trigger)
    {
        var lifecycle = new ParticipantLifecycle(state, AllGuardsMet());

        if (Expected.TryGetValue((state, trigger), out var destination))
        {
            var transition = Fire(lifecycle, trigger, Staff);
            Assert.Equal(new ParticipantTransition(state, destination, trigger, Staff, trigger == Complete ? ParticipantOutcome.Succeeded : null), transition);
            Assert.Equal(destination, lifecycle.State);
        }
        else
        {
            var refused = Assert.Throws<TransitionRefusedException>(() => Fire(lifecycle, trigger, Staff));
            Assert.Equal(state, lifecycle.State);
            Assert.Contains(state.ToString(), refused.Message);
        }
    }

    [Fact]
    public void A_refusal_names_the_state_and_what_is_allowed()
    {
        var lifecycle = new ParticipantLifecycle(Invited, AllGuardsMet());

        var refused = Assert.Throws<TransitionRefusedException>(() => lifecycle.Fire(CheckIn, Staff));

        Assert.Equal([Enrol, Decline, ExpireInvitation, Withdraw], refused.Permitted);
        Assert.Equal("CheckIn is not allowed for a participant in Invited. Allowed: Enrol, Decline, ExpireInvitation, Withdraw.", refused.Message);
    }

    [Fact]
    public void Nothing_follows_withdrawal()
    {
        var refused = Assert.Throws<TransitionRefusedException>(() => new ParticipantLifecycle(Withdrawn, AllGuardsMet()).Fire(Enrol, Staff));

        Assert.Contains("none (final state)", refused.Message);
    }

    [Fact]
    public void At_risk_only_after_the_programs_inactive_days()
    {
        var facts = AllGuardsMet() with { Today = Start.AddDays(20), LastCheckIn = Start.AddDays(18) };

        var refused = Assert.Throws<TransitionRefusedException>(() => new ParticipantLifecycle(Active, facts).Fire(MarkAtRisk, Job));
        var marked = new ParticipantLifecycle(Active, facts with { LastCheckIn = Start.AddDays(17) }).Fire(MarkAtRisk, Job);

        Assert.Equal([LifecycleGuard.NoCheckInForAtRiskDays], refused.UnmetGuards);
        Assert.Equal(AtRisk, marked.To);
    }

    [Fact]
    public void The_engagement_watch_drops_out_only_after_the_threshold_but_staff_may_with_a_reason()
    {
        var facts = AllGuardsMet() with { Today = Start.AddDays(20), LastCheckIn = Start.AddDays(10) };

        Assert.Throws<TransitionRefusedException>(() => new ParticipantLifecycle(AtRisk, facts).Fire(DropOut, Job));
        Assert.Throws<TransitionRefusedException>(() => new ParticipantLifecycle(AtRisk, facts).Fire(DropOut, Staff with { Reason = " " }));
        Assert.Equal(DroppedOut, new ParticipantLifecycle(AtRisk, facts).Fire(DropOut, Staff).To);
        Assert.Equal(DroppedOut, new ParticipantLifecycle(AtRisk, facts with { LastCheckIn = Start.AddDays(6) }).Fire(DropOut, Job).To);
    }

    [Fact]
    public void Completion_waits_for_the_end_of_the_program_and_carries_the_outcome()
    {
        var week11 = AllGuardsMet() with { Today = Start.AddDays(77), LastCheckIn = Start.AddDays(77) };

        var early = Assert.Throws<TransitionRefusedException>(() => new ParticipantLifecycle(Active, week11).Complete(Job, ParticipantOutcome.Succeeded));
        var done = new ParticipantLifecycle(Active, week11 with { Today = Start.AddDays(84) }).Complete(Job, ParticipantOutcome.NotSucceeded);

        Assert.Equal([LifecycleGuard.ProgramWeeksPassed], early.UnmetGuards);
        Assert.Equal((Completed, ParticipantOutcome.NotSucceeded), (done.To, done.Outcome!.Value));
        Assert.Throws<ArgumentException>(() => new ParticipantLifecycle(Active, week11).Fire(Complete, Job));
    }

    [Fact]
    public void Onboarding_needs_a_team_and_activity_needs_the_program_to_have_started()
    {
        var beforeStart = AllGuardsMet() with { Today = Start.AddDays(-3), LastCheckIn = null, HasTeam = false };

        Assert.Throws<TransitionRefusedException>(() => new ParticipantLifecycle(Enrolled, beforeStart).Fire(StartOnboarding, Job));
        Assert.Throws<TransitionRefusedException>(() => new ParticipantLifecycle(Onboarding, beforeStart).Fire(CheckIn, Job));
        Assert.Equal(Onboarding, new ParticipantLifecycle(Enrolled, beforeStart with { HasTeam = true }).Fire(StartOnboarding, Job).To);
    }

    [Fact]
    public void Permitted_triggers_reflect_the_guards()
    {
        var freshlyActive = AllGuardsMet() with { Today = Start.AddDays(10), LastCheckIn = Start.AddDays(10) };

        Assert.Equal([CheckIn, DropOut, Withdraw], new ParticipantLifecycle(Active, freshlyActive).PermittedTriggers);
    }

    [Fact]
    public void The_diagram_is_generated_from_the_configuration_and_pinned()
    {
        var diagram = new ParticipantLifecycle(Invited, AllGuardsMet()).ToMermaid();
        var pinned = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Participants", "participant-lifecycle.mmd"));

        // A change to the lifecycle must show up as a diff of the pinned file, reviewed with the change.
        Assert.Equal(pinned.ReplaceLineEndings().Trim(), diagram.ReplaceLineEndings().Trim());
    }

    [Fact]
    public void The_program_page_lists_every_arrow_of_the_machine_with_its_guard_named()
    {
        var arrows = LifecycleDiagram.Arrows(ProgramTemplates.SmokingCessation);
        var pinned = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Participants", "participant-lifecycle.mmd"));

        // Every transition line of the pinned diagram is an arrow; the initial-state marker "[*] --> Invited" is not one.
        Assert.Equal(pinned.Split('\n').Count(line => line.Contains(" --> ", StringComparison.Ordinal) && !line.Contains("[*]", StringComparison.Ordinal)), arrows.Count);
        Assert.Contains(new LifecycleArrow(Active, AtRisk, MarkAtRisk, LifecycleGuard.NoCheckInForAtRiskDays), arrows);
        Assert.Contains(new LifecycleArrow(Invited, Enrolled, Enrol, LifecycleGuard.InvitationNotExpired), arrows);
        Assert.Contains(new LifecycleArrow(Active, Active, SetQuitDay, LifecycleGuard.QuitDayAnyTime),
            LifecycleDiagram.Arrows(ProgramTemplates.SmokingCessation with { QuitDayAfterFirstKit = false }));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    public void Linking_the_app_after_the_invitation_expired_is_refused_naming_the_guard(int daysAfterExpiry, bool enrols)
    {
        var expires = new DateOnly(2026, 12, 7);
        var facts = AllGuardsMet() with { Today = expires.AddDays(daysAfterExpiry) };
        var lifecycle = new ParticipantLifecycle(Invited, facts with { InvitationExpiresOn = expires });

        if (enrols)
        {
            Assert.Equal(Enrolled, lifecycle.Fire(Enrol, Staff).To);
            return;
        }

        var refused = Assert.Throws<TransitionRefusedException>(() => lifecycle.Fire(Enrol, Staff));
        Assert.Equal([LifecycleGuard.InvitationNotExpired], refused.UnmetGuards);
        Assert.Equal(Invited, lifecycle.State);
    }

    [Fact]
    public void The_invitation_expires_after_the_enrolment_window_or_the_late_join_cut_off_whichever_is_later()
    {
        var start = new DateOnly(2027, 1, 4);
        Assert.Equal(start.AddDays(6), ProgramTemplates.SmokingCessation.InvitationExpiresOn(start, start.AddDays(-3)));
        Assert.Equal(start.AddDays(-3), ProgramTemplates.WeightManagement.InvitationExpiresOn(start, start.AddDays(-3)));
    }

    [Fact]
    public void The_quit_day_waits_for_the_first_kit_where_the_program_says_so()
    {
        var noKitYet = AllGuardsMet() with { FirstKitDelivered = false };
        var withoutKitRule = noKitYet with { Program = ProgramTemplates.SmokingCessation with { QuitDayAfterFirstKit = false } };

        var refused = Assert.Throws<TransitionRefusedException>(() => new ParticipantLifecycle(Active, noKitYet).Fire(SetQuitDay, Job));
        var allowed = new ParticipantLifecycle(Active, withoutKitRule).Fire(SetQuitDay, Job);

        Assert.Equal([LifecycleGuard.FirstKitDelivered], refused.UnmetGuards);
        Assert.Equal("SetQuitDay is not allowed for a participant in Active yet: FirstKitDelivered.", refused.Message);
        Assert.Equal((Active, Active), (allowed.From, allowed.To));
    }

    [Fact]
    public void Staff_are_not_offered_the_quit_day_which_comes_from_the_app_with_its_date()
    {
        Assert.DoesNotContain(SetQuitDay, new ParticipantLifecycle(Active, AllGuardsMet()).PermittedTriggers);
        Assert.DoesNotContain(SetQuitDay, ParticipantLifecycle.StaffTriggers);
    }
}
