using System.Text.Json;

namespace ProgramOps.Web.Features.Outcomes;

/// <summary>A client's report on a cohort: its issued versions (everyone), and for report staff the draft preview and the issue form.</summary>
public sealed class IndexModel(Db db, PdfPrinter pdf) : PageModel
{
    public sealed class VersionRow
    {
        public int Id { get; init; }
        public int VersionNumber { get; init; }
        public ReportKind Kind { get; init; }
        public string Language { get; init; } = "";
        public int K { get; init; }
        public int PopulationSize { get; init; }
        public string Recipients { get; init; } = "[]";
        public DateTimeOffset IssuedAt { get; init; }
        public string IssuedBy { get; init; } = "";
        public bool HasPdf { get; init; }

        public IEnumerable<string> RecipientNames =>
            JsonSerializer.Deserialize<List<JsonElement>>(Recipients)!.Select(r => r.GetProperty("Name").GetString() ?? "");
    }

    public sealed class KeyPersonRow
    {
        public int Id { get; init; }
        public string Name { get; init; } = "";
        public string? Title { get; init; }
    }

    public ReportHeader Header { get; private set; } = default!;
    public IReadOnlyList<VersionRow> Versions { get; private set; } = [];
    public IReadOnlyList<KeyPersonRow> KeyPersons { get; private set; } = [];
    public bool PdfAvailable => pdf.Available;

    public async Task<IActionResult> OnGetAsync(int cohortId, int clientId, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var header = await ReportHeader.FindAsync(c, cohortId, clientId, ct);
        if (header is null) return NotFound();
        Header = header;
        Versions = [.. await c.QueryAsync<VersionRow>(new CommandDefinition(OutcomesSql.Versions, new { CohortId = cohortId, ClientId = clientId }, cancellationToken: ct))];
        KeyPersons = [.. await c.QueryAsync<KeyPersonRow>(new CommandDefinition(OutcomesSql.KeyPersons, new { ClientId = clientId }, cancellationToken: ct))];
        if (Versions.Any(v => !v.HasPdf)) pdf.Warm();
        return Page();
    }
}
