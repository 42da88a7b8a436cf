using ProgramOps.Web.Features.Account;

namespace ProgramOps.Web.Features.Cohorts;

/// <summary>The cohorts, newest start first, filtered by status, program, client and CS owner, with their seats and participants.</summary>
public sealed class IndexModel(Db db) : PageModel
{
    /// <summary>The list's filters from the query string (<c>?status=…&amp;programId=…&amp;clientId=…&amp;ownerId=…</c>); none given: every cohort.</summary>
    public sealed record Query
    {
        public CohortStatus? Status { get; init; }
        public int? ProgramId { get; init; }
        public int? ClientId { get; init; }
        public int? OwnerId { get; init; }
    }

    public sealed record Row
    {
        public int Id { get; init; }
        public required string Name { get; init; }
        public CohortStatus Status { get; init; }
        public DateOnly EnrolmentOpens { get; init; }
        public DateOnly EnrolmentCloses { get; init; }
        public DateOnly StartDate { get; init; }
        public required string ProgramCode { get; init; }
        public int VersionNumber { get; init; }
        public string? CsOwnerName { get; init; }
        public int? Seats { get; init; }

        /// <summary>Participants holding a seat.</summary>
        public int Participants { get; init; }
    }

    [BindProperty(SupportsGet = true)] public Query Filter { get; set; } = new();

    public IReadOnlyList<Row> Cohorts { get; private set; } = [];
    public IReadOnlyList<NamedId> Programs { get; private set; } = [];
    public IReadOnlyList<NamedId> Clients { get; private set; } = [];
    public IReadOnlyList<NamedId> Owners { get; private set; } = [];

    public bool Filtered => Filter != new Query();

    public async Task OnGetAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        Cohorts = (await connection.QueryAsync<Row>(new CommandDefinition(CohortsSql.List, new
        {
            Status = Filter.Status?.ToString(), Filter.ProgramId, Filter.ClientId, Filter.OwnerId,
        }, cancellationToken: ct))).ToList();
        Programs = [.. await connection.QueryAsync<NamedId>(new CommandDefinition(CohortsSql.ProgramsWithCohorts, cancellationToken: ct))];
        Clients = [.. await connection.QueryAsync<NamedId>(new CommandDefinition(CohortsSql.ClientsWithCohorts, cancellationToken: ct))];
        Owners = await StaffDirectory.WithAnyRoleAsync(connection, [Roles.Admin, Roles.ProgramCS], ct);
    }
}
