using ProgramOps.Web.Features.Health;
using ProgramOps.Web.Features.Outcomes;

namespace ProgramOps.Web.Features.Clients.Renewals;

public enum PipelineSort
{
    EndDate,
    Client,
    Value,
}

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
        public int TotalCount { get; init; }
    }

    public sealed record Query : SortedPageQuery<PipelineSort>
    {
        public bool Mine { get; init; }
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

    [BindProperty(SupportsGet = true)] public Query Filter { get; set; } = new();

    /// <summary>The page of contracts shown; the forecast and the new entries count every contract in the window.</summary>
    public PageOf<Row> Results { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    /// <summary>Each client's score in the latest weekly health snapshot; a client not yet assessed has none.</summary>
    public IReadOnlyDictionary<int, int> HealthScores { get; private set; } = new Dictionary<int, int>();
    public IReadOnlyList<Change> Changes { get; private set; } = [];
    /// <summary>Contracts that came into the 180-day window in the last 7 days.</summary>
    public IReadOnlyList<Row> NewEntries { get; private set; } = [];
    public IReadOnlyList<RenewalMonth> Months { get; private set; } = [];
    public DateOnly Today => clock.Today;
    public LocalClock Clock => clock;
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return BadRequest(ModelState);
        await LoadAsync(ct);
        return Results.IsPastEnd ? Redirect(PageUrl(Results.PageCount)) : Page();
    }

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
        return Redirect(PageUrl(Filter.Page));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var owner = Filter.Mine ? user.Id : null;
        var page = Filter.Page;
        var parameters = new
        {
            Today, Until = Today.AddDays(WindowDays), OwnerId = owner, Skip = Paging.Skip(page, Paging.DefaultPageSize), Take = Paging.DefaultPageSize,
        };
        Results = await Paging.ReadAsync(page, Paging.DefaultPageSize,
            async () => (await connection.QueryAsync<Row>(new CommandDefinition(RenewalPipelineSql.Pipeline(db.Dialect, Filter.Sort, Filter.Descending), parameters, cancellationToken: ct))).AsList(),
            async rows => rows.Count > 0 ? rows[0].TotalCount
                : page == 1 ? 0
                : await connection.ExecuteScalarAsync<int>(new CommandDefinition(RenewalPipelineSql.PipelineCount, parameters, cancellationToken: ct)));
        var window = (await connection.QueryAsync<Row>(new CommandDefinition(RenewalPipelineSql.Window, parameters, cancellationToken: ct))).AsList();
        Changes = [.. await connection.QueryAsync<Change>(new CommandDefinition(RenewalPipelineSql.ChangesSince,
            new { Since = clock.StartOf(Today.AddDays(-ChangesDays)), OwnerId = owner }, cancellationToken: ct))];
        NewEntries = [.. window.Where(r => r.EndDate > Today.AddDays(WindowDays - ChangesDays)).OrderBy(r => r.EndDate).ThenBy(r => r.ClientName)];
        Months = RenewalForecast.ByMonth(window.Select(r => (r.EndDate, r.ValueJpy, r.Stage)));
        HealthScores = await LatestHealthScores.ReadAsync(connection, ct);
    }

    public string PageUrl(int page) => ListUrl(Filter with { PageNumber = page });

    public string SortUrl(string column, bool descending) =>
        ListUrl(Filter with { Sort = Enum.Parse<PipelineSort>(column, ignoreCase: true), Dir = descending ? "desc" : "asc", PageNumber = 1 });

    private string ListUrl(Query q) =>
        Url.Page("/Clients/Renewals/Pipeline", new { mine = q.Mine ? "true" : null, sort = q.Sort.ToString().ToLowerInvariant(), dir = q.Dir, pageNumber = q.PageNumber })!;

    public string Chart() => ReportCharts.Bars([.. Months.Select(m => (m.Label, m.ExpectedJpy / 10_000d))], text["Pipeline.ChartAxis"].Value);
}
