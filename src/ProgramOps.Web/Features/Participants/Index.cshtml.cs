using ProgramOps.Web.Features.Programs;

namespace ProgramOps.Web.Features.Participants;

/// <summary>A cohort's participants: searchable, filterable by state, client, team and the week of the last check-in, sortable, paged.</summary>
public sealed class IndexModel(Db db, ParticipantPrivacy privacy) : PageModel
{
    public sealed record Row
    {
        public long Id { get; init; }
        public string? EmployeeNumber { get; init; }
        public string? FullName { get; init; }
        public string? Kana { get; init; }
        public string? Email { get; init; }
        public string? Department { get; init; }
        public ParticipantState State { get; init; }
        public ParticipantOutcome? Outcome { get; init; }
        public DateOnly? LastCheckInOn { get; init; }
        public required string InvitationCode { get; init; }
        public int? TeamId { get; init; }
        public int? TeamNumber { get; init; }
        public required string ClientName { get; init; }
    }

    [BindProperty(SupportsGet = true)] public ParticipantFilter Filter { get; set; } = new();

    public int CohortId { get; private set; }
    public string CohortName { get; private set; } = "";
    public DateOnly CohortStart { get; private set; }

    /// <summary>The program's length, for the weeks the filter offers.</summary>
    public int Weeks { get; private set; }
    public PageOf<Row> Results { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);
    public IReadOnlyList<NamedId> Clients { get; private set; } = [];

    /// <summary>Whether the viewer sees who the participants are, or only their pseudonymous labels.</summary>
    public bool ShowsPersonalData { get; private set; }

    public async Task<IActionResult> OnGetAsync(int cohortId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var cohort = await connection.QuerySingleOrDefaultAsync<ListedCohort>(new CommandDefinition(ParticipantsSql.CohortProgram, new { CohortId = cohortId }, cancellationToken: ct));
        if (cohort is null) return NotFound();
        (CohortId, CohortName, CohortStart) = (cohortId, cohort.Name, cohort.StartDate);
        Weeks = ProgramDefinitionJson.Deserialize(cohort.Definition).DurationWeeks;

        var page = Filter.Page;
        ShowsPersonalData = await privacy.ShowsPersonalDataAsync();
        var parameters = Filter.Parameters(cohortId, cohort.StartDate, Paging.Skip(page, Paging.DefaultPageSize), Paging.DefaultPageSize, ShowsPersonalData);
        var filters = Filter.InUse(ShowsPersonalData);
        Results = await Paging.ReadAsync(page, Paging.DefaultPageSize,
            async () => (await connection.QueryAsync<Row>(new CommandDefinition(ParticipantsSql.List(db.Dialect, Filter.SortFor(ShowsPersonalData), Filter.Descending, filters), parameters, cancellationToken: ct))).AsList(),
            // A first page that is not full holds every match: no need to count them again.
            async rows => page == 1 && rows.Count < Paging.DefaultPageSize ? rows.Count
                : await connection.ExecuteScalarAsync<int>(new CommandDefinition(ParticipantsSql.Count(filters), parameters, cancellationToken: ct)));
        if (Results.IsPastEnd) return Redirect(PageUrl(Results.PageCount));

        Clients = [.. await connection.QueryAsync<NamedId>(new CommandDefinition(ParticipantsSql.ClientsOfCohort, new { CohortId = cohortId }, cancellationToken: ct))];
        return Page();
    }

    public string PageUrl(int page, ParticipantSort? sort = null, bool? descending = null)
    {
        var values = Filter.RouteValues(CohortId);
        values["sort"] = (sort ?? Filter.Sort).ToString();
        if (descending ?? Filter.Descending) values["dir"] = "desc";
        if (page > 1) values["pageNumber"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Url.Page("/Participants/Index", values)!;
    }
}
