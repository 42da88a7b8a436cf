namespace ProgramOps.Web.Features.Admin.Audit;

public sealed class IndexModel(AuditLogQueries queries, LocalClock clock) : PageModel
{
    public const int PageSize = 50;

    public sealed record Query
    {
        public string? EntityType { get; init; }
        public string? EntityId { get; init; }
        public string? User { get; init; }
        public string? Action { get; init; }

        /// <summary>Local calendar dates (Asia/Tokyo by default), both inclusive.</summary>
        public DateOnly? From { get; init; }
        public DateOnly? To { get; init; }

        /// <summary>Show rows older than this id (the next page).</summary>
        public long? Before { get; init; }
    }

    [BindProperty(SupportsGet = true)] public Query Filter { get; set; } = new();

    public IReadOnlyList<AuditRow> Rows { get; private set; } = [];
    public bool HasOlder { get; private set; }
    public IReadOnlyList<string> EntityTypes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var filter = new AuditFilter(
            Blank(Filter.EntityType), Blank(Filter.EntityId), Blank(Filter.User), Blank(Filter.Action),
            Filter.From is { } from ? clock.StartOf(from) : null,
            Filter.To is { } to ? clock.EndOf(to) : null);
        (Rows, HasOlder) = await queries.SearchAsync(filter, Filter.Before, PageSize, ct);
        EntityTypes = await queries.EntityTypesAsync(ct);
    }

    public string OlderUrl() => Url.Page("/Admin/Audit/Index", RouteValues(Filter with { Before = Rows[^1].Id }))!;

    public string NewestUrl() => Url.Page("/Admin/Audit/Index", RouteValues(Filter with { Before = null }))!;

    private static object RouteValues(Query q) => new
    {
        entityType = q.EntityType, entityId = q.EntityId, user = q.User, action = q.Action,
        from = q.From?.ToString("yyyy-MM-dd"), to = q.To?.ToString("yyyy-MM-dd"), before = q.Before,
    };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
