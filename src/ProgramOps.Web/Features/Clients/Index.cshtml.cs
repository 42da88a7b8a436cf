using ProgramOps.Web.Features.Account;

namespace ProgramOps.Web.Features.Clients;

public sealed class IndexModel(Db db, LocalClock clock) : PageModel
{
    /// <summary>What the list shows; every field comes from the query string, so a list view can be bookmarked.</summary>
    public sealed record Query : SortedPageQuery<ClientSort>
    {
        public string? Q { get; init; }
        public ClientKind? Kind { get; init; }
        public ClientSegment? Segment { get; init; }
        public CsStyle? Style { get; init; }
        public int? Owner { get; init; }
        public bool Archived { get; init; }
    }

    public sealed record Row
    {
        public int Id { get; init; }
        public required string Name { get; init; }
        public string? NameKana { get; init; }
        public ClientKind Kind { get; init; }
        public ClientSegment Segment { get; init; }
        public int EligiblePopulation { get; init; }
        public int CsStyles { get; init; }
        public IReadOnlyList<CsStyle> Styles => CsStyleSet.FromMask(CsStyles);
        public bool IsArchived { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }
        public string? CsOwnerName { get; init; }
        public string? BizDevOwnerName { get; init; }
        public ClientStatus Status { get; init; }
        public int TotalCount { get; init; }
    }

    [BindProperty(SupportsGet = true)] public Query Filter { get; set; } = new();

    public PageOf<Row> Results { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);
    public IReadOnlyList<NamedId> Owners { get; private set; } = [];
    public LocalClock Clock => clock;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var page = Filter.Page;
        var parameters = new
        {
            Search = LikePattern.Containing(Filter.Q),
            Kind = Filter.Kind?.ToString(),
            Segment = Filter.Segment?.ToString(),
            StyleBit = Filter.Style is { } style ? CsStyleSet.Bit(style) : (int?)null,
            OwnerId = Filter.Owner,
            IncludeArchived = Filter.Archived,
            Skip = Paging.Skip(page, Paging.DefaultPageSize),
            Take = Paging.DefaultPageSize,
        };

        await using var connection = await db.OpenAsync(ct);
        var listed = await Paging.ReadAsync(page, Paging.DefaultPageSize,
            async () => (await connection.QueryAsync<Row>(new CommandDefinition(ClientsSql.List(db.Dialect, Filter.Sort, Filter.Descending), parameters, cancellationToken: ct))).AsList(),
            async rows => rows.Count > 0 ? rows[0].TotalCount
                : page == 1 ? 0
                : await connection.ExecuteScalarAsync<int>(new CommandDefinition(ClientsSql.Count, parameters, cancellationToken: ct)));
        if (listed.IsPastEnd) return Redirect(PageUrl(listed.PageCount));

        var rows = listed.Items;
        var ids = rows.Select(r => r.Id).ToArray();
        var terms = ids.Length == 0
            ? []
            : await connection.QueryAsync<(int ClientId, DateOnly StartDate, DateOnly EndDate, ContractStatus Status)>(
                new CommandDefinition(ClientsSql.TermsOfClients, new { ClientIds = ids }, cancellationToken: ct));
        var termsByClient = terms.ToLookup(t => t.ClientId, t => new ContractTerm(t.StartDate, t.EndDate, t.Status));
        var today = clock.Today;
        Results = listed with { Items = [.. rows.Select(r => r with { Status = ClientStatusRules.Derive(termsByClient[r.Id], today) })] };
        Owners = await StaffDirectory.WithAnyRoleAsync(
            connection, [.. ClientFormChoices.CsOwnerRoles.Union(ClientFormChoices.BizDevOwnerRoles)], ct);
        return Page();
    }

    public string PageUrl(int page) => ListUrl(Filter with { PageNumber = page });

    public string SortUrl(string column, bool descending) =>
        ListUrl(Filter with { Sort = Enum.Parse<ClientSort>(column, ignoreCase: true), Dir = descending ? "desc" : "asc", PageNumber = 1 });

    private string ListUrl(Query q) => Url.Page("/Clients/Index", new
    {
        q = q.Q, kind = q.Kind, segment = q.Segment, style = q.Style, owner = q.Owner,
        archived = q.Archived ? "true" : null, sort = q.Sort.ToString().ToLowerInvariant(), dir = q.Dir, pageNumber = q.PageNumber,
    })!;
}
