using ProgramOps.Web.Features.Actions;
using ProgramOps.Web.Features.Clients.Activity;
using ProgramOps.Web.Features.Cohorts;

namespace ProgramOps.Web.Features.Clients.Signals;

/// <summary>A client account as the signals see it.</summary>
/// <param name="HealthScore">The latest weekly health score; null when the client has none yet.</param>
/// <param name="LastTouchOn">The last meeting, call or e-mail; null when never touched.</param>
/// <param name="IsCustomer">Whether the client has an active contract: prospects get no account actions.</param>
public sealed record ClientSignalFacts(
    int ClientId, ClientSegment Segment, TouchModel TouchModel, int? BizDevOwnerId, bool IsCustomer, bool HasDecisionMaker, int? HealthScore, DateOnly? LastTouchOn);

/// <summary>An active contract's seats and how many of them are planned into cohorts.</summary>
public sealed record ContractSeatFacts(int ContractId, int ClientId, int? BizDevOwnerId, string ProgramName, int Seats, int SeatsUsed);

/// <summary>One client's part of a cohort whose enrolment window has closed.</summary>
/// <param name="ProgramEnds">The day the program is over for everyone in the cohort.</param>
public sealed record CohortSliceFacts(
    int CohortId, int ClientId, int? BizDevOwnerId, CohortStatus Status, DateOnly ProgramEnds, int Capacity, int Enrolled, bool FinalReportIssued);

/// <summary>
/// When a client account needs someone to act (style δ, 必要アクション型): each rule gives the actions that should be
/// open today; an action whose condition no longer holds is resolved by the job.
/// </summary>
public static class ClientSignalRules
{
    /// <summary>
    /// Enterprise accounts are run high-touch and are worth more, so they are raised before they fall into the at-risk
    /// band; SMB accounts when they are at risk.
    /// </summary>
    public static int HealthActionBelow(ClientSegment segment) => segment == ClientSegment.Enterprise ? 60 : 50;

    /// <summary>Seats planned into cohorts from which a contract is an expansion chance (percent of the seats bought).</summary>
    public const int SeatsNearlyUsedPercent = 90;

    /// <summary>Enrolled under this percent of the seats a client put into a cohort is under-enrolled.</summary>
    public const int UnderEnrolledBelowPercent = 80;

    /// <summary>
    /// Days after the program's end by which the final report should be issued: a week for the final assessment
    /// (the program clock's answer window), then two weeks to prepare and review the report.
    /// </summary>
    public const int ReportDueDaysAfterEnd = 21;

    public static IEnumerable<CsActionRequest> ForClient(ClientSignalFacts client, int noTouchDays, DateOnly today)
    {
        if (client.HealthScore is { } score && score < HealthActionBelow(client.Segment))
            yield return CsActionRequest.HealthLow(client.ClientId, client.BizDevOwnerId, score, HealthActionBelow(client.Segment), today);
        if (!client.IsCustomer) yield break;
        if (!client.HasDecisionMaker) yield return CsActionRequest.NoDecisionMaker(client.ClientId, client.BizDevOwnerId, today);
        if (ClientTouches.IsOverdue(client.TouchModel, client.LastTouchOn, noTouchDays, today))
            yield return CsActionRequest.NoRecentTouch(client.ClientId, client.BizDevOwnerId, today.DayNumber - client.LastTouchOn?.DayNumber, today);
    }

    public static CsActionRequest? ForContract(ContractSeatFacts contract, DateOnly today) =>
        contract.SeatsUsed * 100 >= contract.Seats * SeatsNearlyUsedPercent
            ? CsActionRequest.SeatsNearlyUsed(contract.ContractId, contract.ClientId, contract.BizDevOwnerId, contract.ProgramName, contract.SeatsUsed, contract.Seats, today)
            : null;

    public static IEnumerable<CsActionRequest> ForCohortSlice(CohortSliceFacts slice, DateOnly today)
    {
        if (slice.Status is CohortStatus.Enrolling or CohortStatus.Running && slice.Enrolled * 100 < slice.Capacity * UnderEnrolledBelowPercent)
            yield return CsActionRequest.CohortUnderEnrolled(slice.CohortId, slice.ClientId, slice.Enrolled, slice.Capacity, today);
        if (slice.Status == CohortStatus.Completed && !slice.FinalReportIssued
            && today.DayNumber - slice.ProgramEnds.DayNumber > ReportDueDaysAfterEnd)
            yield return CsActionRequest.ReportDue(slice.CohortId, slice.ClientId, slice.BizDevOwnerId, slice.ProgramEnds, today);
    }
}
