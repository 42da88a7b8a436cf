using System.Globalization;
using ProgramOps.Web.Features.Clients;
using ProgramOps.Web.Infrastructure.Text;

namespace ProgramOps.Web.Features.Outcomes;

public enum PortfolioSort
{
    Start,
    Cohort,
    Client,
    Enrolled,
    Participation,
    Itt,
    Completion,
    Nps,
}

/// <summary>
/// Reports, across cohorts (internal): every client's part of every cohort with participation, ITT quit rate, completion
/// and NPS, filtered, sorted and paged, with its CSV; each row links to that client's report.
/// </summary>
public sealed class PortfolioModel(Portfolio portfolio, PortfolioCsv csv, Db db, AuditTrail audit) : PageModel
{
    public const int PageSize = 50;

    public sealed record Query : SortedPageQuery<PortfolioSort>
    {
        public int? ProgramId { get; init; }
        public int? Version { get; init; }
        public int? ClientId { get; init; }
        public ClientSegment? Segment { get; init; }
        public DateOnly? From { get; init; }
        public DateOnly? To { get; init; }

        public PortfolioFilter ToFilter() => new()
        {
            ProgramId = ProgramId, VersionNumber = Version, ClientId = ClientId, Segment = Segment, From = From, To = To,
        };
    }

    public sealed class ProgramVersionOption
    {
        public int ProgramId { get; init; }
        public string ProgramCode { get; init; } = "";
        public int VersionNumber { get; init; }
    }

    [BindProperty(SupportsGet = true)] public Query Filter { get; set; } = new();

    public PageOf<PortfolioRow> Rows { get; private set; } = new([], 1, PageSize, 0);
    public IReadOnlyList<ProgramVersionOption> Programs { get; private set; } = [];
    public IReadOnlyList<NamedId> Clients { get; private set; } = [];
    public bool Filtered => Filter.ToFilter() != new PortfolioFilter();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return BadRequest(ModelState);
        var sorted = Sorted(await portfolio.ReadAsync(Filter.ToFilter(), ct));
        Rows = new PageOf<PortfolioRow>([.. sorted.Skip(Paging.Skip(Filter.Page, PageSize)).Take(PageSize)], Filter.Page, PageSize, sorted.Count);
        if (Rows.IsPastEnd) return Redirect(PageUrl(Rows.PageCount));
        await using var c = await db.OpenAsync(ct);
        Programs = [.. await c.QueryAsync<ProgramVersionOption>(new CommandDefinition(PortfolioSql.Programs, cancellationToken: ct))];
        Clients = [.. await c.QueryAsync<NamedId>(new CommandDefinition(PortfolioSql.Clients, cancellationToken: ct))];
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return BadRequest(ModelState);
        var rows = Sorted(await portfolio.ReadAsync(Filter.ToFilter(), ct));
        await db.InTransactionAsync(async (c, t) =>
            await audit.RecordAsync(c, t, new AuditEntry("Portfolio", "-", "PortfolioExported", CodedText.Encode(AuditSummaries.PortfolioExported, rows.Count, Request.QueryString.ToString()))), ct);
        return File(await csv.WriteAsync(rows), "text/csv; charset=utf-8", $"outcome-portfolio-{DateTime.UtcNow.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.csv");
    }

    private List<PortfolioRow> Sorted(List<PortfolioRow> rows)
    {
        IOrderedEnumerable<PortfolioRow> ordered = Filter.Sort switch
        {
            PortfolioSort.Cohort => Order(rows, r => r.CohortName),
            PortfolioSort.Client => Order(rows, r => r.ClientName),
            PortfolioSort.Enrolled => Order(rows, r => r.Enrolled),
            PortfolioSort.Participation => Order(rows, r => r.Participation?.Share),
            PortfolioSort.Itt => Order(rows, r => r.Itt?.Share),
            PortfolioSort.Completion => Order(rows, r => r.Completion?.Share),
            PortfolioSort.Nps => Order(rows, r => r.Nps),
            _ => Filter.Dir is null ? rows.OrderByDescending(r => r.StartDate) : Order(rows, r => r.StartDate),
        };
        return [.. ordered.ThenBy(r => r.CohortId).ThenBy(r => r.ClientId)];
    }

    /// <summary>Sorted by <paramref name="key"/>; rows whose figure is hidden or unknown go last either way.</summary>
    private IOrderedEnumerable<PortfolioRow> Order<T>(IEnumerable<PortfolioRow> rows, Func<PortfolioRow, T> key)
    {
        var known = rows.OrderBy(r => key(r) is null);
        return Filter.Descending ? known.ThenByDescending(key) : known.ThenBy(key);
    }

    public string PageUrl(int page) => ListUrl(Filter with { PageNumber = page });

    public string SortUrl(string column, bool descending) =>
        ListUrl(Filter with { Sort = Enum.Parse<PortfolioSort>(column, ignoreCase: true), Dir = descending ? "desc" : "asc", PageNumber = null });

    public string ExportUrl => Url.Page("/Outcomes/Portfolio", "Export", RouteValues(Filter with { PageNumber = null }))!;

    private string ListUrl(Query q) => Url.Page("/Outcomes/Portfolio", RouteValues(q))!;

    private static object RouteValues(Query q) => new
    {
        programId = q.ProgramId, version = q.Version, clientId = q.ClientId, segment = q.Segment,
        from = q.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), to = q.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        sort = q.Sort.ToString().ToLowerInvariant(), dir = q.Dir, pageNumber = q.PageNumber,
    };
}
