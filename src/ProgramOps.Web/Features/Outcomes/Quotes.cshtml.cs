using System.Globalization;
using ProgramOps.Web.Infrastructure.Text;

namespace ProgramOps.Web.Features.Outcomes;

/// <summary>
/// Staff pick anonymous quotes for a client's report from what its participants wrote (check-in notes, app feedback):
/// never chosen automatically; the text is shown and stored without any name, and staff edit out anything identifying.
/// </summary>
[Authorize(Policy = Policies.PreviewReports)]
public sealed class QuotesModel(Db db, AuditTrail audit, ICurrentUser user, TimeProvider time, IStringLocalizer<OutcomesText> text) : PageModel
{
    public const int MaxText = 500;
    public const int Candidates = 50;

    public sealed class Quote
    {
        public int Id { get; init; }
        public string Source { get; init; } = "";
        public long SourceId { get; init; }
        public string Text { get; init; } = "";
    }

    public sealed class Candidate
    {
        public string Source { get; init; } = "";
        public long SourceId { get; init; }
        public DateTimeOffset OccurredAt { get; init; }
        public string Text { get; init; } = "";
    }

    public ReportHeader Header { get; private set; } = default!;
    public IReadOnlyList<Quote> Picked { get; private set; } = [];
    public IReadOnlyList<Candidate> Sources { get; private set; } = [];
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public async Task<IActionResult> OnGetAsync(int cohortId, int clientId, CancellationToken ct) =>
        await LoadAsync(cohortId, clientId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPickAsync(int cohortId, int clientId, string source, long sourceId, string? quoteText, CancellationToken ct)
    {
        if (!await LoadAsync(cohortId, clientId, ct)) return NotFound();
        var edited = quoteText?.Trim() ?? "";
        if (edited.Length == 0 || edited.Length > MaxText)
        {
            ModelState.AddModelError("quoteText", text["Quotes.TextRange", MaxText]);
            return Page();
        }

        await using (var c = await db.OpenAsync(ct))
        {
            var exists = await c.QuerySingleOrDefaultAsync<Candidate>(new CommandDefinition(OutcomesSql.QuoteSource,
                new { CohortId = cohortId, ClientId = clientId, Source = source, SourceId = sourceId }, cancellationToken: ct));
            if (exists is null) return NotFound();
        }

        await db.InTransactionAsync(async (c, t) =>
        {
            await c.ExecuteAsync(OutcomesSql.InsertQuote, new { CohortId = cohortId, ClientId = clientId, Source = source, SourceId = sourceId, Text = edited, Now = time.GetUtcNow(), Actor = user.UserName }, t);
            await audit.RecordAsync(c, t, new AuditEntry("Cohort", cohortId.ToString(CultureInfo.InvariantCulture), "ReportQuotePicked", CodedText.Encode(AuditSummaries.ReportQuotePicked, clientId, source, sourceId)));
        }, ct);
        return RedirectToPage(new { cohortId, clientId });
    }

    public async Task<IActionResult> OnPostRemoveAsync(int cohortId, int clientId, int id, CancellationToken ct)
    {
        await db.InTransactionAsync(async (c, t) =>
        {
            if (await c.ExecuteAsync(OutcomesSql.DeleteQuote, new { Id = id, CohortId = cohortId, ClientId = clientId }, t) > 0)
                await audit.RecordAsync(c, t, new AuditEntry("Cohort", cohortId.ToString(CultureInfo.InvariantCulture), "ReportQuoteRemoved", CodedText.Encode(AuditSummaries.ReportQuoteRemoved, clientId, id)));
        }, ct);
        return RedirectToPage(new { cohortId, clientId });
    }

    private async Task<bool> LoadAsync(int cohortId, int clientId, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        if (await ReportHeader.FindAsync(c, cohortId, clientId, ct) is not { } header) return false;
        Header = header;
        var scope = new { CohortId = cohortId, ClientId = clientId };
        Picked = [.. await c.QueryAsync<Quote>(new CommandDefinition(OutcomesSql.Quotes, scope, cancellationToken: ct))];
        var page = Math.Max(1, PageNumber);
        Sources = [.. await c.QueryAsync<Candidate>(new CommandDefinition(OutcomesSql.QuoteSources(db.Dialect),
            new { CohortId = cohortId, ClientId = clientId, Skip = (page - 1) * Candidates, Take = Candidates }, cancellationToken: ct))];
        return true;
    }
}
