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
    public static IEnumerable<CsActionRequest> ForClient(ClientSignalFacts client, SignalThresholds thresholds, int noTouchDays, DateOnly today)
    {
        var healthBelow = thresholds.HealthActionBelow(client.Segment);
        if (client.HealthScore is { } score && score < healthBelow)
            yield return CsActionRequest.HealthLow(client.ClientId, client.BizDevOwnerId, score, healthBelow, today);
        if (!client.IsCustomer) yield break;
        if (!client.HasDecisionMaker) yield return CsActionRequest.NoDecisionMaker(client.ClientId, client.BizDevOwnerId, today);
        if (ClientTouches.IsOverdue(client.TouchModel, client.LastTouchOn, noTouchDays, today))
            yield return CsActionRequest.NoRecentTouch(client.ClientId, client.BizDevOwnerId, today.DayNumber - client.LastTouchOn?.DayNumber, today);
    }

    public static CsActionRequest? ForContract(ContractSeatFacts contract, SignalThresholds thresholds, DateOnly today) =>
        contract.SeatsUsed * 100 >= contract.Seats * thresholds.SeatsNearlyUsedPercent
            ? CsActionRequest.SeatsNearlyUsed(contract.ContractId, contract.ClientId, contract.BizDevOwnerId, contract.ProgramName, contract.SeatsUsed, contract.Seats, today)
            : null;

    public static IEnumerable<CsActionRequest> ForCohortSlice(CohortSliceFacts slice, SignalThresholds thresholds, DateOnly today)
    {
        if (slice.Status is CohortStatus.Enrolling or CohortStatus.Running && slice.Enrolled * 100 < slice.Capacity * thresholds.UnderEnrolledBelowPercent)
            yield return CsActionRequest.CohortUnderEnrolled(slice.CohortId, slice.ClientId, slice.Enrolled, slice.Capacity, today);
        if (slice.Status == CohortStatus.Completed && !slice.FinalReportIssued
            && today.DayNumber - slice.ProgramEnds.DayNumber > thresholds.ReportDueDaysAfterEnd)
            yield return CsActionRequest.ReportDue(slice.CohortId, slice.ClientId, slice.BizDevOwnerId, slice.ProgramEnds, today);
    }
}
