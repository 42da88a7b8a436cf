using System.Globalization;
using ProgramOps.Web.Features.Funnel;
using ProgramOps.Web.Features.Outcomes;
using ProgramOps.Web.Infrastructure.Text;

namespace ProgramOps.Web.Features.Issues;

public enum EvidenceKind
{
    Finding,
    FeedbackItem,
}

/// <summary>
/// One issue: its statement, its evidence (interviews, feedback items and their reports, people affected), the current
/// conversion of its step in its program's funnel, and its findings and feedback items, linked and unlinked here (audited).
/// </summary>
public sealed class DetailsModel(Db db, FunnelExplorer explorer, AuditTrail audit, ICurrentUser user, TimeProvider time) : PageModel
{
    [BindProperty] public EvidenceKind Kind { get; set; }
    [BindProperty] public int LinkId { get; set; }

    public IssueRow Issue { get; private set; } = null!;

    /// <summary>The step into the issue's stage in the program's funnel today; null for the first stage, which has no step into it.</summary>
    public Rate? Conversion { get; private set; }
    public IReadOnlyList<LinkedFinding> Findings { get; private set; } = [];
    public IReadOnlyList<LinkedFeedbackItem> FeedbackItems { get; private set; } = [];
    public IReadOnlyList<LinkedFinding> FindingsToLink { get; private set; } = [];
    public IReadOnlyList<LinkedFeedbackItem> FeedbackItemsToLink { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Conversion = (await explorer.ReadAsync(new FunnelSelection { ProgramId = Issue.ProgramId }, ct)).Conversion(Issue.Stage);
        await db.InTransactionAsync((c, t) => audit.RecordAsync(c, t, new AuditEntry("Issue", Key(id), "IssueViewed")), ct);
        return Page();
    }

    public Task<IActionResult> OnPostLinkAsync(int id, CancellationToken ct) =>
        ChangeLinkAsync(id, link: true, ct);

    public Task<IActionResult> OnPostUnlinkAsync(int id, CancellationToken ct) =>
        ChangeLinkAsync(id, link: false, ct);

    private async Task<IActionResult> ChangeLinkAsync(int id, bool link, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var known = (Kind, link) switch
        {
            (EvidenceKind.Finding, true) => FindingsToLink.Any(f => f.Id == LinkId),
            (EvidenceKind.Finding, false) => Findings.Any(f => f.Id == LinkId),
            (EvidenceKind.FeedbackItem, true) => FeedbackItemsToLink.Any(f => f.Id == LinkId),
            _ => FeedbackItems.Any(f => f.Id == LinkId),
        };
        if (!known) return NotFound();
        var sql = (Kind, link) switch
        {
            (EvidenceKind.Finding, true) => IssuesSql.LinkFinding,
            (EvidenceKind.Finding, false) => IssuesSql.UnlinkFinding,
            (EvidenceKind.FeedbackItem, true) => IssuesSql.LinkFeedbackItem,
            _ => IssuesSql.UnlinkFeedbackItem,
        };
        await db.InTransactionAsync(async (c, t) =>
        {
            var written = await c.ExecuteAsync(new CommandDefinition(sql, new { Id = id, LinkId, Now = time.GetUtcNow(), Actor = user.UserName }, t, cancellationToken: ct));
            if (written == 0) return;
            await audit.RecordAsync(c, t, new AuditEntry("Issue", Key(id), link ? "IssueEvidenceLinked" : "IssueEvidenceUnlinked", CodedText.Encode(AuditSummaries.IssueEvidence, Kind, LinkId)));
        }, ct);
        return Redirect($"/issues/{id}#evidence");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var issue = await connection.QuerySingleOrDefaultAsync<IssueRow>(new CommandDefinition(IssuesSql.Find, new { Id = id }, cancellationToken: ct));
        if (issue is null) return false;
        Issue = issue;
        var parameters = new { Id = id, issue.ProgramId, Stage = issue.Stage.ToString() };
        Findings = [.. await connection.QueryAsync<LinkedFinding>(new CommandDefinition(IssuesSql.LinkedFindings, parameters, cancellationToken: ct))];
        FeedbackItems = [.. await connection.QueryAsync<LinkedFeedbackItem>(new CommandDefinition(IssuesSql.LinkedFeedbackItems, parameters, cancellationToken: ct))];
        FindingsToLink = [.. await connection.QueryAsync<LinkedFinding>(new CommandDefinition(IssuesSql.FindingsToLink, parameters, cancellationToken: ct))];
        FeedbackItemsToLink = [.. await connection.QueryAsync<LinkedFeedbackItem>(new CommandDefinition(IssuesSql.FeedbackItemsToLink, parameters, cancellationToken: ct))];
        return true;
    }

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}
