using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;
using ProgramOps.Web.Features.Feedback;
using ProgramOps.Web.Features.Funnel;
using ProgramOps.Web.Features.Participants;
using ProgramOps.Web.Infrastructure.Text;

namespace ProgramOps.Web.Features.Interviews;

/// <summary>Who may be drawn from a step: everyone lost there, and of them those not withdrawn and not in an open interview.</summary>
public sealed record InterviewPool(int Lost, IReadOnlyList<long> Drawable, int Eligible);

/// <summary>
/// The N1 interviews' writes, each one short transaction with its audit row: the pages call them, and so does the demo.
/// Notes are the pages' own (only people write them).
/// </summary>
public sealed class InterviewWrites(Db db, FunnelExplorer explorer, FeedbackRouting routing, AuditTrail audit, ICurrentUser user, TimeProvider time)
{
    private const string DrawSubmission = "InterviewDraw";

    /// <summary>The people who may be drawn: lost at the stage, not withdrawn (they took back their consent to be contacted).</summary>
    public async Task<InterviewPool> PoolAsync(FunnelSelection selection, FunnelStage stage, CancellationToken ct)
    {
        var lost = await explorer.LostAtAsync(selection, stage, ct);
        var drawable = lost.Where(l => l.State != ParticipantState.Withdrawn).Select(l => l.Id).ToList();
        await using var connection = await db.OpenAsync(ct);
        var open = (await connection.QueryAsync<long>(new CommandDefinition(InterviewsSql.OpenParticipants, cancellationToken: ct))).ToHashSet();
        return new InterviewPool(lost.Count, drawable, drawable.Count(id => !open.Contains(id)));
    }

    /// <summary>The selection as a query string: stored with the draw, so the draw's people can be listed again.</summary>
    public static string SelectionQuery(FunnelSelection selection) =>
        QueryHelpers.AddQueryString("", selection.ToRouteValues("a").Where(v => v.Value is not null)!).TrimStart('?');

    /// <summary>Draws up to <paramref name="count"/> people with a new seed; a repeated form (same submission) finds the first draw.</summary>
    public async Task<int> DrawAsync(FunnelSelection selection, FunnelStage stage, int count, Guid submission, CancellationToken ct)
    {
        var pool = await PoolAsync(selection, stage, ct);
        var seed = RandomNumberGenerator.GetInt32(int.MaxValue);
        var now = time.GetUtcNow();
        var query = SelectionQuery(selection);
        return await db.InTransactionAsync(async (c, t) =>
        {
            if (await FormSubmissions.FindAsync(c, t, submission, DrawSubmission) is { } existing) return existing;
            // Read inside the transaction: two draws at once cannot both take the same person.
            var open = (await c.QueryAsync<long>(new CommandDefinition(InterviewsSql.OpenParticipants, transaction: t, cancellationToken: ct))).ToHashSet();
            var picked = CandidateDraw.Pick(pool.Drawable, open, count, seed);
            var id = await c.ExecuteScalarAsync<int>(new CommandDefinition(InterviewsSql.InsertDraw(db.Dialect), new
            {
                Selection = query, Stage = stage.ToString(), Seed = seed, Requested = count, PoolSize = pool.Drawable.Count, Now = now, Actor = user.UserName,
            }, t, cancellationToken: ct));
            await c.ExecuteAsync(new CommandDefinition(InterviewsSql.Insert,
                picked.Select(p => new { DrawId = id, ParticipantId = p, Now = now, Actor = user.UserName }), t, cancellationToken: ct));
            await FormSubmissions.RecordAsync(c, t, submission, DrawSubmission, id, now);
            await audit.RecordAsync(c, t, new AuditEntry("InterviewDraw", Key(id), "InterviewCandidatesDrawn",
                CodedText.Encode(AuditSummaries.InterviewsDrawn, picked.Count, pool.Drawable.Count, stage, seed, string.Join(", ", picked.Select(ParticipantPrivacy.Pseudonym)), query)));
            return id;
        }, ct);
    }

    public async Task<InterviewRecord?> FindAsync(int id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<InterviewRecord>(new CommandDefinition(InterviewsSql.Find, new { Id = id }, cancellationToken: ct));
    }

