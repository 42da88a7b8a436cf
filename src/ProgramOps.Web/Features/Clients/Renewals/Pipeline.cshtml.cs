using ProgramOps.Web.Features.Health;
using ProgramOps.Web.Features.Outcomes;

namespace ProgramOps.Web.Features.Clients.Renewals;

/// <summary>
/// BizDev's renewal pipeline: active contracts ending in the next 180 days with value, owner and stage, the expected
/// revenue by month, and what changed in the last 7 days (stage changes, contracts that came into the window).
/// </summary>
public sealed class PipelineModel(Db db, AuditTrail audit, ICurrentUser user, LocalClock clock, IStringLocalizer<ClientsText> text) : PageModel
{
    public const int WindowDays = 180;
    public const int ChangesDays = 7;

    public sealed record Row
    {
        public int ContractId { get; init; }
        public int ClientId { get; init; }
        public string ClientName { get; init; } = "";
        public string ProgramName { get; init; } = "";
        public int Seats { get; init; }
        public DateOnly EndDate { get; init; }
        public bool AutoRenew { get; init; }
        public long ValueJpy { get; init; }
        public int? BizDevOwnerId { get; init; }
        public string? OwnerName { get; init; }
        public RenewalStage Stage { get; init; }
        public int StageVersion { get; init; }
    }

    public sealed record Change
    {
        public int ContractId { get; init; }
        public string ClientName { get; init; } = "";
        public string ProgramName { get; init; } = "";
        public RenewalStage FromStage { get; init; }
        public RenewalStage ToStage { get; init; }
        public DateTimeOffset ChangedAt { get; init; }
        public string ChangedBy { get; init; } = "";
    }

    [BindProperty(SupportsGet = true)] public bool Mine { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    /// <summary>Each client's score in the latest weekly health snapshot; a client not yet assessed has none.</summary>
    public IReadOnlyDictionary<int, int> HealthScores { get; private set; } = new Dictionary<int, int>();
    public IReadOnlyList<Change> Changes { get; private set; } = [];
    /// <summary>Contracts that came into the 180-day window in the last 7 days.</summary>
    public IReadOnlyList<Row> NewEntries { get; private set; } = [];
    public IReadOnlyList<RenewalMonth> Months { get; private set; } = [];
    public DateOnly Today => clock.Today;
    public LocalClock Clock => clock;
    public string? Refusal { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    [HandlerPolicy(Policies.EditContracts)]
    public async Task<IActionResult> OnPostStageAsync(int contractId, RenewalStage stage, int version, CancellationToken ct)
    {
        if (!Enum.IsDefined(stage)) return BadRequest();
        var outcome = await db.InTransactionAsync(async (c, t) =>
        {
            var contract = await c.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(RenewalPipelineSql.FindContract, new { ContractId = contractId }, t, cancellationToken: ct));
            if (contract is null) return (bool?)null;
            if (contract.StageVersion != version) return false;
            if (contract.Stage == stage) return true;
            var now = clock.UtcNow;
            var parameters = new { ContractId = contractId, Stage = stage.ToString(), Version = version, Now = now, Actor = user.UserName };
            var written = version == 0
                ? await c.ExecuteAsync(new CommandDefinition(RenewalPipelineSql.InsertStage, parameters, t, cancellationToken: ct))
                : await c.ExecuteAsync(new CommandDefinition(RenewalPipelineSql.UpdateStage, parameters, t, cancellationToken: ct));
            if (written == 0) return false;
            await c.ExecuteAsync(new CommandDefinition(RenewalPipelineSql.InsertChange,
                new { ContractId = contractId, FromStage = contract.Stage.ToString(), ToStage = stage.ToString(), Now = now, Actor = user.UserName }, t, cancellationToken: ct));
            await audit.RecordAsync(c, t, new AuditEntry("Client", contract.ClientId.ToString(), "RenewalStageChanged", $"#{contractId} {contract.ProgramName}",
                new Dictionary<string, FieldChange> { ["RenewalStage"] = new(contract.Stage.ToString(), stage.ToString()) }));
            return true;
        }, ct);

        if (outcome is null) return NotFound();
        if (outcome == false)
        {
            Refusal = text["Pipeline.StageConflict"].Value;
            await LoadAsync(ct);
            return Page();
        }

        TempData["Flash"] = text["Pipeline.StageSaved"].Value;
        return RedirectToPage(new { Mine });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var owner = Mine ? user.Id : null;
        Rows = [.. await connection.QueryAsync<Row>(new CommandDefinition(RenewalPipelineSql.Pipeline,
            new { Today, Until = Today.AddDays(WindowDays), OwnerId = owner }, cancellationToken: ct))];
        Changes = [.. await connection.QueryAsync<Change>(new CommandDefinition(RenewalPipelineSql.ChangesSince,
            new { Since = clock.StartOf(Today.AddDays(-ChangesDays)), OwnerId = owner }, cancellationToken: ct))];
        NewEntries = [.. Rows.Where(r => r.EndDate > Today.AddDays(WindowDays - ChangesDays))];
        Months = RenewalForecast.ByMonth(Rows.Select(r => (r.EndDate, r.ValueJpy, r.Stage)));
        HealthScores = await LatestHealthScores.ReadAsync(connection, ct);
    }

    public string Chart() => ReportCharts.Bars([.. Months.Select(m => (m.Label, m.ExpectedJpy / 10_000d))], text["Pipeline.ChartAxis"].Value);
}
