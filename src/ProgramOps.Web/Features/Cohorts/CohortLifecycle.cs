namespace ProgramOps.Web.Features.Cohorts;

/// <summary>Planned → Enrolling (募集期間) → Running (everyone starts on one day) → Completed → Reported.</summary>
public enum CohortStatus
{
    Planned,
    Enrolling,
    Running,
    Completed,
    Reported,
}

/// <summary>Why a cohort cannot move on yet; the UI words each reason.</summary>
public enum CohortStepRefusal
{
    NotTheNextStep,
    ProgramVersionNotPublished,
    EnrolmentWindowNotOpen,
    NoEnrolledParticipants,
    NotStartDayYet,
    ProgramNotOver,
    FinalReportsMissing,
}

/// <summary>What the cohort guards need to know, gathered by the caller.</summary>
/// <param name="EndDate">The day the program is over (<see cref="Programs.ProgramDefinition.EndsOn"/>).</param>
/// <param name="ClientsWithoutFinalReport">Clients of the cohort that have no issued final outcome report yet.</param>
public sealed record CohortFacts(
    CohortStatus Status, bool ProgramVersionPublished, int EnrolledParticipants, DateOnly EnrolmentOpens, DateOnly StartDate, DateOnly EndDate, DateOnly Today,
    int ClientsWithoutFinalReport = 0);

/// <summary>The cohort lifecycle's rules: which step comes next and what must be true to take it. No I/O.</summary>
public static class CohortLifecycle
{
    public static CohortStatus? Next(CohortStatus status) => status switch
    {
        CohortStatus.Planned => CohortStatus.Enrolling,
        CohortStatus.Enrolling => CohortStatus.Running,
        CohortStatus.Running => CohortStatus.Completed,
        CohortStatus.Completed => CohortStatus.Reported,
        _ => null,
    };

    /// <summary>Everything that stops the cohort moving to <paramref name="target"/> now (empty: it may).</summary>
    public static IReadOnlyList<CohortStepRefusal> Refusals(CohortFacts facts, CohortStatus target)
    {
        if (Next(facts.Status) != target) return [CohortStepRefusal.NotTheNextStep];

        var refusals = new List<CohortStepRefusal>();
        switch (target)
        {
            case CohortStatus.Enrolling:
                if (!facts.ProgramVersionPublished) refusals.Add(CohortStepRefusal.ProgramVersionNotPublished);
                if (facts.Today < facts.EnrolmentOpens) refusals.Add(CohortStepRefusal.EnrolmentWindowNotOpen);
                break;
            case CohortStatus.Running:
                if (facts.EnrolledParticipants == 0) refusals.Add(CohortStepRefusal.NoEnrolledParticipants);
                if (facts.Today < facts.StartDate) refusals.Add(CohortStepRefusal.NotStartDayYet);
                break;
            case CohortStatus.Completed when facts.Today < facts.EndDate:
                refusals.Add(CohortStepRefusal.ProgramNotOver);
                break;
            // Reported means every client has been handed its final outcome report.
            case CohortStatus.Reported when facts.ClientsWithoutFinalReport > 0:
                refusals.Add(CohortStepRefusal.FinalReportsMissing);
                break;
        }

        return refusals;
    }
}
