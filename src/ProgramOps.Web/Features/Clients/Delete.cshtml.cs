namespace ProgramOps.Web.Features.Clients;

/// <summary>
/// Deleting is for clients entered by mistake. A client with contracts (business records) or member
/// clients is refused with the reason, and archiving is offered instead.
/// </summary>
[Authorize(Policy = Policies.EditClients)]
public sealed class DeleteModel(Db db, ClientQueries queries, AuditTrail audit, IStringLocalizer<ClientsText> text) : PageModel
{
    public ClientDetails Client { get; private set; } = null!;
    public string? RefusalReason { get; private set; }
    public ConcurrencyConflict? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, int version, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (RefusalReason is not null) return Page();

        var deleted = await db.InTransactionAsync(async (c, t) =>
        {
            // Checked again inside the transaction: a contract may have been added since the page was shown.
            if (await c.ExecuteScalarAsync<int>(ClientsSql.CountContracts, new { Id = id }, t) > 0) return false;
            if (await c.ExecuteAsync(ClientsSql.Delete, new { Id = id, Version = version }, t) == 0) return false;
            await audit.RecordAsync(c, t, new AuditEntry("Client", id.ToString(), "Deleted", Client.Name, ChangeSet.Between(Client.ToInput(), new ClientInput())));
            return true;
        }, ct);

        if (!deleted)
        {
            await LoadAsync(id, ct);
            Conflict = RefusalReason is null ? await queries.LastChangeAsync(id, ct) : null;
            return Page();
        }

        TempData["Flash"] = text["Delete.Done", Client.Name].Value;
        return RedirectToPage("/Clients/Index");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var client = await queries.FindAsync(id, ct);
        if (client is null) return false;
        Client = client;

        await using var connection = await db.OpenAsync(ct);
        var contracts = await connection.ExecuteScalarAsync<int>(new CommandDefinition(ClientsSql.CountContracts, new { Id = id }, cancellationToken: ct));
        var members = await connection.ExecuteScalarAsync<int>(new CommandDefinition(ClientsSql.CountMembers, new { Id = id }, cancellationToken: ct));
        RefusalReason = contracts > 0 ? text["Delete.RefusedContracts", client.Name, contracts].Value
            : members > 0 ? text["Delete.RefusedMembers", client.Name, members].Value
            : null;
        return true;
    }
}
