using Microsoft.Extensions.ObjectPool;
using Stateless;
using Stateless.Graph;

namespace ProgramOps.Web.Features.Participants;

/// <summary>
/// The participant lifecycle's Stateless machine, configured once and reused: its guards read the participant it is
/// loaded with (<see cref="Load"/>). Only <see cref="ParticipantLifecycle"/> uses it, one operation at a time.
/// </summary>
/// <remarks>The quit-day guard's rule depends on the program, so a machine is configured for each of the two rules.</remarks>
internal sealed class LifecycleMachine
{
    private static readonly ObjectPool<LifecycleMachine> AfterFirstKit = Pool(quitDayAfterFirstKit: true);
    private static readonly ObjectPool<LifecycleMachine> AnyTime = Pool(quitDayAfterFirstKit: false);

    private static ObjectPool<LifecycleMachine> Pool(bool quitDayAfterFirstKit) =>
        new DefaultObjectPool<LifecycleMachine>(new Policy(quitDayAfterFirstKit), maximumRetained: Environment.ProcessorCount * 4);

    public static LifecycleMachine Rent(bool quitDayAfterFirstKit) => (quitDayAfterFirstKit ? AfterFirstKit : AnyTime).Get();

    public static void Return(LifecycleMachine machine) => (machine._quitDayAfterFirstKit ? AfterFirstKit : AnyTime).Return(machine);

    private sealed class Policy(bool quitDayAfterFirstKit) : PooledObjectPolicy<LifecycleMachine>
    {
        public override LifecycleMachine Create() => new(quitDayAfterFirstKit);

        public override bool Return(LifecycleMachine machine) => true;
    }

    private readonly bool _quitDayAfterFirstKit;
    private readonly StateMachine<ParticipantState, ParticipantTrigger> _machine;
    private readonly Dictionary<ParticipantTrigger, StateMachine<ParticipantState, ParticipantTrigger>.TriggerWithParameters<TransitionCause>> _triggers;
    private readonly StateMachine<ParticipantState, ParticipantTrigger>.TriggerWithParameters<TransitionCause, ParticipantOutcome> _complete;
    private ParticipantState _state;
    private ParticipantFacts _facts = null!;

