namespace ProgramOps.Web.Features.Clients;

[Authorize(Policy = Policies.EditClients)]
public sealed class EditModel(Db db, ClientForm form, ClientQueries queries, AuditTrail audit, ICurrentUser user, TimeProvider time, IStringLocalizer<ClientsText> text) : PageModel
{
    [BindProperty] public ClientInput Input { get; set; } = new();

    /// <summary>The version the form was loaded at; a save against a newer version is refused.</summary>
    [BindProperty] public int Version { get; set; }

    public string ClientName { get; private set; } = "";
    public ClientFormChoices Choices { get; private set; } = new();
    public ConcurrencyConflict? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var client = await queries.FindAsync(id, ct);
        if (client is null) return NotFound();

        (Input, Version, ClientName) = (client.ToInput(), client.Version, client.Name);
        await using var connection = await db.OpenAsync(ct);
        Choices = await ClientFormChoices.LoadAsync(connection, id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var before = await queries.FindAsync(id, ct);
        if (before is null) return NotFound();

        ClientName = before.Name;
        Input = Input.Normalized();
        await using (var connection = await db.OpenAsync(ct))
        {
            Choices = await form.ValidateAsync(ModelState, connection, Input, id, ct);
        }

        if (!ModelState.IsValid) return Page();

        var saved = await db.InTransactionAsync(async (c, t) =>
        {
            var rows = await c.ExecuteAsync(ClientsSql.Update, Input.ToParameters(time.GetUtcNow(), user.UserName, id, Version), t);
            if (rows == 0) return false;
            await audit.RecordAsync(c, t, new AuditEntry("Client", id.ToString(), "Updated", Input.Name, ChangeSet.Between(before.ToInput(), Input)));
            return true;
        }, ct);

        if (!saved)
        {
            Conflict = await queries.LastChangeAsync(id, ct);
            return Conflict is null ? NotFound() : Page();
        }

        TempData["Flash"] = text["Edit.Done", Input.Name].Value;
        return RedirectToPage("/Clients/Details", new { id });
    }
}
