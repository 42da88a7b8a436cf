using System.Globalization;
using ProgramOps.Web.Infrastructure.Text;

namespace ProgramOps.Web.Features.Issues;

/// <summary>Opens issues, one short transaction with its audit row: the create page calls it, and so does the demo.</summary>
public sealed class IssueWrites(Db db, AuditTrail audit, ICurrentUser user, TimeProvider time)
{
    private const string Submission = "Issue";

    /// <summary>Opens the issue, linking the finding it was opened from; a repeated form (same submission) finds the first issue.</summary>
    public Task<int> CreateAsync(IssueInput input, int? fromFindingId, Guid submission, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return db.InTransactionAsync(async (c, t) =>
        {
            if (await FormSubmissions.FindAsync(c, t, submission, Submission) is { } existing) return existing;
            var issueId = await c.ExecuteScalarAsync<int>(new CommandDefinition(IssuesSql.Insert(db.Dialect), new
            {
                input.ProgramId, Stage = input.Stage.ToString(), input.Statement, Now = now, Actor = user.UserName,
            }, t, cancellationToken: ct));
            await FormSubmissions.RecordAsync(c, t, submission, Submission, issueId, now);
            await audit.RecordAsync(c, t, new AuditEntry("Issue", issueId.ToString(CultureInfo.InvariantCulture), "IssueCreated",
                CodedText.Encode(AuditSummaries.IssueOpened, input.Stage, input.Statement)));
            if (fromFindingId is { } findingId)
            {
                await c.ExecuteAsync(new CommandDefinition(IssuesSql.LinkFinding, new { Id = issueId, LinkId = findingId, Now = now, Actor = user.UserName }, t, cancellationToken: ct));
                await audit.RecordAsync(c, t, new AuditEntry("Issue", issueId.ToString(CultureInfo.InvariantCulture), "IssueEvidenceLinked",
                    CodedText.Encode(AuditSummaries.IssueEvidence, EvidenceKind.Finding, findingId)));
            }

            return issueId;
        }, ct);
    }
}