    private LifecycleMachine(bool quitDayAfterFirstKit)
    {
        _quitDayAfterFirstKit = quitDayAfterFirstKit;
        _machine = new StateMachine<ParticipantState, ParticipantTrigger>(() => _state, s => _state = s);
        _triggers = Enum.GetValues<ParticipantTrigger>()
            .Where(t => t != ParticipantTrigger.Complete)
            .ToDictionary(t => t, t => _machine.SetTriggerParameters<TransitionCause>(t));
        _complete = _machine.SetTriggerParameters<TransitionCause, ParticipantOutcome>(ParticipantTrigger.Complete);

        var atRiskRule = nameof(LifecycleGuard.NoCheckInForAtRiskDays);
        var dropOutRule = nameof(LifecycleGuard.NoCheckInForDropOutDaysOrStaffReason);
        var endRule = nameof(LifecycleGuard.ProgramWeeksPassed);
        var quitDayRule = quitDayAfterFirstKit ? nameof(LifecycleGuard.FirstKitDelivered) : nameof(LifecycleGuard.QuitDayAnyTime);
        bool InactiveFor(int days) => _facts.DaysInactive >= days;
        bool MaySetQuitDay() => !quitDayAfterFirstKit || _facts.FirstKitDelivered;
        bool MayDropOut(TransitionCause cause) => InactiveFor(_facts.Program.DropOutAfterDays) || cause.IsManual;

        _machine.Configure(ParticipantLifecycle.EntryState)
            .PermitIf(ParticipantTrigger.Enrol, ParticipantState.Enrolled, () => _facts.InvitationValid, nameof(LifecycleGuard.InvitationNotExpired))
            .Permit(ParticipantTrigger.Decline, ParticipantState.Declined)
            .Permit(ParticipantTrigger.ExpireInvitation, ParticipantState.InvitationExpired)
            .Permit(ParticipantTrigger.Withdraw, ParticipantState.Withdrawn);

        _machine.Configure(ParticipantState.Enrolled)
            .PermitIf(ParticipantTrigger.StartOnboarding, ParticipantState.Onboarding, () => _facts.HasTeam, nameof(LifecycleGuard.PlacedInTeam))
            .PermitReentryIf(ParticipantTrigger.SetQuitDay, MaySetQuitDay, quitDayRule)
            .PermitIf(_triggers[ParticipantTrigger.DropOut], ParticipantState.DroppedOut, MayDropOut, dropOutRule)
            .Permit(ParticipantTrigger.Withdraw, ParticipantState.Withdrawn);

        _machine.Configure(ParticipantState.Onboarding)
            .PermitIf(ParticipantTrigger.CheckIn, ParticipantState.Active, () => _facts.ProgramStarted, nameof(LifecycleGuard.ProgramStarted))
            .PermitReentryIf(ParticipantTrigger.SetQuitDay, MaySetQuitDay, quitDayRule)
            .PermitIf(ParticipantTrigger.MarkAtRisk, ParticipantState.AtRisk, () => InactiveFor(_facts.Program.AtRiskAfterDays), atRiskRule)
            .PermitIf(_triggers[ParticipantTrigger.DropOut], ParticipantState.DroppedOut, MayDropOut, dropOutRule)
            .Permit(ParticipantTrigger.Withdraw, ParticipantState.Withdrawn);

        _machine.Configure(ParticipantState.Active)
            .PermitReentry(ParticipantTrigger.CheckIn)
            .PermitReentryIf(ParticipantTrigger.SetQuitDay, MaySetQuitDay, quitDayRule)
            .PermitIf(ParticipantTrigger.MarkAtRisk, ParticipantState.AtRisk, () => InactiveFor(_facts.Program.AtRiskAfterDays), atRiskRule)
            .PermitIf(_triggers[ParticipantTrigger.DropOut], ParticipantState.DroppedOut, MayDropOut, dropOutRule)
            .PermitIf(ParticipantTrigger.Complete, ParticipantState.Completed, () => _facts.ProgramElapsed, endRule)
            .Permit(ParticipantTrigger.Withdraw, ParticipantState.Withdrawn);

        _machine.Configure(ParticipantState.AtRisk)
            .Permit(ParticipantTrigger.CheckIn, ParticipantState.Active)
            .PermitReentryIf(ParticipantTrigger.SetQuitDay, MaySetQuitDay, quitDayRule)
            .PermitIf(_triggers[ParticipantTrigger.DropOut], ParticipantState.DroppedOut, MayDropOut, dropOutRule)
            .PermitIf(ParticipantTrigger.Complete, ParticipantState.Completed, () => _facts.ProgramElapsed, endRule)
            .Permit(ParticipantTrigger.Withdraw, ParticipantState.Withdrawn);

        // Consent can be withdrawn after the end too: the personal data goes, the anonymous history stays.
        foreach (var ended in new[] { ParticipantState.Completed, ParticipantState.Declined, ParticipantState.InvitationExpired, ParticipantState.DroppedOut })
        {
            _machine.Configure(ended).Permit(ParticipantTrigger.Withdraw, ParticipantState.Withdrawn);
        }

        _machine.OnUnhandledTrigger((s, t, unmet) =>
            throw new TransitionRefusedException(s, t, PermittedTriggers, [.. (unmet ?? []).Select(Enum.Parse<LifecycleGuard>)]));
    }

    public ParticipantState State => _state;

    public void Load(ParticipantState state, ParticipantFacts facts) => (_state, _facts) = (state, facts);

    public IReadOnlyList<ParticipantTrigger> PermittedTriggers =>
        ParticipantLifecycle.StaffTriggers
            .Where(t => t == ParticipantTrigger.Complete
                ? _machine.CanFire(_complete, StaffProbe, ParticipantOutcome.Succeeded)
                : _machine.CanFire(_triggers[t], StaffProbe))
            .ToList();

    private static readonly TransitionCause StaffProbe = new("staff", DateTimeOffset.MinValue, Reason: "by hand");

    /// <returns>The state it moved to.</returns>
    public ParticipantState Fire(ParticipantTrigger trigger, TransitionCause cause)
    {
        _machine.Fire(_triggers[trigger], cause);
        return _state;
    }

    /// <returns>The state it moved to.</returns>
    public ParticipantState Complete(TransitionCause cause, ParticipantOutcome outcome)
    {
        _machine.Fire(_complete, cause, outcome);
        return _state;
    }

    public string ToMermaid() => MermaidGraph.Format(_machine.GetInfo());
}
