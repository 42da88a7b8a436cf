namespace ProgramOps.Web.Features.Clients;

[Authorize(Policy = Policies.EditClients)]
public sealed class CreateModel(Db db, ClientForm form, AuditTrail audit, ICurrentUser user, TimeProvider time, IStringLocalizer<ClientsText> text) : PageModel
{
    [BindProperty] public ClientInput Input { get; set; } = new();

    /// <summary>Made when the form is shown; a second post of the same form finds the first one's client.</summary>
    [BindProperty] public Guid SubmissionToken { get; set; }

    public ClientFormChoices Choices { get; private set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        SubmissionToken = Guid.NewGuid();
        // Project management ticked, as the single-style form preselected it; staff untick or add styles.
        Input = new ClientInput { CsStyles = [CsStyle.ProjectManagement] };
        await using var connection = await db.OpenAsync(ct);
        Choices = await ClientFormChoices.LoadAsync(connection, 0, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Input = Input.Normalized();
        await using (var connection = await db.OpenAsync(ct))
        {
            Choices = await form.ValidateAsync(ModelState, connection, Input, 0, ct);
        }

        if (!ModelState.IsValid) return Page();

        if (SubmissionToken == Guid.Empty) SubmissionToken = Guid.NewGuid();
        var id = await db.InTransactionAsync(async (c, t) =>
        {
            if (await FormSubmissions.FindAsync(c, t, SubmissionToken, "Client") is { } alreadyCreated) return alreadyCreated;

            var now = time.GetUtcNow();
            var newId = await c.ExecuteScalarAsync<int>(ClientsSql.Insert + db.Dialect.SelectNewId, Input.ToParameters(now, user.UserName), t);
            await FormSubmissions.RecordAsync(c, t, SubmissionToken, "Client", newId, now);
            await audit.RecordAsync(c, t, new AuditEntry("Client", newId.ToString(), "Created", Input.Name, ChangeSet.Between(null, Input)));
            return newId;
        }, ct);

        TempData["Flash"] = text["Create.Done", Input.Name].Value;
        return RedirectToPage("/Clients/Details", new { id });
    }
}
