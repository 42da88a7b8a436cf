namespace ProgramOps.Web.Features.Cohorts;

/// <summary>Why a roster cannot be imported into a cohort today; the UI words each reason with its date.</summary>
public enum ImportRefusal
{
    /// <summary>The cohort is planned: enrolment has not been opened.</summary>
    NotEnrolling,
    /// <summary>The cohort has completed (or been reported).</summary>
    CohortOver,
    /// <summary>The enrolment window has closed and the program version takes no late joiners.</summary>
    WindowClosed,
    /// <summary>The program version takes late joiners, but its cut-off has passed.</summary>
    LateJoinCutOffPassed,
}

/// <summary>What the enrolment-window rule needs to know about a cohort, gathered by the caller.</summary>
/// <param name="LastLateJoinDay">The last day late joiners are taken (<see cref="Programs.ProgramDefinition.LastLateJoinDay"/>), null if none are.</param>
public sealed record EnrolmentWindowFacts(CohortStatus Status, DateOnly EnrolmentCloses, DateOnly? LastLateJoinDay, DateOnly Today);

/// <summary>
/// The enrolment window (募集期間) as a rule, no I/O: people are imported while the cohort is enrolling and the window
/// is open; after it closes only where the program version takes late joiners, and then only until its cut-off.
/// </summary>
public static class EnrolmentWindow
{
    /// <summary>Why an import is refused today, or null when it may go ahead.</summary>
    public static ImportRefusal? RefusalOfImport(EnrolmentWindowFacts facts) => facts switch
    {
        { Status: CohortStatus.Planned } => ImportRefusal.NotEnrolling,
        { Status: CohortStatus.Completed or CohortStatus.Reported } => ImportRefusal.CohortOver,
        _ when facts.Today <= facts.EnrolmentCloses => null,
        { LastLateJoinDay: null } => ImportRefusal.WindowClosed,
        _ when facts.Today > facts.LastLateJoinDay => ImportRefusal.LateJoinCutOffPassed,
        _ => null,
    };
}
