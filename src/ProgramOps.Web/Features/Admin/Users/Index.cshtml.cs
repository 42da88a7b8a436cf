namespace ProgramOps.Web.Features.Admin.Users;

public sealed class IndexModel(Db db, TimeProvider time) : PageModel
{
    public sealed record Query : SortedPageQuery<UserSort>
    {
        public string? Q { get; init; }
        public string? Role { get; init; }
        public UserStatus? Status { get; init; }
    }

    public sealed record Row
    {
        public int Id { get; init; }
        public required string UserName { get; init; }
        public required string DisplayName { get; init; }
        public string? Email { get; init; }
        public bool IsDisabled { get; init; }
        public DateTimeOffset? LockoutEndsAt { get; init; }
        public bool MustChangePassword { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }
        public IReadOnlyList<string> Roles { get; init; } = [];
    }

    [BindProperty(SupportsGet = true)] public Query Filter { get; set; } = new();

    public PageOf<Row> Results { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);
    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Now = time.GetUtcNow();
        var page = Filter.Page;
        var parameters = new
        {
            Search = LikePattern.Containing(Filter.Q),
            Role = string.IsNullOrEmpty(Filter.Role) ? null : Filter.Role,
            Status = Filter.Status?.ToString(),
            Now,
            Skip = Paging.Skip(page, Paging.DefaultPageSize),
            Take = Paging.DefaultPageSize,
        };

        await using var connection = await db.OpenAsync(ct);
        var listed = await Paging.ReadAsync(page, Paging.DefaultPageSize,
            async () => (await connection.QueryAsync<Row>(new CommandDefinition(UsersSql.List(db.Dialect, Filter.Sort, Filter.Descending), parameters, cancellationToken: ct))).AsList(),
            _ => connection.ExecuteScalarAsync<int>(new CommandDefinition(UsersSql.Count, parameters, cancellationToken: ct)));
        var ids = listed.Items.Select(r => r.Id).ToArray();
        var roles = ids.Length == 0
            ? []
            : await connection.QueryAsync<(int UserId, string Role)>(new CommandDefinition(UsersSql.RolesOfUsers, new { UserIds = ids }, cancellationToken: ct));
        var rolesByUser = roles.ToLookup(r => r.UserId, r => r.Role);
        Results = listed with { Items = [.. listed.Items.Select(r => r with { Roles = rolesByUser[r.Id].ToList() })] };
    }

    public string PageUrl(int page) => ListUrl(Filter with { PageNumber = page });

    public string SortUrl(string column, bool descending) =>
        ListUrl(Filter with { Sort = Enum.Parse<UserSort>(column, ignoreCase: true), Dir = descending ? "desc" : "asc", PageNumber = 1 });

    private string ListUrl(Query q) => Url.Page("/Admin/Users/Index", new
    {
        q = q.Q, role = q.Role, status = q.Status, sort = q.Sort.ToString().ToLowerInvariant(), dir = q.Dir, pageNumber = q.PageNumber,
    })!;
}
