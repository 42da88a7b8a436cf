using System.Globalization;
using Microsoft.Extensions.Options;

namespace ProgramOps.Web.Features.Revenue;

public enum RevenueClientSort
{
    Opening,
    Closing,
    Current,
    Ltv,
    Name,
}

/// <summary>
/// 売上継続率, churn and LTV: gross and net revenue retention, logo and revenue churn per fiscal year or quarter, overall
/// and per segment, client kind or CS type; the clients behind a figure; each segment's LTV; both as CSV (audited).
/// </summary>
public sealed class IndexModel(RevenueReader reader, RevenueCsv csv, Db db, AuditTrail audit, IOptions<RevenueOptions> options) : PageModel
{
    public const int PageSize = 50;
    public const int Years = 5;
    public const int Quarters = 8;
    private const int FirstYear = 1990;
    private const int LastYear = 2200;

    public sealed record Query : SortedPageQuery<RevenueClientSort>
    {
        public PeriodLength Length { get; init; }
        public int? StartMonth { get; init; }
        public RevenueGrouping By { get; init; }

        /// <summary>The period whose clients are listed: a fiscal year, and its quarter when periods are quarters.</summary>
        public int? Fy { get; init; }
        public int? Q { get; init; }

        /// <summary>The group whose clients are listed (e.g. <c>Segment.Enterprise</c>); none for all clients.</summary>
        public string? Group { get; init; }
        public Movement? Movement { get; init; }
    }

    [BindProperty(SupportsGet = true)] public Query Filter { get; set; } = new();

    public int StartMonth => Filter.StartMonth ?? options.Value.FiscalYearStartMonth;
    public IReadOnlyList<RevenueRow> Rows { get; private set; } = [];
    public IReadOnlyList<SegmentLifetime> Lifetimes { get; private set; } = [];
    public RevenuePeriod? Period { get; private set; }
    public PageOf<RevenueClientLine>? Clients { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!IsValid()) return BadRequest(ModelState);
        var book = await reader.ReadAsync(ct);
        Rows = book.Figures(Periods(book.Today), Filter.By);
        Lifetimes = book.Lifetimes(StartMonth);
        Period = ChosenPeriod();
        if (Period is null) return Page();
        var lines = Sorted(ChosenClients(book, Period));
        Clients = new PageOf<RevenueClientLine>([.. lines.Skip(Paging.Skip(Filter.Page, PageSize)).Take(PageSize)], Filter.Page, PageSize, lines.Count);
        return Clients.IsPastEnd ? Redirect(ClientsUrl(Filter with { PageNumber = Clients.PageCount })) : Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (!IsValid()) return BadRequest(ModelState);
        var book = await reader.ReadAsync(ct);
        var rows = book.Figures(Periods(book.Today), Filter.By);
        await RecordExportAsync("RevenueExported", rows.Count, ct);
        return File(await csv.FiguresAsync(rows), "text/csv; charset=utf-8", FileName("revenue"));
    }

    public async Task<IActionResult> OnGetExportClientsAsync(CancellationToken ct)
    {
        if (!IsValid() || ChosenPeriod() is not { } period) return BadRequest(ModelState);
        var book = await reader.ReadAsync(ct);
        var lines = Sorted(ChosenClients(book, period));
        await RecordExportAsync("RevenueClientsExported", lines.Count, ct);
        return File(await csv.ClientsAsync(period, lines), "text/csv; charset=utf-8", FileName("revenue-clients"));
    }

    private bool IsValid()
    {
        if (Filter.StartMonth is not null and not (>= 1 and <= 12)) ModelState.AddModelError("startMonth", "1–12");
        if (Filter.Fy is not null and not (>= FirstYear and <= LastYear)) ModelState.AddModelError("fy", $"{FirstYear}–{LastYear}");
        if (Filter.Q is not null and not (>= 1 and <= 4)) ModelState.AddModelError("q", "1–4");
        return ModelState.IsValid;
    }

    private IReadOnlyList<RevenuePeriod> Periods(DateOnly today) =>
        FiscalCalendar.Recent(Filter.Length, Filter.Length == PeriodLength.Year ? Years : Quarters, StartMonth, today);

    private RevenuePeriod? ChosenPeriod() => Filter switch
    {
        { Fy: { } year, Length: PeriodLength.Quarter, Q: { } quarter } => FiscalCalendar.Quarter(year, quarter, StartMonth),
        { Fy: { } year, Length: PeriodLength.Year } => FiscalCalendar.Year(year, StartMonth),
        _ => null,
    };

    private IReadOnlyList<RevenueClientLine> ChosenClients(RevenueBook book, RevenuePeriod period) =>
        [.. book.Clients(period, Filter.By, Filter.Group, StartMonth).Where(l => Filter.Movement is null || l.Movement.Movement == Filter.Movement)];

    private List<RevenueClientLine> Sorted(IReadOnlyList<RevenueClientLine> lines)
    {
        Func<RevenueClientLine, object?> key = Filter.Sort switch
        {
            RevenueClientSort.Closing => l => l.Movement.Closing,
            RevenueClientSort.Current => l => l.CurrentRevenue,
            RevenueClientSort.Ltv => l => l.Ltv,
            RevenueClientSort.Name => l => l.Client.Name,
            _ => l => l.Movement.Opening,
        };
        var descending = Filter.Dir is null ? Filter.Sort != RevenueClientSort.Name : Filter.Descending;
        var ordered = descending ? lines.OrderByDescending(key) : lines.OrderBy(key);
        return [.. ordered.ThenBy(l => l.Client.Id)];
    }

    private Task RecordExportAsync(string action, int count, CancellationToken ct) =>
        db.InTransactionAsync(async (c, t) =>
            await audit.RecordAsync(c, t, new AuditEntry("Revenue", "-", action, $"{count} rows; {Request.QueryString}")), ct);

    private static string FileName(string stem) => $"{stem}-{DateTime.UtcNow.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.csv";

    /// <summary>The list of the clients behind a period's figure for a group (all clients for none), of a movement or all.</summary>
    public string ClientsUrl(RevenuePeriod period, string? group, Movement? movement = null) =>
        ClientsUrl(Filter with { Fy = period.FiscalYear, Q = period.Quarter, Group = group, Movement = movement, PageNumber = null, Sort = default, Dir = null });

    public string PageUrl(int page) => ClientsUrl(Filter with { PageNumber = page });

    public string SortUrl(string column, bool descending) =>
        ClientsUrl(Filter with { Sort = Enum.Parse<RevenueClientSort>(column, ignoreCase: true), Dir = descending ? "desc" : "asc", PageNumber = null });

    public string ExportUrl => Url.Page("/Revenue/Index", "Export", RouteValues(Filter with { Fy = null, Q = null, Group = null, Movement = null, PageNumber = null }))!;

    public string ExportClientsUrl => Url.Page("/Revenue/Index", "ExportClients", RouteValues(Filter with { PageNumber = null }))!;

    private string ClientsUrl(Query q) => Url.Page("/Revenue/Index", RouteValues(q)) + "#clients";

    private static object RouteValues(Query q) => new
    {
        length = q.Length == PeriodLength.Year ? null : q.Length.ToString().ToLowerInvariant(),
        startMonth = q.StartMonth,
        by = q.By == RevenueGrouping.Overall ? null : q.By.ToString().ToLowerInvariant(),
        fy = q.Fy, q = q.Q, group = q.Group, movement = q.Movement?.ToString().ToLowerInvariant(),
        sort = q.Sort == default ? null : q.Sort.ToString().ToLowerInvariant(), dir = q.Dir, pageNumber = q.PageNumber,
    };
}
