using ProgramOps.Web.Features.Funnel;

namespace ProgramOps.Web.Features.Issues;

/// <summary>The issues (課題), newest first, filtered by funnel stage and program, each with its evidence.</summary>
public sealed class IndexModel(Db db) : PageModel
{
    public sealed record Query : SortedPageQuery<IssueSort>
    {
        public FunnelStage? Stage { get; init; }
        public int? ProgramId { get; init; }
    }

    [BindProperty(SupportsGet = true)] public Query Filter { get; set; } = new();

    public PageOf<IssueRow> Results { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);
    public IReadOnlyList<NamedId> Programs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return BadRequest(ModelState);
        var page = Filter.Page;
        var parameters = new
        {
            Stage = Filter.Stage?.ToString(), Filter.ProgramId, Skip = Paging.Skip(page, Paging.DefaultPageSize), Take = Paging.DefaultPageSize,
        };
        await using var connection = await db.OpenAsync(ct);
        Programs = [.. await connection.QueryAsync<NamedId>(new CommandDefinition(IssuesSql.Programs, cancellationToken: ct))];
        Results = await Paging.ReadAsync(page, Paging.DefaultPageSize,
            async () => (await connection.QueryAsync<IssueRow>(new CommandDefinition(IssuesSql.List(db.Dialect, Filter.Sort, Filter.Descending), parameters, cancellationToken: ct))).AsList(),
            async rows => rows.Count > 0 ? rows[0].TotalCount
                : page == 1 ? 0
                : await connection.ExecuteScalarAsync<int>(new CommandDefinition(IssuesSql.Count, parameters, cancellationToken: ct)));
        return Results.IsPastEnd ? Redirect(PageUrl(Results.PageCount)) : Page();
    }

    public string PageUrl(int page) =>
        Url.Page("/Issues/Index", new { stage = Filter.Stage, programId = Filter.ProgramId, sort = Filter.Sort, dir = Filter.Dir, pageNumber = page })!;

    public string SortUrl(string sort, bool descending) =>
        Url.Page("/Issues/Index", new { stage = Filter.Stage, programId = Filter.ProgramId, sort, dir = descending ? "desc" : null })!;
}
