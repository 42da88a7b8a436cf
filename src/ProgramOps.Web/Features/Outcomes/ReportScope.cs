namespace ProgramOps.Web.Features.Outcomes;

public enum ReportScopeKind
{
    /// <summary>The client's own participants in the cohort.</summary>
    ClientSlice,
    /// <summary>The client's slice of a joint cohort is smaller than k: the whole cohort is reported instead.</summary>
    RolledUpToCohort,
    /// <summary>Even the whole cohort is smaller than k: no figures at all.</summary>
    Withheld,
}

/// <summary>Whose figures a client's report shows. A slice smaller than k is never shown alone.</summary>
public static class ReportScope
{
    /// <param name="sliceEnrolled">The client's participants who enrolled.</param>
    /// <param name="cohortEnrolled">Everyone in the cohort who enrolled, all clients together.</param>
    public static ReportScopeKind Decide(int sliceEnrolled, int cohortEnrolled, int k) =>
        sliceEnrolled >= k ? ReportScopeKind.ClientSlice
        : cohortEnrolled >= k && cohortEnrolled > sliceEnrolled ? ReportScopeKind.RolledUpToCohort
        : ReportScopeKind.Withheld;
}
