using ProgramOps.Web.Features.Account;
using ProgramOps.Web.Features.Clients;

namespace ProgramOps.Web.Features.Health;

public enum AtRiskSort
{
    Score,
}

/// <summary>At-risk accounts: the latest weekly snapshot's clients scoring under the line, lowest first, with the week before's score.</summary>
public sealed class IndexModel(Db db) : PageModel
{
    public sealed record Query : SortedPageQuery<AtRiskSort>
    {
        public ClientSegment? Segment { get; init; }
        public int? Owner { get; init; }
    }

    public sealed record Row
    {
        public int ClientId { get; init; }
        public required string Name { get; init; }
        public ClientSegment Segment { get; init; }
        public int Score { get; init; }
        public int? ScoreWeekBefore { get; init; }
        public HealthSignal? Weakest { get; init; }
        public string? BizDevOwnerName { get; init; }
        public string? CsOwnerName { get; init; }
        public int TotalCount { get; init; }
    }

    [BindProperty(SupportsGet = true)] public Query Filter { get; set; } = new();

    public DateOnly? WeekOf { get; private set; }
    public PageOf<Row> Results { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);
    public IReadOnlyList<NamedId> Owners { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return BadRequest(ModelState);
        await using var connection = await db.OpenAsync(ct);
        Owners = await StaffDirectory.WithAnyRoleAsync(connection, [.. ClientFormChoices.CsOwnerRoles.Union(ClientFormChoices.BizDevOwnerRoles)], ct);
        WeekOf = await connection.ExecuteScalarAsync<DateOnly?>(new CommandDefinition(AccountHealthSql.LatestWeek, cancellationToken: ct));
        if (WeekOf is not { } week) return Page();
        var page = Filter.Page;
        var parameters = new
        {
            WeekOf = week, WeekBefore = week.AddDays(-7), Below = HealthScore.AtRiskBelow, Segment = Filter.Segment?.ToString(), OwnerId = Filter.Owner,
            Skip = Paging.Skip(page, Paging.DefaultPageSize), Take = Paging.DefaultPageSize,
        };
        Results = await Paging.ReadAsync(page, Paging.DefaultPageSize,
            async () => (await connection.QueryAsync<Row>(new CommandDefinition(AccountHealthSql.AtRisk(db.Dialect), parameters, cancellationToken: ct))).AsList(),
            async rows => rows.Count > 0 ? rows[0].TotalCount
                : page == 1 ? 0
                : await connection.ExecuteScalarAsync<int>(new CommandDefinition(AccountHealthSql.AtRiskCount, parameters, cancellationToken: ct)));
        return Results.IsPastEnd ? Redirect(PageUrl(Results.PageCount)) : Page();
    }

    public string PageUrl(int page) => Url.Page("/Health/Index", new { segment = Filter.Segment, owner = Filter.Owner, pageNumber = page })!;
}
