namespace ProgramOps.Web.Features.Supplies;

/// <summary>
/// Exports the due shipments (of one cohort, or all) for the fulfilment partner: they become Exported in one
/// transaction with a new export, and the page answers with its CSV file. A form sent twice gets the same file.
/// </summary>
[Authorize(Policy = Policies.RunCohorts)]
public sealed class ExportModel(Db db, AuditTrail audit, ICurrentUser user, LocalClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Cohort { get; set; }

    [BindProperty] public Guid SubmissionToken { get; set; }

    public int DueCount { get; private set; }
    public IReadOnlyList<NamedId> Cohorts { get; private set; } = [];
    public bool NothingDue { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        SubmissionToken = Guid.NewGuid();
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (SubmissionToken == Guid.Empty) SubmissionToken = Guid.NewGuid();
        var exportId = await db.InTransactionAsync((c, t) =>
            ShipmentWrites.ExportDueAsync(c, t, db.Dialect, audit, Cohort, SubmissionToken, user.UserName, clock.UtcNow, clock.Today), ct);
        if (exportId is not { } id)
        {
            NothingDue = true;
            SubmissionToken = Guid.NewGuid();
            await LoadAsync(ct);
            return Page();
        }

        return File(await ShipmentExportFile.ContentAsync(db, id, ct), "text/csv; charset=utf-8", ShipmentExportFile.FileName(id));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        DueCount = await connection.ExecuteScalarAsync<int>(new CommandDefinition(SuppliesSql.CountDue, new { CohortId = Cohort }, cancellationToken: ct));
        Cohorts = [.. await connection.QueryAsync<NamedId>(new CommandDefinition(SuppliesSql.CohortChoices, cancellationToken: ct))];
    }
}
