namespace ProgramOps.Web.Features.Funnel;

/// <summary>
/// The participant funnel, the one vocabulary of the console (cohorts, participants, feedback, the funnel explorer), in
/// the order participants pass through it. Client-side events such as a contract's renewal are not participant stages.
/// </summary>
public enum FunnelStage
{
    Invitation,
    Enrolment,
    Onboarding,
    Week1,
    Weeks2To4,
    Weeks5To12,
    FinalAssessment,
}
