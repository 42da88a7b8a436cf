using Microsoft.Extensions.Logging;
using ProgramOps.Web.Features.Initiatives;

namespace ProgramOps.Web.Features.Demo;

/// <summary>
/// The loop's "how / do" on the completed demo cohort: a team experiment answering the demo's issue (a nightly prompt in
/// the team chat during weeks 2–4), its teams drawn into arms at once, then one run of the decay watch, so the initiative's
/// page has its effect chart. Through the initiatives' own writes and job.
/// </summary>
public sealed class DemoInitiative(Db db, LocalClock clock, ICurrentUser staff, ILoggerFactory loggers)
{
    public async Task RunAsync(int issueId, int cohortId, DateOnly cohortStart, CancellationToken ct)
    {
        if (staff.Id is not { } ownerId) return;
        var audit = new AuditTrail(staff, clock.Time);
        await new InitiativeWrites(db, audit, staff, clock.Time).CreateAsync(new InitiativeInput
        {
            IssueId = issueId,
            Title = "2〜4週目の夜にチームチャットへ声かけを流す",
            Hypothesis = "吸いたくなる夜にチームの誰かが声をかければ、2〜4週目に一人で抱え込まず、チェックインが続く",
            ChangeKind = ChangeKind.Content,
            ChangeDescription = "2〜4週目の毎晩21時、介入群のチームのチャットに仲間への声かけを促すメッセージを自動で投稿する",
            MetricKind = MetricKind.CheckInRate, MetricFromWeek = 2, MetricToWeek = 12,
            BaselineKind = BaselineKind.ControlTeams, CohortIds = [cohortId], StartDate = cohortStart, OwnerId = ownerId,
        }, Guid.NewGuid(), ct);
        await new DecayWatchJob(db, clock, audit, loggers.CreateLogger<DecayWatchJob>()).RunAsync(ct);
    }
}
