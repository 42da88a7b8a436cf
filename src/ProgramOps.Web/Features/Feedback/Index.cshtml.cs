using System.Globalization;
using System.Text;
using ProgramOps.Web.Features.Funnel;
using ProgramOps.Web.Infrastructure.Text;

namespace ProgramOps.Web.Features.Feedback;

/// <summary>
/// One queue per destination (the product backlog, the program backlogs by program, client requests by
/// client), filtered, sorted and paged from the query string, and exported as CSV or JSON for the owning
/// team's own tracker.
/// </summary>
public sealed class IndexModel(Db db, LocalClock clock) : PageModel
{
    public const int MaxExportRows = 10_000;

    public sealed record Query : SortedPageQuery<QueueSort>
    {
        public Query() => Dir = "desc";

        public Destination Destination { get; init; } = Destination.BaseProduct;
        public FeedbackStatus? Status { get; init; }
        public int? Program { get; init; }
        public int? Client { get; init; }
        public string? Q { get; init; }
    }

    public sealed record Row
    {
        public int Id { get; init; }
        public required string Title { get; init; }
        public required string Description { get; init; }
        public FeedbackSource Source { get; init; }
        public FunnelStage? Stage { get; init; }
        public FeedbackCategory Category { get; init; }
        public Severity Severity { get; init; }
        public int AffectedCount { get; init; }
        public Destination Destination { get; init; }
        public double Confidence { get; init; }
        public FeedbackStatus Status { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public required string CreatedBy { get; init; }
        public DateTimeOffset? RoutedAt { get; init; }
        public string? Program { get; init; }
        public string? ClientName { get; init; }
        public string? OwnerName { get; init; }
        public int ReportsCount { get; init; }
        public int TotalCount { get; init; }
    }

    /// <summary>One exported item: plain fields and its stable URL, for another tracker to import.</summary>
    public sealed record ExportRow(
        int Id, string Url, string Title, string Description, string Destination, string Status, string Source, string Stage, string Category,
        string Severity, int AffectedCount, int ReportsCount, string? Program, string? Client, string? Owner, double Confidence, DateTimeOffset CreatedAt, DateTimeOffset? RoutedAt)
    {
        public static readonly string[] Columns =
        [
            nameof(Id), nameof(Url), nameof(Title), nameof(Description), nameof(Destination), nameof(Status), nameof(Source), nameof(Stage), nameof(Category),
            nameof(Severity), nameof(AffectedCount), nameof(ReportsCount), nameof(Program), nameof(Client), nameof(Owner), nameof(Confidence), nameof(CreatedAt), nameof(RoutedAt),
        ];

        public string[] Fields() =>
        [
            Id.ToString(CultureInfo.InvariantCulture), Url, Title, Description, Destination, Status, Source, Stage, Category, Severity,
            AffectedCount.ToString(CultureInfo.InvariantCulture), ReportsCount.ToString(CultureInfo.InvariantCulture), Program ?? "", Client ?? "", Owner ?? "",
            Confidence.ToString("0.###", CultureInfo.InvariantCulture), CreatedAt.ToString("O", CultureInfo.InvariantCulture), RoutedAt?.ToString("O", CultureInfo.InvariantCulture) ?? "",
        ];
    }

    [BindProperty(SupportsGet = true)] public Query Filter { get; set; } = new();

    public PageOf<Row> Results { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);
    public FeedbackChoices Choices { get; private set; } = new([], [], []);
    public IReadOnlyDictionary<Destination, int> OpenCounts { get; private set; } = new Dictionary<Destination, int>();
    public LocalClock Clock => clock;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var page = Filter.Page;
        await using var connection = await db.OpenAsync(ct);
        var parameters = Parameters(Paging.Skip(page, Paging.DefaultPageSize), Paging.DefaultPageSize);
        Results = await Paging.ReadAsync(page, Paging.DefaultPageSize,
            async () => (await connection.QueryAsync<Row>(new CommandDefinition(FeedbackSql.Queue(db.Dialect, Filter.Sort, Filter.Descending), parameters, cancellationToken: ct))).AsList(),
            async rows => rows.Count > 0 ? rows[0].TotalCount
                : page == 1 ? 0
                : await connection.ExecuteScalarAsync<int>(new CommandDefinition(FeedbackSql.QueueCount, parameters, cancellationToken: ct)));
        if (Results.IsPastEnd) return Redirect(PageUrl(Results.PageCount));

        Choices = await FeedbackChoices.LoadAsync(connection, ct);
        OpenCounts = (await connection.QueryAsync<(Destination Destination, int Items)>(new CommandDefinition(FeedbackSql.OpenByDestination, cancellationToken: ct)))
            .ToDictionary(c => c.Destination, c => c.Items);
        return Page();
    }

    /// <summary>The whole filtered queue (up to <see cref="MaxExportRows"/>) as CSV (UTF-8 with BOM, for Excel) or JSON.</summary>
    public async Task<IActionResult> OnGetExportAsync(string format, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            FeedbackSql.Queue(db.Dialect, Filter.Sort, Filter.Descending), Parameters(0, MaxExportRows), cancellationToken: ct));
        var export = rows.Select(r => new ExportRow(
            r.Id, Url.Page("/Feedback/Details", null, new { id = r.Id }, Request.Scheme)!, r.Title, r.Description, r.Destination.ToString(), r.Status.ToString(),
            r.Source.ToString(), r.Stage?.ToString() ?? "", r.Category.ToString(), r.Severity.ToString(), r.AffectedCount, r.ReportsCount,
            r.Program, r.ClientName, r.OwnerName, Math.Round(r.Confidence, 3), r.CreatedAt, r.RoutedAt)).ToList();
        var name = $"feedback-{Filter.Destination.ToString().ToLowerInvariant()}-{clock.Today:yyyyMMdd}";
        if (string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            return File(Encoding.UTF8.GetBytes(FeedbackJson.Serialize(export)), "application/json", $"{name}.json");
        }

        using var stream = new MemoryStream();
        await using (var csv = SpreadsheetCsv.Create(stream))
        {
            csv.WriteHeader(ExportRow.Columns);
            foreach (var row in export) csv.WriteRecord(row.Fields());
        }

        return File(stream.ToArray(), "text/csv; charset=utf-8", $"{name}.csv");
    }

    public string PageUrl(int page) => ListUrl(Filter with { PageNumber = page });

    public string SortUrl(string column, bool descending) =>
        ListUrl(Filter with { Sort = Enum.Parse<QueueSort>(column, ignoreCase: true), Dir = descending ? "desc" : "asc", PageNumber = 1 });

    public string DestinationUrl(Destination destination) => ListUrl(new Query { Destination = destination });

    public string ExportUrl(string format) => Url.Page("/Feedback/Index", "Export", RouteValues(Filter with { PageNumber = null }, format))!;

    private string ListUrl(Query q) => Url.Page("/Feedback/Index", RouteValues(q, null))!;

    private static object RouteValues(Query q, string? format) => new
    {
        destination = q.Destination, status = q.Status, program = q.Program, client = q.Client, q = q.Q,
        sort = q.Sort.ToString().ToLowerInvariant(), dir = q.Dir, pageNumber = q.PageNumber, format,
    };

    private object Parameters(int skip, int take) => new
    {
        Destination = Filter.Destination.ToString(), Status = Filter.Status?.ToString(), ProgramId = Filter.Program, ClientId = Filter.Client,
        Search = LikePattern.Containing(Filter.Q), Skip = skip, Take = take,
    };
}
