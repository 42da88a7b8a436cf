namespace ProgramOps.Web.Features.Clients.Signals;

/// <summary>
/// The thresholds the client signals use; Admin edits them (one row, ClientSignalThresholds, seeded by migration 0058
/// with 60, 50, 90, 80 and 21: the values these rules had as constants).
/// </summary>
/// <param name="HealthBelowEnterprise">
/// Health under this opens an action. Enterprise accounts are run high-touch and are worth more, so they are raised
/// before they fall into the at-risk band; SMB accounts (<paramref name="HealthBelowSmb"/>) when they are at risk.
/// </param>
/// <param name="SeatsNearlyUsedPercent">Seats planned into cohorts from which a contract is an expansion chance (percent of the seats bought).</param>
/// <param name="UnderEnrolledBelowPercent">Enrolled under this percent of the seats a client put into a cohort is under-enrolled.</param>
/// <param name="ReportDueDaysAfterEnd">
/// Days after the program's end by which the final report should be issued: by default a week for the final assessment
/// (the program clock's answer window), then two weeks to prepare and review the report.
/// </param>
public sealed record SignalThresholds(
    int HealthBelowEnterprise, int HealthBelowSmb, int SeatsNearlyUsedPercent, int UnderEnrolledBelowPercent, int ReportDueDaysAfterEnd)
{
    public int HealthActionBelow(ClientSegment segment) => segment == ClientSegment.Enterprise ? HealthBelowEnterprise : HealthBelowSmb;
}
