namespace ProgramOps.Web.Features.Initiatives;

/// <summary>The initiatives (施策), newest first, filtered by state and by the issue they answer.</summary>
public sealed class IndexModel(Db db) : PageModel
{
    public sealed record Query : SortedPageQuery<InitiativeSort>
    {
        public InitiativeState? State { get; init; }
        public int? IssueId { get; init; }
    }

    [BindProperty(SupportsGet = true)] public Query Filter { get; set; } = new();

    public PageOf<InitiativeRow> Results { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);
    public IReadOnlyList<NamedId> Issues { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return BadRequest(ModelState);
        var page = Filter.Page;
        var parameters = new
        {
            State = Filter.State?.ToString(), Filter.IssueId, Skip = Paging.Skip(page, Paging.DefaultPageSize), Take = Paging.DefaultPageSize,
        };
        await using var connection = await db.OpenAsync(ct);
        Issues = [.. await connection.QueryAsync<NamedId>(new CommandDefinition(InitiativesSql.IssuesForFilter, cancellationToken: ct))];
        Results = await Paging.ReadAsync(page, Paging.DefaultPageSize,
            async () => (await connection.QueryAsync<InitiativeRow>(new CommandDefinition(InitiativesSql.List(db.Dialect, Filter.Sort, Filter.Descending), parameters, cancellationToken: ct))).AsList(),
            async rows => rows.Count > 0 ? rows[0].TotalCount
                : page == 1 ? 0
                : await connection.ExecuteScalarAsync<int>(new CommandDefinition(InitiativesSql.Count, parameters, cancellationToken: ct)));
        return Results.IsPastEnd ? Redirect(PageUrl(Results.PageCount)) : Page();
    }

    public string PageUrl(int page) =>
        Url.Page("/Initiatives/Index", new { state = Filter.State, issueId = Filter.IssueId, sort = Filter.Sort, dir = Filter.Dir, pageNumber = page })!;

    public string SortUrl(string sort, bool descending) =>
        Url.Page("/Initiatives/Index", new { state = Filter.State, issueId = Filter.IssueId, sort, dir = descending ? "desc" : null })!;
}
