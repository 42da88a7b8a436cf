using ProgramOps.Web.Features.Cohorts.Roster;
using ProgramOps.Web.Infrastructure.Text;

namespace ProgramOps.Web.Features.Cohorts.Imports;

/// <summary>The mapping step: which column holds which field, for files whose headers are not known names.</summary>
[Authorize(Policy = Policies.RunCohorts)]
public sealed class ColumnsModel(
    Db db, AuditTrail audit, TimeProvider time, LocalClock clock, ImportQueueSignal queue, IStringLocalizer<ImportsText> text) : PageModel
{
    public RosterImport Import { get; private set; } = null!;
    public RosterHeaderMap? Header { get; private set; }
    public ConcurrencyConflict? Conflict { get; private set; }

    /// <summary>The field chosen for each column, by 0-based column index; empty = ignore the column.</summary>
    [BindProperty] public Dictionary<int, RosterField?> Choices { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(int cohortId, int id, CancellationToken ct)
    {
        if (!await LoadAsync(cohortId, id, ct)) return NotFound();
        Choices = Header?.Columns.ToDictionary(c => c.Index, c => c.Field) ?? [];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int cohortId, int id, int version, CancellationToken ct)
    {
        if (!await LoadAsync(cohortId, id, ct)) return NotFound();
        if (Header is null) return Page();

        var chosen = Header.Columns.ToDictionary(c => c.Index, c => Choices.GetValueOrDefault(c.Index));
        foreach (var field in RosterFields.Required.Where(f => chosen.Values.All(v => v != f)))
            ModelState.AddModelError("", text["Columns.Missing", text[$"RosterField.{field}"]]);
        foreach (var field in Enum.GetValues<RosterField>().Where(f => chosen.Values.Count(v => v == f) > 1))
            ModelState.AddModelError("", text["Columns.Twice", text[$"RosterField.{field}"]]);
        if (!ModelState.IsValid) return Page();

        var saved = await db.InTransactionAsync(async (c, t) =>
        {
            if (await c.ExecuteAsync(new CommandDefinition(ImportsSql.SetMapping,
                    new { Id = id, Version = version, ColumnMapping = StoredColumnMapping.ToJson(chosen), Now = time.GetUtcNow() }, t, cancellationToken: ct)) == 0)
                return false;
            await audit.RecordAsync(c, t, new AuditEntry("Cohort", cohortId.ToString(), "RosterColumnsMapped", CodedText.Encode(AuditSummaries.RosterFile, Import.FileName, id)));
            return true;
        }, ct);
        if (!saved)
        {
            Conflict = await ConcurrencyConflict.FindAsync(db, ImportsSql.LastChange, id, ct);
            return Page();
        }

        queue.Wake();
        return RedirectToPage("Details", new { cohortId, id });
    }

    private async Task<bool> LoadAsync(int cohortId, int id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var import = await RosterImport.FindAsync(connection, null, id, ct);
        if (import is null || import.CohortId != cohortId) return false;
        Import = import;
        if (import.Status is RosterImportStatus.NeedsMapping or RosterImportStatus.Previewed)
            Header = await RosterHeaderPeek.ReadAsync(connection, import, clock.Today.Year, ct);
        return true;
    }
}
