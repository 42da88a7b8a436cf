using ProgramOps.Web.Features.Participants;
using ProgramOps.Web.Features.Programs;

namespace ProgramOps.Web.Features.Teams;

/// <summary>A cohort's peer teams, a page at a time, with how many members each has in each state; forming and adjusting them.</summary>
public sealed class IndexModel(Db db, CohortTeams teams, ICurrentUser user, IStringLocalizer<TeamsText> text) : PageModel
{
    private const int PageSize = 50;

    public sealed record TeamRow
    {
        public int Id { get; init; }
        public int Number { get; init; }
        public DateTimeOffset FormedAt { get; init; }
    }

    public sealed record StateCount
    {
        public int TeamId { get; init; }
        public ParticipantState State { get; init; }
        public int Count { get; init; }
    }

    public sealed record CohortRow
    {
        public int Id { get; init; }
        public required string Name { get; init; }
        public required string Definition { get; init; }
    }

    public CohortRow Cohort { get; private set; } = null!;
    public TeamSizeRule Rule => ProgramDefinitionJson.Deserialize(Cohort.Definition).TeamSize;
    public PageOf<TeamRow> Teams { get; private set; } = new([], 1, PageSize, 0);
    public ILookup<int, StateCount> States { get; private set; } = Array.Empty<StateCount>().ToLookup(s => s.TeamId);
    public int Unplaced { get; private set; }

    /// <summary>Whom forming or adjusting the teams would place, by state (in the lifecycle's order).</summary>
    public IReadOnlyList<UnplacedCount> UnplacedByState { get; private set; } = [];

    public sealed record UnplacedCount
    {
        public ParticipantState State { get; init; }
        public int Count { get; init; }
    }

    public async Task<IActionResult> OnGetAsync(int cohortId, int? pageNumber, CancellationToken ct) =>
        await LoadAsync(cohortId, Paging.Normalize(pageNumber), ct) ? Page() : NotFound();

    /// <summary>Forms the teams, or places people without a team and rebalances: one button, because it is one rule.</summary>
    [HandlerPolicy(Policies.RunCohorts)]
    public async Task<IActionResult> OnPostFormAsync(int cohortId, CancellationToken ct)
    {
        if (!await LoadAsync(cohortId, 1, ct)) return NotFound();
        var result = await db.InTransactionAsync((c, t) => teams.FormAsync(c, t, cohortId, user.UserName, user.Id, ct), ct);
        TempData["Flash"] = result.ChangedAnything
            ? text["Index.Formed", result.TeamsCreated, result.Placed, result.Moved].Value
            : text["Index.NothingToDo"].Value;
        return RedirectToPage(new { cohortId });
    }

    private async Task<bool> LoadAsync(int cohortId, int page, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var cohort = await connection.QuerySingleOrDefaultAsync<CohortRow>(new CommandDefinition(TeamsSql.Cohort, new { CohortId = cohortId }, cancellationToken: ct));
        if (cohort is null) return false;
        Cohort = cohort;
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition(TeamsSql.Count, new { CohortId = cohortId }, cancellationToken: ct));
        var rows = (await connection.QueryAsync<TeamRow>(new CommandDefinition(TeamsSql.Page(db.Dialect),
            new { CohortId = cohortId, Skip = Paging.Skip(page, PageSize), Take = PageSize }, cancellationToken: ct))).ToList();
        Teams = new PageOf<TeamRow>(rows, page, PageSize, total);
        States = rows.Count == 0 ? States : (await connection.QueryAsync<StateCount>(new CommandDefinition(TeamsSql.StatesOfTeams,
            new { TeamIds = rows.Select(r => r.Id).ToArray() }, cancellationToken: ct))).ToLookup(s => s.TeamId);
        UnplacedByState = [.. (await connection.QueryAsync<UnplacedCount>(new CommandDefinition(TeamsSql.UnplacedByState, new { CohortId = cohortId }, cancellationToken: ct)))
            .OrderBy(u => u.State)];
        Unplaced = UnplacedByState.Sum(u => u.Count);
        return true;
    }
}
