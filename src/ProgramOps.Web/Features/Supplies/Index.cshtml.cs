using ProgramOps.Web.Features.Participants;

namespace ProgramOps.Web.Features.Supplies;

/// <summary>The shipment list: filter by cohort, client, status, item and week, find a participant, sort, page; counts per status.</summary>
public sealed class IndexModel(Db db, ParticipantPrivacy privacy) : PageModel
{
    public sealed record Query : SortedPageQuery<ShipmentSort>
    {
        public string? Q { get; init; }
        public int? Cohort { get; init; }
        public int? Client { get; init; }
        public ShipmentStatus? Status { get; init; }
        public string? Item { get; init; }
        public int? Week { get; init; }
        public bool IsFiltered => Q is not null || Cohort is not null || Client is not null || Status is not null || Item is not null || Week is not null;
    }

    public sealed record Row
    {
        public long Id { get; init; }
        public long ParticipantId { get; init; }
        public string? FullName { get; init; }
        public string? Kana { get; init; }
        public required string InvitationCode { get; init; }
        public int Week { get; init; }
        public required string Item { get; init; }
        public string? ItemEn { get; init; }
        public DateOnly DueOn { get; init; }
        public ShipmentStatus Status { get; init; }
        public string? TrackingNumber { get; init; }
        public DateOnly? ShippedOn { get; init; }
        public DateOnly? DeliveredOn { get; init; }
        public required string CohortName { get; init; }
        public required string ClientName { get; init; }
    }

    [BindProperty(SupportsGet = true)] public Query Filter { get; set; } = new();

    public PageOf<Row> Results { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);
    public IReadOnlyDictionary<ShipmentStatus, int> CountsByStatus { get; private set; } = new Dictionary<ShipmentStatus, int>();
    public IReadOnlyList<NamedId> Cohorts { get; private set; } = [];
    public IReadOnlyList<NamedId> Clients { get; private set; } = [];

    /// <summary>Whether the viewer sees who the participants are, or only their pseudonymous labels.</summary>
    public bool ShowsPersonalData { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var page = Filter.Page;
        ShowsPersonalData = await privacy.ShowsPersonalDataAsync();
        var parameters = Parameters(Paging.Skip(page, Paging.DefaultPageSize), Paging.DefaultPageSize);
        var counts = await connection.QueryAsync<(string Status, int Shipments)>(new CommandDefinition(SuppliesSql.CountByStatus, parameters, cancellationToken: ct));
        CountsByStatus = counts.ToDictionary(c => Enum.Parse<ShipmentStatus>(c.Status), c => c.Shipments);
        var total = Filter.Status is { } status ? CountsByStatus.GetValueOrDefault(status) : CountsByStatus.Values.Sum();
        var lastPage = new PageOf<Row>([], 1, Paging.DefaultPageSize, total).PageCount;
        if (page > lastPage) return Redirect(PageUrl(lastPage));

        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            SuppliesSql.List(db.Dialect, ShowsPersonalData || Filter.Sort != ShipmentSort.Participant ? Filter.Sort : ShipmentSort.Due, Filter.Descending), parameters, cancellationToken: ct));
        Results = new PageOf<Row>([.. rows], page, Paging.DefaultPageSize, total);
        Cohorts = [.. await connection.QueryAsync<NamedId>(new CommandDefinition(SuppliesSql.CohortChoices, cancellationToken: ct))];
        Clients = [.. await connection.QueryAsync<NamedId>(new CommandDefinition(SuppliesSql.ClientChoices, cancellationToken: ct))];
        return Page();
    }

    private DynamicParameters Parameters(int skip, int take)
    {
        var parameters = new DynamicParameters();
        parameters.Add("CohortId", Filter.Cohort);
        parameters.Add("ClientId", Filter.Client);
        parameters.Add("Status", Filter.Status?.ToString());
        parameters.Add("Item", LikePattern.Containing(Filter.Item));
        parameters.Add("Week", Filter.Week);
        // A viewer who may not see who participants are finds one only by their pseudonymous label (0: nobody).
        parameters.Add("Search", ShowsPersonalData ? LikePattern.Containing(Filter.Q) : null);
        // Codes are printed ABCD-EFGH-JKLM and read out in any case.
        parameters.Add("Code", ShowsPersonalData ? Filter.Q?.Replace("-", "").Replace(" ", "").Trim().ToUpperInvariant() : null);
        parameters.Add("ParticipantId", ShowsPersonalData || Filter.Q is null ? null : ParticipantPrivacy.ParsePseudonym(Filter.Q) ?? 0);
        parameters.Add("Skip", skip);
        parameters.Add("Take", take);
        return parameters;
    }

    public string PageUrl(int page, ShipmentSort? sort = null, bool? descending = null, ShipmentStatus? status = null, bool allStatuses = false) =>
        Url.Page("/Supplies/Index", new
        {
            q = Filter.Q,
            cohort = Filter.Cohort,
            client = Filter.Client,
            status = allStatuses ? null : status ?? Filter.Status,
            item = Filter.Item,
            week = Filter.Week,
            sort = sort ?? Filter.Sort,
            dir = (descending ?? Filter.Descending) ? "desc" : null,
            pageNumber = page == 1 ? (int?)null : page,
        })!;

    /// <summary>The participant's invitation code as printed.</summary>
    public static string Code(string invitationCode) => InvitationCode.Format(invitationCode);
}
