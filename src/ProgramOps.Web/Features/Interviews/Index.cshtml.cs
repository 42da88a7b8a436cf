using ProgramOps.Web.Infrastructure.Text;

namespace ProgramOps.Web.Features.Interviews;

/// <summary>The N1 interviews, newest first: whom, where they stand, from which draw; every listing audited (it shows names).</summary>
public sealed class IndexModel(Db db, AuditTrail audit) : PageModel
{
    public sealed record Query : SortedPageQuery<InterviewSort>
    {
        public InterviewStatus? Status { get; init; }
        public int? DrawId { get; init; }
        public int? CohortId { get; init; }
    }

    public sealed record Row
    {
        public int Id { get; init; }
        public long ParticipantId { get; init; }
        public string? FullName { get; init; }
        public string? Kana { get; init; }
        public InterviewStatus Status { get; init; }
        public DateTimeOffset? ScheduledFor { get; init; }
        public Funnel.FunnelStage Stage { get; init; }
        public int CohortId { get; init; }
        public string CohortName { get; init; } = "";
        public int Findings { get; init; }
        public int TotalCount { get; init; }
    }

    public sealed record DrawRow
    {
        public int Id { get; init; }
        public string Selection { get; init; } = "";
        public Funnel.FunnelStage Stage { get; init; }
        public int Seed { get; init; }
        public int Requested { get; init; }
        public int PoolSize { get; init; }
        public DateTimeOffset DrawnAt { get; init; }
        public string DrawnBy { get; init; } = "";
    }

    [BindProperty(SupportsGet = true)] public Query Filter { get; set; } = new();

    public PageOf<Row> Results { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    /// <summary>The draw the list is narrowed to, shown with its seed.</summary>
    public DrawRow? Draw { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return BadRequest(ModelState);
        var page = Filter.Page;
        var parameters = new
        {
            Status = Filter.Status?.ToString(), Filter.DrawId, Filter.CohortId,
            Skip = Paging.Skip(page, Paging.DefaultPageSize), Take = Paging.DefaultPageSize,
        };
        await using var connection = await db.OpenAsync(ct);
        if (Filter.DrawId is { } drawId)
        {
            Draw = await connection.QuerySingleOrDefaultAsync<DrawRow>(new CommandDefinition(InterviewsSql.Draw, new { Id = drawId }, cancellationToken: ct));
        }

        Results = await Paging.ReadAsync(page, Paging.DefaultPageSize,
            async () => (await connection.QueryAsync<Row>(new CommandDefinition(InterviewsSql.List(db.Dialect, Filter.Sort, Filter.Descending), parameters, cancellationToken: ct))).AsList(),
            async rows => rows.Count > 0 ? rows[0].TotalCount
                : page == 1 ? 0
                : await connection.ExecuteScalarAsync<int>(new CommandDefinition(InterviewsSql.Count, parameters, cancellationToken: ct)));
        if (Results.IsPastEnd) return Redirect(PageUrl(Results.PageCount));

        await db.InTransactionAsync((c, t) => audit.RecordAsync(c, t, new AuditEntry("Interview", "list", "InterviewsListed",
            CodedText.Encode(AuditSummaries.InterviewsListed, page, string.Join(", ", Results.Items.Select(r => $"#{r.Id}")), Request.QueryString.ToString()))), ct);
        return Page();
    }

    public string PageUrl(int page) =>
        Url.Page("/Interviews/Index", new { status = Filter.Status, drawId = Filter.DrawId, cohortId = Filter.CohortId, sort = Filter.Sort, dir = Filter.Dir, pageNumber = page })!;

    public string SortUrl(string sort, bool descending) =>
        Url.Page("/Interviews/Index", new { status = Filter.Status, drawId = Filter.DrawId, cohortId = Filter.CohortId, sort, dir = descending ? "desc" : null })!;
}
