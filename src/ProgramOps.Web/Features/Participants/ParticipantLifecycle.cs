using Stateless;
using Stateless.Graph;
using ProgramOps.Web.Features.Programs;

namespace ProgramOps.Web.Features.Participants;

public enum ParticipantState
{
    Invited,
    Enrolled,
    Onboarding,
    Active,
    AtRisk,
    Completed,
    Declined,
    InvitationExpired,
    DroppedOut,
    Withdrawn,
}

public enum ParticipantTrigger
{
    Enrol,
    Decline,
    ExpireInvitation,
    StartOnboarding,
    CheckIn,
    MarkAtRisk,
    DropOut,
    Complete,
    Withdraw,
    SetQuitDay,
}

public enum ParticipantOutcome
{
    Succeeded,
    NotSucceeded,
}

/// <summary>Who or what fired a trigger, when, why, and the base-app event behind it if any.</summary>
public sealed record TransitionCause(string Actor, DateTimeOffset At, string? Reason = null, string? EventId = null)
{
    public const string System = "system";

    /// <summary>A staff member acting by hand, with a reason, rather than a job or an app event.</summary>
    public bool IsManual => Actor != System && EventId is null && !string.IsNullOrWhiteSpace(Reason);
}

/// <summary>What the guards need to know about one participant on one day, in the program's time zone.</summary>
/// <param name="FirstKitDelivered">Whether the first (week 0) shipment has reached the participant; only the quit-day
/// guard reads it, so the daily jobs, which never set a quit day, leave it false.</param>
public sealed record ParticipantFacts(ProgramDefinition Program, DateOnly ProgramStart, DateOnly Today, DateOnly? LastCheckIn, bool HasTeam, bool FirstKitDelivered = false)
{
    /// <summary>The last day the invitation can be taken up (linking the app); null where no step asks (the jobs).</summary>
    public DateOnly? InvitationExpiresOn { get; init; }

    public bool InvitationValid => InvitationExpiresOn is not { } last || Today <= last;
    public int DaysInactive => Today.DayNumber - (LastCheckIn ?? ProgramStart).DayNumber;
    public bool ProgramStarted => Today >= ProgramStart;
    public bool ProgramElapsed => Today >= Program.EndsOn(ProgramStart);
}

/// <summary>One step of a participant's history, as it is stored in the transition log.</summary>
/// <summary>
/// What must hold before a guarded step; pages word it in the reader's language with the program's own figures
/// (<c>ParticipantsText</c> "Guard.*"), so the machine carries the name, not a sentence.
/// </summary>
public enum LifecycleGuard
{
    PlacedInTeam,
    ProgramStarted,
    NoCheckInForAtRiskDays,
    NoCheckInForDropOutDaysOrStaffReason,
    ProgramWeeksPassed,
    FirstKitDelivered,
    QuitDayAnyTime,
    InvitationNotExpired,
}

public sealed record ParticipantTransition(
    ParticipantState From, ParticipantState To, ParticipantTrigger Trigger, TransitionCause Cause, ParticipantOutcome? Outcome);

/// <summary>A trigger that the participant's current state does not allow, with what it does allow.</summary>
public sealed class TransitionRefusedException(
    ParticipantState state, ParticipantTrigger trigger, IReadOnlyList<ParticipantTrigger> permitted, IReadOnlyCollection<LifecycleGuard> unmetGuards)
    : InvalidOperationException(
        unmetGuards.Count > 0
            ? $"{trigger} is not allowed for a participant in {state} yet: {string.Join("; ", unmetGuards)}."
            : $"{trigger} is not allowed for a participant in {state}. Allowed: {(permitted.Count == 0 ? "none (final state)" : string.Join(", ", permitted))}.")
{
    public ParticipantState State { get; } = state;
    public ParticipantTrigger Trigger { get; } = trigger;
    public IReadOnlyList<ParticipantTrigger> Permitted { get; } = permitted;
    public IReadOnlyCollection<LifecycleGuard> UnmetGuards { get; } = unmetGuards;
}

