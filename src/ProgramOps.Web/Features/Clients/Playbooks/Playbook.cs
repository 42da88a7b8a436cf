namespace ProgramOps.Web.Features.Clients.Playbooks;

/// <summary>The account events a playbook's tasks are timed from.</summary>
public enum PlaybookAnchor
{
    ContractStart,
    EnrolmentOpens,
    CohortStart,
    Week4,
    CohortEnd,
    ReportIssued,
    Renewal120,
    Renewal90,
    Renewal60,
}

/// <summary>Who does a playbook task: the client's CS owner or its BizDev owner.</summary>
public enum PlaybookRole
{
    Cs,
    BizDev,
}

/// <summary>One task of a playbook (a segment and CS type), as stored.</summary>
public sealed record PlaybookTaskRow
{
    public int Id { get; init; }
    public int PlaybookId { get; init; }
    public ClientSegment Segment { get; init; }
    public CsType CsType { get; init; }
    public int Position { get; init; }
    public PlaybookAnchor Anchor { get; init; }
    public int OffsetDays { get; init; }
    public PlaybookRole OwnerRole { get; init; }
    public string InstructionJa { get; init; } = "";
    public string InstructionEn { get; init; } = "";
    public int Version { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public string UpdatedBy { get; init; } = "";
}

/// <summary>One occurrence of an account event for a client: the day it happens and what it is about (a contract or a cohort).</summary>
/// <param name="Key">Names the occurrence in the task's condition key, so each task is made once per contract or cohort.</param>
public sealed record AccountEvent(PlaybookAnchor Anchor, DateOnly On, string Key, int? CohortId = null, int? ContractId = null);

/// <summary>A client's contracts and its part in cohorts: what its account events come from.</summary>
public sealed record ContractDates(int ContractId, DateOnly StartDate, DateOnly EndDate);

/// <param name="FinalReportIssuedOn">The day the client's first final report of the cohort was issued (in Japan), if any.</param>
public sealed record CohortDates(int CohortId, DateOnly EnrolmentOpens, DateOnly StartDate, DateOnly ProgramEnds, DateOnly? FinalReportIssuedOn);

/// <summary>A task due for a client: the playbook's task at the day it falls due for one event.</summary>
public sealed record ScheduledTask(PlaybookTaskRow Task, AccountEvent Event, DateOnly DueOn);

/// <summary>
/// Which playbook tasks a client has due, from its account events: each task falls due its offset in days from each
/// occurrence of its event, and is made when it comes within <see cref="LeadDays"/> of its day (so the owner can
/// prepare), and still up to <see cref="GraceDays"/> after it (a run missed for a few days catches up); older
/// occurrences are history, not work.
/// </summary>
public static class PlaybookScheduling
{
    public const int LeadDays = 14;
    public const int GraceDays = 7;

    /// <summary>The week-4 check falls on the first day of program week 4.</summary>
    public const int Week4Day = 21;

    public static IEnumerable<AccountEvent> Events(IEnumerable<ContractDates> contracts, IEnumerable<CohortDates> cohorts)
    {
        foreach (var k in contracts)
        {
            var key = $"k{k.ContractId}";
            yield return new AccountEvent(PlaybookAnchor.ContractStart, k.StartDate, key, ContractId: k.ContractId);
            yield return new AccountEvent(PlaybookAnchor.Renewal120, k.EndDate.AddDays(-120), key, ContractId: k.ContractId);
            yield return new AccountEvent(PlaybookAnchor.Renewal90, k.EndDate.AddDays(-90), key, ContractId: k.ContractId);
            yield return new AccountEvent(PlaybookAnchor.Renewal60, k.EndDate.AddDays(-60), key, ContractId: k.ContractId);
        }

        foreach (var co in cohorts)
        {
            var key = $"c{co.CohortId}";
            yield return new AccountEvent(PlaybookAnchor.EnrolmentOpens, co.EnrolmentOpens, key, CohortId: co.CohortId);
            yield return new AccountEvent(PlaybookAnchor.CohortStart, co.StartDate, key, CohortId: co.CohortId);
            yield return new AccountEvent(PlaybookAnchor.Week4, co.StartDate.AddDays(Week4Day), key, CohortId: co.CohortId);
            yield return new AccountEvent(PlaybookAnchor.CohortEnd, co.ProgramEnds, key, CohortId: co.CohortId);
            if (co.FinalReportIssuedOn is { } issued) yield return new AccountEvent(PlaybookAnchor.ReportIssued, issued, key, CohortId: co.CohortId);
        }
    }

    public static IEnumerable<ScheduledTask> Due(IEnumerable<PlaybookTaskRow> tasks, IReadOnlyCollection<AccountEvent> events, DateOnly today) =>
        from task in tasks
        from e in events
        where e.Anchor == task.Anchor
        let due = e.On.AddDays(task.OffsetDays)
        where today >= due.AddDays(-LeadDays) && today <= due.AddDays(GraceDays)
        select new ScheduledTask(task, e, due);
}
