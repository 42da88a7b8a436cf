using ProgramOps.Web.Features.Clients.Activity;

namespace ProgramOps.Web.Features.Clients.KeyPersons;

/// <summary>Adds (no id) or edits and removes (with id) one key person of a client.</summary>
[Authorize(Policy = Policies.EditContracts)]
public sealed class EditModel(Db db, ClientQueries clients, AuditTrail audit, ICurrentUser user, TimeProvider time, IStringLocalizer<ClientsText> text)
    : ClientChildPageModel<KeyPersonRow, KeyPersonInput>(db, clients)
{
    protected override string FindSql => KeyPersonsSql.Find;
    protected override string LastChangeSql => KeyPersonsSql.LastChange;

    protected override (KeyPersonInput Input, int Version) Editable(KeyPersonRow row) => (KeyPersonInput.From(row), row.Version);

    public async Task<IActionResult> OnPostAsync(int clientId, int? id, CancellationToken ct)
    {
        var (found, before) = await LoadAsync(clientId, id, ct);
        if (!found) return NotFound();

        Input = Input.Normalized();
        ModelState.AddFailures(await new KeyPersonInputValidator(text).ValidateAsync(Input, ct), nameof(Input));
        if (!ModelState.IsValid) return Page();

        var saved = await SaveAsync("KeyPerson", before is null,
            (c, t, now) => c.ExecuteScalarAsync<int>(KeyPersonsSql.Insert + Db.Dialect.SelectNewId, Input.ToParameters(clientId, now, user.UserName), t),
            async (c, t, now) => await c.ExecuteAsync(KeyPersonsSql.Update, Input.ToParameters(clientId, now, user.UserName, id!.Value, Version), t) == 1,
            _ => new AuditEntry("Client", clientId.ToString(), before is null ? "KeyPersonAdded" : "KeyPersonUpdated", Input.Name,
                ChangeSet.Between(before is null ? null : KeyPersonInput.From(before), Input)),
            audit, time, id, ct);

        if (!saved) return await ConflictAsync(id!.Value, ct);
        TempData["Flash"] = text[before is null ? "KeyPerson.Added" : "KeyPerson.Saved", Input.Name].Value;
        return BackToClient(clientId);
    }

    public async Task<IActionResult> OnPostDeleteAsync(int clientId, int id, CancellationToken ct)
    {
        var (_, person) = await LoadAsync(clientId, id, ct);
        if (person is null) return NotFound();

        var deleted = await Db.InTransactionAsync(async (c, t) =>
        {
            await ClientActivityLog.ForgetKeyPersonAsync(c, t, id, Version);
            if (await c.ExecuteAsync(KeyPersonsSql.Delete, new { Id = id, ClientId = clientId, Version }, t) == 0) return false;
            await audit.RecordAsync(c, t, new AuditEntry("Client", clientId.ToString(), "KeyPersonRemoved", person.Name,
                ChangeSet.Between(KeyPersonInput.From(person), new KeyPersonInput { Name = "", Role = person.Role })));
            return true;
        }, ct);

        if (!deleted)
        {
            (Input, Version) = (KeyPersonInput.From(person), person.Version);
            return await ConflictAsync(id, ct);
        }

        TempData["Flash"] = text["KeyPerson.Removed", person.Name].Value;
        return BackToClient(clientId);
    }
}
