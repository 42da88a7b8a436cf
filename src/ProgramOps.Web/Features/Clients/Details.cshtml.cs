using ProgramOps.Web.Features.Admin.Audit;
using ProgramOps.Web.Features.Clients.Activity;
using ProgramOps.Web.Features.Outcomes;

namespace ProgramOps.Web.Features.Clients;

public sealed class DetailsModel(
    Db db, ClientQueries queries, AuditLogQueries auditLog, AuditTrail audit, ICurrentUser user, TimeProvider time,
    LocalClock clock, IStringLocalizer<ClientsText> text, Portfolio portfolio, ClientTimeline timeline) : PageModel
{
    public ClientDetails Client { get; private set; } = null!;
    public ClientStatus Status { get; private set; }
    public IReadOnlyList<KeyPersonRow> KeyPersons { get; private set; } = [];
    public IReadOnlyList<ContractRow> Contracts { get; private set; } = [];
    public IReadOnlyList<NamedId> Members { get; private set; } = [];
    public ContractRow? NextRenewal { get; private set; }
    public IReadOnlyList<AuditRow> History { get; private set; } = [];
    /// <summary>The client's cohorts with their headline figures, latest start first.</summary>
    public IReadOnlyList<PortfolioRow> Results { get; private set; } = [];
    /// <summary>The activity log's latest entries, newest first.</summary>
    public IReadOnlyList<TimelineEntry> Timeline { get; private set; } = [];
    public ConcurrencyConflict? Conflict { get; private set; }
    public DateOnly Today => clock.Today;
    public LocalClock Clock => clock;

    private const int HistoryShown = 50;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    [HandlerPolicy(Policies.EditClients)]
    public Task<IActionResult> OnPostArchiveAsync(int id, int version, CancellationToken ct) => SetArchivedAsync(id, version, true, ct);

    [HandlerPolicy(Policies.EditClients)]
    public Task<IActionResult> OnPostRestoreAsync(int id, int version, CancellationToken ct) => SetArchivedAsync(id, version, false, ct);

    private async Task<IActionResult> SetArchivedAsync(int id, int version, bool archived, CancellationToken ct)
    {

        var client = await queries.FindAsync(id, ct);
        if (client is null) return NotFound();

        var saved = await db.InTransactionAsync(async (c, t) =>
        {
            var rows = await c.ExecuteAsync(ClientsSql.SetArchived,
                new { Id = id, Version = version, IsArchived = archived, Now = time.GetUtcNow(), Actor = user.UserName }, t);
            if (rows == 0) return false;
            await audit.RecordAsync(c, t, new AuditEntry("Client", id.ToString(), archived ? "Archived" : "Restored", client.Name));
            return true;
        }, ct);

        if (!saved)
        {
            await LoadAsync(id, ct);
            Conflict = await queries.LastChangeAsync(id, ct);
            return Page();
        }

        TempData["Flash"] = text[archived ? "Details.Archived" : "Details.Restored", client.Name].Value;
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var client = await queries.FindAsync(id, ct);
        if (client is null) return false;

        Client = client;
        KeyPersons = await queries.KeyPersonsAsync(id, ct);
        Contracts = await queries.ContractsAsync(id, ct);
        Members = await queries.MembersAsync(id, ct);
        Status = ClientStatusRules.Derive(Contracts.Select(c => c.Term), Today);
        History = await auditLog.ForEntityAsync("Client", id.ToString(), HistoryShown, ct);
        Results = [.. (await portfolio.ReadAsync(new PortfolioFilter { ClientId = id }, ct)).OrderByDescending(r => r.StartDate).ThenByDescending(r => r.CohortId)];
        Timeline = await timeline.ReadAsync(id, ct);
        NextRenewal = Contracts
            .Where(c => c.Status == ContractStatus.Active && c.EndDate >= Today)
            .MinBy(c => c.EndDate);
        return true;
    }
}
