namespace ProgramOps.Web.Features.Supplies;

/// <summary>The files exported so far, newest first; each can be downloaded again with the same rows (names, kana, invitation codes: only for those who export).</summary>
[Authorize(Policy = Policies.RunCohorts)]
public sealed class ExportsModel(Db db) : PageModel
{
    public sealed record Row
    {
        public int Id { get; init; }
        public int? CohortId { get; init; }
        public string? CohortName { get; init; }
        public int ShipmentCount { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public required string CreatedBy { get; init; }
    }

    [BindProperty(SupportsGet = true)] public int? PageNumber { get; set; }

    public PageOf<Row> Results { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var page = Paging.Normalize(PageNumber);
        await using var connection = await db.OpenAsync(ct);
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition(SuppliesSql.ExportCount, cancellationToken: ct));
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(SuppliesSql.Exports(db.Dialect),
            new { Skip = Paging.Skip(page, Paging.DefaultPageSize), Take = Paging.DefaultPageSize }, cancellationToken: ct));
        Results = new PageOf<Row>([.. rows], page, Paging.DefaultPageSize, total);
    }

    public async Task<IActionResult> OnGetCsvAsync(int id, CancellationToken ct)
    {
        await using (var connection = await db.OpenAsync(ct))
        {
            var exists = await connection.ExecuteScalarAsync<int?>(new CommandDefinition(SuppliesSql.FindExport, new { Id = id }, cancellationToken: ct));
            if (exists is null) return NotFound();
        }

        return File(await ShipmentExportFile.ContentAsync(db, id, ct), "text/csv; charset=utf-8", ShipmentExportFile.FileName(id));
    }
}