    /// <summary>The interviews a draw made, in the order they were stored.</summary>
    public async Task<IReadOnlyList<int>> OfDrawAsync(int drawId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return [.. await connection.QueryAsync<int>(new CommandDefinition(InterviewsSql.OfDraw, new { Id = drawId }, cancellationToken: ct))];
    }

    public async Task<IReadOnlyList<InterviewFinding>> FindingsAsync(int id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return [.. await connection.QueryAsync<InterviewFinding>(new CommandDefinition(InterviewsSql.Findings, new { Id = id }, cancellationToken: ct))];
    }

    /// <summary>Takes a step the interview's lifecycle allows (the caller checked); false when someone saved the interview since <paramref name="version"/>.</summary>
    public Task<bool> StepAsync(InterviewRecord interview, int version, InterviewStatus next, DateTimeOffset? scheduledFor, CancellationToken ct) =>
        db.InTransactionAsync(async (c, t) =>
        {
            var written = await c.ExecuteAsync(new CommandDefinition(InterviewsSql.SetStatus, new
            {
                interview.Id, Version = version, Status = next.ToString(), ScheduledFor = scheduledFor, Now = time.GetUtcNow(), Actor = user.UserName,
            }, t, cancellationToken: ct));
            if (written == 0) return false;
            await audit.RecordAsync(c, t, new AuditEntry("Interview", Key(interview.Id), "InterviewStepped", ParticipantPrivacy.Pseudonym(interview.ParticipantId),
                new Dictionary<string, FieldChange>
                {
                    ["Status"] = new(interview.Status.ToString(), next.ToString()),
                    ["ScheduledFor"] = new(interview.ScheduledFor?.ToString("O", CultureInfo.InvariantCulture), scheduledFor?.ToString("O", CultureInfo.InvariantCulture)),
                }));
            return true;
        }, ct);

    public Task<int> AddFindingAsync(int interviewId, FunnelStage stage, string text, CancellationToken ct) =>
        db.InTransactionAsync(async (c, t) =>
        {
            var findingId = await c.ExecuteScalarAsync<int>(new CommandDefinition(InterviewsSql.InsertFinding(db.Dialect), new
            {
                InterviewId = interviewId, Stage = stage.ToString(), Text = text, Now = time.GetUtcNow(), Actor = user.UserName,
            }, t, cancellationToken: ct));
            await audit.RecordAsync(c, t, new AuditEntry("Interview", Key(interviewId), "InterviewFindingRecorded", CodedText.Encode(AuditSummaries.InterviewFindingRecorded, findingId, stage)));
            return findingId;
        }, ct);

    /// <summary>Files the finding as a feedback item (source N1 interview, its stage) through the feedback router's intake, once: a second send finds it sent.</summary>
    public async Task SendFindingAsync(InterviewRecord interview, InterviewFinding finding, CancellationToken ct)
    {
        if (finding.Text is not { } words) return;
        var input = FindingFeedback.Input(finding.Stage, words, interview.ProgramId, interview.CohortId);
        var outcome = (await routing.CurrentAsync(ct)).Route(input.ToFacts(interview.ProgramCode));
        var actor = new FeedbackActor(user.Id, user.UserName, time.GetUtcNow());
        await db.InTransactionAsync(async (c, t) =>
        {
            var current = await c.QuerySingleAsync<InterviewFinding>(new CommandDefinition(InterviewsSql.Finding, new { finding.Id }, t, cancellationToken: ct));
            if (current.FeedbackItemId is not null) return;
            var itemId = await FeedbackIntake.InsertAsync(c, t, db.Dialect, input, outcome, actor);
            await c.ExecuteAsync(new CommandDefinition(InterviewsSql.MarkFindingSent, new { finding.Id, ItemId = itemId }, t, cancellationToken: ct));
            await audit.RecordAsync(c, t, new AuditEntry("FeedbackItem", Key(itemId), "Reported",
                CodedText.Encode(AuditSummaries.FeedbackReported, input.Title, outcome.Rules.Destination, AuditSummaries.Percent(outcome.Rules.Confidence))));
            await audit.RecordAsync(c, t, new AuditEntry("Interview", Key(interview.Id), "InterviewFindingSent", CodedText.Encode(AuditSummaries.InterviewFindingSent, finding.Id, itemId)));
        }, ct);
    }

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}
