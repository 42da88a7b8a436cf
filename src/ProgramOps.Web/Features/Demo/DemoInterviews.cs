using ProgramOps.Web.Features.Feedback;
using ProgramOps.Web.Features.Funnel;
using ProgramOps.Web.Features.Interviews;
using ProgramOps.Web.Features.Issues;

namespace ProgramOps.Web.Features.Demo;

/// <summary>
/// The CS improvement loop on the completed demo cohort, as a CS member works it: five of the people who dropped out in
/// weeks 2–4 are drawn to interview; one is interviewed (two findings, one sent to the feedback router), one declines,
/// one is scheduled; an issue is opened from the first finding. Everything through the interviews' and issues' own writes.
/// </summary>
public sealed class DemoInterviews(Db db, LocalClock clock, ICurrentUser staff)
{
    private const string DropOutFinding = "3週目にチームのチャットが静かになり、吸いたくなった夜に相談できる相手がいなかった";
    private const string Week1Finding = "初週はアプリの通知が多く、どれに答えればよいのかわからなかった";
    private const string IssueStatement = "2〜4週目、チームのチャットが静まると夜の吸いたい気持ちに一人で向き合うことになり、離脱につながっている";

    /// <returns>The issue opened, or null when the cohort lost too few people to interview.</returns>
    public async Task<int?> RunAsync(int completedCohortId, CancellationToken ct)
    {
        var time = clock.Time;
        var audit = new AuditTrail(staff, time);
        var interviews = new InterviewWrites(db, new FunnelExplorer(db, clock), new FeedbackRouting(db, time), audit, staff, time);
        var drawId = await interviews.DrawAsync(new FunnelSelection { CohortId = completedCohortId }, FunnelStage.Weeks2To4, 5, Guid.NewGuid(), ct);
        var drawn = await interviews.OfDrawAsync(drawId, ct);
        if (drawn.Count < 3) return null;

        var done = await StepsAsync(interviews, drawn[0], [InterviewStep.Contact, InterviewStep.Consent, InterviewStep.Schedule, InterviewStep.Complete], clock.UtcNow.AddDays(-2), ct);
        var finding = await interviews.AddFindingAsync(done.Id, FunnelStage.Weeks2To4, DropOutFinding, ct);
        await interviews.AddFindingAsync(done.Id, FunnelStage.Week1, Week1Finding, ct);
        await interviews.SendFindingAsync(done, (await interviews.FindingsAsync(done.Id, ct)).First(f => f.Id == finding), ct);
        await StepsAsync(interviews, drawn[1], [InterviewStep.Contact, InterviewStep.Decline], null, ct);
        await StepsAsync(interviews, drawn[2], [InterviewStep.Contact, InterviewStep.Consent, InterviewStep.Schedule], clock.StartOf(clock.Today.AddDays(3)).AddHours(19), ct);

        var issues = new IssueWrites(db, audit, staff, time);
        return await issues.CreateAsync(new IssueInput { ProgramId = done.ProgramId, Stage = FunnelStage.Weeks2To4, Statement = IssueStatement }, finding, Guid.NewGuid(), ct);
    }

    private static async Task<InterviewRecord> StepsAsync(InterviewWrites interviews, int id, IReadOnlyList<InterviewStep> steps, DateTimeOffset? scheduledFor, CancellationToken ct)
    {
        var interview = (await interviews.FindAsync(id, ct))!;
        foreach (var step in steps)
        {
            var next = new InterviewLifecycle(interview.Status).Fire(step)!.Value;
            await interviews.StepAsync(interview, interview.Version, next, step == InterviewStep.Schedule ? scheduledFor : interview.ScheduledFor, ct);
            interview = (await interviews.FindAsync(id, ct))!;
        }

        return interview;
    }
}
