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
/// The participant state machine, run on the stored state (Stateless' external-state constructor), so the database
/// row stays the single source of truth; firing a trigger returns the transition to persist, together with its log
/// row, in one transaction.
/// </summary>
/// <remarks>
/// Configuring a Stateless machine costs far more than firing it (each guard's description is taken by reflection),
/// and jobs and event batches step hundreds of thousands of participants: so configured machines are pooled and
/// loaded with this participant's state and facts for each operation (<see cref="LifecycleMachine"/>).
/// </remarks>
public sealed class ParticipantLifecycle(ParticipantState state, ParticipantFacts facts)
{
    /// <summary>Where every participant starts: invited from the client's roster, not yet linked to the app.</summary>
    public const ParticipantState EntryState = ParticipantState.Invited;

    /// <summary>
    /// Whom the program clock closes once the final answers' deadline has passed: the invited expire, and those still
    /// active or at risk complete as not succeeded (they gave no final answer).
    /// </summary>
    public static bool ClosedAtProgramEnd(ParticipantState state) =>
        state is ParticipantState.Invited or ParticipantState.Active or ParticipantState.AtRisk;

    /// <summary>Whom the engagement watch marks at risk once they are quiet for the program's days (the others quiet that long only drop out later).</summary>
    public static bool MayBecomeAtRisk(ParticipantState state) => state is ParticipantState.Onboarding or ParticipantState.Active;

    private ParticipantState _state = state;

    public ParticipantState State => _state;

    /// <summary>The triggers staff fire by hand; the quit day comes from the app, with its date.</summary>
    public static readonly IReadOnlyList<ParticipantTrigger> StaffTriggers = [.. Enum.GetValues<ParticipantTrigger>().Where(t => t != ParticipantTrigger.SetQuitDay)];

    /// <summary>
    /// What staff may fire now (by hand, with a reason); a trigger whose guard is not met is not listed.
    /// </summary>
    public IReadOnlyList<ParticipantTrigger> PermittedTriggers => Use(machine => machine.PermittedTriggers);

    public ParticipantTransition Fire(ParticipantTrigger trigger, TransitionCause cause)
    {
        if (trigger == ParticipantTrigger.Complete)
            throw new ArgumentException("Completion carries an outcome: use Complete(cause, outcome).", nameof(trigger));

        var from = _state;
        return Use(machine => new ParticipantTransition(from, machine.Fire(trigger, cause), trigger, cause, null));
    }

    public ParticipantTransition Complete(TransitionCause cause, ParticipantOutcome outcome)
    {
        var from = _state;
        return Use(machine => new ParticipantTransition(from, machine.Complete(cause, outcome), ParticipantTrigger.Complete, cause, outcome));
    }

    /// <summary>The lifecycle as a Mermaid state diagram, generated from this configuration (shown to admins).</summary>
    public string ToMermaid() => Use(machine => machine.ToMermaid());

    private T Use<T>(Func<LifecycleMachine, T> operate)
    {
        var machine = LifecycleMachine.Rent(facts.Program.QuitDayAfterFirstKit);
        machine.Load(_state, facts);
        try
        {
            return operate(machine);
        }
        finally
        {
            _state = machine.State;
            LifecycleMachine.Return(machine);
        }
    }
}
