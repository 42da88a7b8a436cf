using Stateless;

namespace ProgramOps.Web.Features.Interviews;

/// <summary>Where an N1 interview stands: drawn as a candidate, then contacted, consented, scheduled and done — or declined.</summary>
public enum InterviewStatus
{
    Candidate,
    Contacted,
    Consented,
    Scheduled,
    Done,
    Declined,
}

public enum InterviewStep
{
    Contact,
    Consent,
    Schedule,
    Complete,
    Decline,
}

/// <summary>
/// The interview's state machine, rebuilt from the stored status for every step (Stateless' external state), so the row
/// stays the one source of truth. A scheduled interview can be scheduled again (moved); anyone not yet interviewed can
/// decline; done and declined are final. No I/O.
/// </summary>
public sealed class InterviewLifecycle
{
    private readonly StateMachine<InterviewStatus, InterviewStep> _machine;
    private InterviewStatus _status;

    public InterviewLifecycle(InterviewStatus status)
    {
        _status = status;
        _machine = new StateMachine<InterviewStatus, InterviewStep>(() => _status, s => _status = s);
        _machine.Configure(InterviewStatus.Candidate)
            .Permit(InterviewStep.Contact, InterviewStatus.Contacted)
            .Permit(InterviewStep.Decline, InterviewStatus.Declined);
        _machine.Configure(InterviewStatus.Contacted)
            .Permit(InterviewStep.Consent, InterviewStatus.Consented)
            .Permit(InterviewStep.Decline, InterviewStatus.Declined);
        _machine.Configure(InterviewStatus.Consented)
            .Permit(InterviewStep.Schedule, InterviewStatus.Scheduled)
            .Permit(InterviewStep.Decline, InterviewStatus.Declined);
        _machine.Configure(InterviewStatus.Scheduled)
            .PermitReentry(InterviewStep.Schedule)
            .Permit(InterviewStep.Complete, InterviewStatus.Done)
            .Permit(InterviewStep.Decline, InterviewStatus.Declined);
    }

    public InterviewStatus Status => _status;

    /// <summary>Open interviews hold their participant: nobody is drawn again while one is open.</summary>
    public static bool IsOpen(InterviewStatus status) => status is not (InterviewStatus.Done or InterviewStatus.Declined);

    public IReadOnlyList<InterviewStep> PermittedSteps => [.. Enum.GetValues<InterviewStep>().Where(step => _machine.CanFire(step))];

    /// <summary>The status after <paramref name="step"/>, or null when the step is not allowed from here.</summary>
    public InterviewStatus? Fire(InterviewStep step)
    {
        if (!_machine.CanFire(step)) return null;
        _machine.Fire(step);
        return _status;
    }

    /// <summary>The statuses that count as open, for SQL.</summary>
    public static string OpenSqlList =>
        "(" + string.Join(", ", Enum.GetValues<InterviewStatus>().Where(IsOpen).Select(s => $"'{s}'")) + ")";
}