/// <summary>
/// The participant state machine. It is rebuilt for every operation from the stored state (Stateless'
/// external-state constructor), so the database row stays the single source of truth; firing a trigger
/// returns the transition to persist, together with its log row, in one transaction.
/// </summary>
public sealed class ParticipantLifecycle
{
    /// <summary>Where every participant starts: invited from the client's roster, not yet linked to the app.</summary>
    public const ParticipantState EntryState = ParticipantState.Invited;

    /// <summary>
    /// Whom the program clock closes once the final answers' deadline has passed: the invited expire, and those still
    /// active or at risk complete as not succeeded (they gave no final answer).
    /// </summary>
    public static bool ClosedAtProgramEnd(ParticipantState state) =>
        state is ParticipantState.Invited or ParticipantState.Active or ParticipantState.AtRisk;

    private readonly StateMachine<ParticipantState, ParticipantTrigger> _machine;
    private readonly Dictionary<ParticipantTrigger, StateMachine<ParticipantState, ParticipantTrigger>.TriggerWithParameters<TransitionCause>> _triggers;
    private readonly StateMachine<ParticipantState, ParticipantTrigger>.TriggerWithParameters<TransitionCause, ParticipantOutcome> _complete;
    private ParticipantState _state;

    public ParticipantLifecycle(ParticipantState state, ParticipantFacts facts)
    {
        _state = state;
        _machine = new StateMachine<ParticipantState, ParticipantTrigger>(() => _state, s => _state = s);
        _triggers = Enum.GetValues<ParticipantTrigger>()
            .Where(t => t != ParticipantTrigger.Complete)
            .ToDictionary(t => t, t => _machine.SetTriggerParameters<TransitionCause>(t));
        _complete = _machine.SetTriggerParameters<TransitionCause, ParticipantOutcome>(ParticipantTrigger.Complete);

        var atRiskRule = nameof(LifecycleGuard.NoCheckInForAtRiskDays);
        var dropOutRule = nameof(LifecycleGuard.NoCheckInForDropOutDaysOrStaffReason);
        var endRule = nameof(LifecycleGuard.ProgramWeeksPassed);
        var quitDayRule = facts.Program.QuitDayAfterFirstKit ? nameof(LifecycleGuard.FirstKitDelivered) : nameof(LifecycleGuard.QuitDayAnyTime);
        bool InactiveFor(int days) => facts.DaysInactive >= days;
        bool MaySetQuitDay() => !facts.Program.QuitDayAfterFirstKit || facts.FirstKitDelivered;
        bool MayDropOut(TransitionCause cause) => InactiveFor(facts.Program.DropOutAfterDays) || cause.IsManual;

        _machine.Configure(EntryState)
            .PermitIf(ParticipantTrigger.Enrol, ParticipantState.Enrolled, () => facts.InvitationValid, nameof(LifecycleGuard.InvitationNotExpired))
            .Permit(ParticipantTrigger.Decline, ParticipantState.Declined)
            .Permit(ParticipantTrigger.ExpireInvitation, ParticipantState.InvitationExpired)
            .Permit(ParticipantTrigger.Withdraw, ParticipantState.Withdrawn);

        _machine.Configure(ParticipantState.Enrolled)
            .PermitIf(ParticipantTrigger.StartOnboarding, ParticipantState.Onboarding, () => facts.HasTeam, nameof(LifecycleGuard.PlacedInTeam))
            .PermitReentryIf(ParticipantTrigger.SetQuitDay, MaySetQuitDay, quitDayRule)
            .PermitIf(_triggers[ParticipantTrigger.DropOut], ParticipantState.DroppedOut, MayDropOut, dropOutRule)
            .Permit(ParticipantTrigger.Withdraw, ParticipantState.Withdrawn);

        _machine.Configure(ParticipantState.Onboarding)
            .PermitIf(ParticipantTrigger.CheckIn, ParticipantState.Active, () => facts.ProgramStarted, nameof(LifecycleGuard.ProgramStarted))
            .PermitReentryIf(ParticipantTrigger.SetQuitDay, MaySetQuitDay, quitDayRule)
            .PermitIf(ParticipantTrigger.MarkAtRisk, ParticipantState.AtRisk, () => InactiveFor(facts.Program.AtRiskAfterDays), atRiskRule)
            .PermitIf(_triggers[ParticipantTrigger.DropOut], ParticipantState.DroppedOut, MayDropOut, dropOutRule)
            .Permit(ParticipantTrigger.Withdraw, ParticipantState.Withdrawn);

        _machine.Configure(ParticipantState.Active)
            .PermitReentry(ParticipantTrigger.CheckIn)
            .PermitReentryIf(ParticipantTrigger.SetQuitDay, MaySetQuitDay, quitDayRule)
            .PermitIf(ParticipantTrigger.MarkAtRisk, ParticipantState.AtRisk, () => InactiveFor(facts.Program.AtRiskAfterDays), atRiskRule)
            .PermitIf(_triggers[ParticipantTrigger.DropOut], ParticipantState.DroppedOut, MayDropOut, dropOutRule)
            .PermitIf(ParticipantTrigger.Complete, ParticipantState.Completed, () => facts.ProgramElapsed, endRule)
            .Permit(ParticipantTrigger.Withdraw, ParticipantState.Withdrawn);

        _machine.Configure(ParticipantState.AtRisk)
            .Permit(ParticipantTrigger.CheckIn, ParticipantState.Active)
            .PermitReentryIf(ParticipantTrigger.SetQuitDay, MaySetQuitDay, quitDayRule)
            .PermitIf(_triggers[ParticipantTrigger.DropOut], ParticipantState.DroppedOut, MayDropOut, dropOutRule)
            .PermitIf(ParticipantTrigger.Complete, ParticipantState.Completed, () => facts.ProgramElapsed, endRule)
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

    /// <summary>The triggers staff fire by hand; the quit day comes from the app, with its date.</summary>
    public static readonly IReadOnlyList<ParticipantTrigger> StaffTriggers = [.. Enum.GetValues<ParticipantTrigger>().Where(t => t != ParticipantTrigger.SetQuitDay)];

    /// <summary>
    /// What staff may fire now (by hand, with a reason); a trigger whose guard is not met is not listed.
    /// </summary>
    public IReadOnlyList<ParticipantTrigger> PermittedTriggers =>
        StaffTriggers
            .Where(t => t == ParticipantTrigger.Complete
                ? _machine.CanFire(_complete, StaffProbe, ParticipantOutcome.Succeeded)
                : _machine.CanFire(_triggers[t], StaffProbe))
            .ToList();

    private static readonly TransitionCause StaffProbe = new("staff", DateTimeOffset.MinValue, Reason: "by hand");

    public ParticipantTransition Fire(ParticipantTrigger trigger, TransitionCause cause)
    {
        if (trigger == ParticipantTrigger.Complete)
            throw new ArgumentException("Completion carries an outcome: use Complete(cause, outcome).", nameof(trigger));

        var from = _state;
        _machine.Fire(_triggers[trigger], cause);
        return new ParticipantTransition(from, _state, trigger, cause, null);
    }

    public ParticipantTransition Complete(TransitionCause cause, ParticipantOutcome outcome)
    {
        var from = _state;
        _machine.Fire(_complete, cause, outcome);
        return new ParticipantTransition(from, _state, ParticipantTrigger.Complete, cause, outcome);
    }

    /// <summary>The lifecycle as a Mermaid state diagram, generated from this configuration (shown to admins).</summary>
    public string ToMermaid() => MermaidGraph.Format(_machine.GetInfo());
}
