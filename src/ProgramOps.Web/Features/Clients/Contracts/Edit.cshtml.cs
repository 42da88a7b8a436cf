namespace ProgramOps.Web.Features.Clients.Contracts;

/// <summary>Adds (no id) or edits (with id) one contract of a client; drafts can also be deleted.</summary>
[Authorize(Policy = Policies.EditContracts)]
public sealed class EditModel(Db db, ClientQueries clients, AuditTrail audit, ICurrentUser user, TimeProvider time, IStringLocalizer<ClientsText> text)
    : ClientChildPageModel<ContractRow, ContractInput>(db, clients)
{
    protected override string FindSql => ContractsSql.Find;
    protected override string LastChangeSql => ContractsSql.LastChange;

    public IReadOnlyList<ProgramChoice> Programs { get; private set; } = [];

    /// <summary>The free text an older contract named its program with, while no program is chosen for it.</summary>
    public string? WrittenProgramName => Input.ProgramId is null && Input.ProgramName.Length > 0 ? Input.ProgramName : null;

    protected override (ContractInput Input, int Version) Editable(ContractRow row) => (ContractInput.From(row), row.Version);

    protected override async Task LoadChoicesAsync(CancellationToken ct) => Programs = await ProgramChoices.ReadAsync(Db, ct);

    public async Task<IActionResult> OnPostAsync(int clientId, int? id, CancellationToken ct)
    {
        var (found, before) = await LoadAsync(clientId, id, ct);
        if (!found) return NotFound();

        Input = Input.Normalized();
        ModelState.AddFailures(await new ContractInputValidator(text).ValidateAsync(Input, ct), nameof(Input));
        if (Input.ProgramId is { } programId && Programs.All(p => p.ProgramId != programId))
            ModelState.AddFieldError($"{nameof(Input)}.{nameof(ContractInput.ProgramId)}", text["Contract.Program"], text["Validation.ProgramRequired"]);
        if (!ModelState.IsValid) return Page();
        Input = Input with { ProgramName = Programs.Single(p => p.ProgramId == Input.ProgramId).NameJa };

        var saved = await SaveAsync("Contract", before is null,
            (c, t, now) => c.ExecuteScalarAsync<int>(ContractsSql.Insert + Db.Dialect.SelectNewId, Input.ToParameters(clientId, now, user.UserName), t),
            async (c, t, now) => await c.ExecuteAsync(ContractsSql.Update, Input.ToParameters(clientId, now, user.UserName, id!.Value, Version), t) == 1,
            contractId => new AuditEntry("Client", clientId.ToString(), before is null ? "ContractAdded" : "ContractUpdated", $"#{contractId} {Input.ProgramName}",
                ChangeSet.Between(before is null ? null : ContractInput.From(before), Input)),
            audit, time, id, ct);

        if (!saved) return await ConflictAsync(id!.Value, ct);
        TempData["Flash"] = text[before is null ? "Contract.Added" : "Contract.Saved"].Value;
        return BackToClient(clientId);
    }

    public async Task<IActionResult> OnPostDeleteAsync(int clientId, int id, CancellationToken ct)
    {
        var (_, contract) = await LoadAsync(clientId, id, ct);
        if (contract is null) return NotFound();

        (Input, Version) = (ContractInput.From(contract), Version);
        if (contract.Status != ContractStatus.Draft)
        {
            ModelState.AddModelError(string.Empty, text["Contract.OnlyDraftsDeleted"]);
            return Page();
        }

        var deleted = await Db.InTransactionAsync(async (c, t) =>
        {
            if (await c.ExecuteAsync(ContractsSql.DeleteDraft, new { Id = id, ClientId = clientId, Version }, t) == 0) return false;
            await audit.RecordAsync(c, t, new AuditEntry("Client", clientId.ToString(), "ContractDeleted", $"#{id} {contract.ProgramName}"));
            return true;
        }, ct);

        if (!deleted) return await ConflictAsync(id, ct);
        TempData["Flash"] = text["Contract.Deleted"].Value;
        return BackToClient(clientId);
    }
}
