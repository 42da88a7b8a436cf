using Dapper;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ProgramOps.Web.Infrastructure.Audit;
using ProgramOps.Web.Infrastructure.Auth;
using ProgramOps.Web.Infrastructure.Data;

namespace ProgramOps.Web.Features.Clients;

[Authorize(Policy = Policies.EditClients)]
public sealed class CreateModel(Db db, ClientForm form, AuditTrail audit, ICurrentUser user, TimeProvider time, IStringLocalizer<ClientsText> text) : PageModel
{
    [BindProperty] public ClientInput Input { get; set; } = new();

    public ClientFormChoices Choices { get; private set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
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

        var id = await db.InTransactionAsync(async (c, t) =>
        {
            var newId = await c.ExecuteScalarAsync<int>(
                ClientsSql.Insert + db.Dialect.SelectNewId, Input.ToParameters(time.GetUtcNow(), user.UserName), t);
            await audit.RecordAsync(c, t, new AuditEntry("Client", newId.ToString(), "Created", Input.Name, ChangeSet.Between(null, Input)));
            return newId;
        }, ct);

        TempData["Flash"] = text["Create.Done", Input.Name].Value;
        return RedirectToPage("/Clients/Details", new { id });
    }
}
