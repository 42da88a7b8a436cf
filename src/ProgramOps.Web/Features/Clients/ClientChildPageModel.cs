using Dapper;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProgramOps.Web.Infrastructure.Data;
using ProgramOps.Web.Infrastructure.Web;

namespace ProgramOps.Web.Features.Clients;

/// <summary>
/// What the pages for a client's own records (key persons, contracts) share: the client they belong
/// to, the version the form was loaded at, and the "someone saved first" answer.
/// </summary>
public abstract class ClientChildPageModel(Db db, ClientQueries clients) : PageModel
{
    protected Db Db => db;

    [BindProperty] public int Version { get; set; }

    /// <summary>Made when an add form is shown; a second post of the same form finds the first one's record.</summary>
    [BindProperty] public Guid SubmissionToken { get; set; }

    public string ClientName { get; private set; } = "";
    public bool IsNew => RouteData.Values["id"] is null;
    public ConcurrencyConflict? Conflict { get; private set; }

    protected async Task<bool> LoadClientAsync(int clientId, CancellationToken ct)
    {
        if (IsNew && SubmissionToken == Guid.Empty) SubmissionToken = Guid.NewGuid();
        var client = await clients.FindAsync(clientId, ct);
        ClientName = client?.Name ?? "";
        return client is not null;
    }

    protected async Task<T?> FindChildAsync<T>(string findSql, int clientId, int id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<T>(
            new CommandDefinition(findSql, new { Id = id, ClientId = clientId }, cancellationToken: ct));
    }

    protected async Task<IActionResult> ConflictAsync(string lastChangeSql, int id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        Conflict = await connection.QuerySingleOrDefaultAsync<ConcurrencyConflict>(
            new CommandDefinition(lastChangeSql, new { Id = id }, cancellationToken: ct));
        return Conflict is null ? NotFound() : Page();
    }

    protected RedirectToPageResult BackToClient(int clientId) => RedirectToPage("/Clients/Details", new { id = clientId });
}
