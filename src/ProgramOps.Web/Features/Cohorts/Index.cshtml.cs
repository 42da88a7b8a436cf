namespace ProgramOps.Web.Features.Cohorts;

public sealed class IndexModel(Db db) : PageModel
{
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
    }

    public IReadOnlyList<Row> Cohorts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        Cohorts = (await connection.QueryAsync<Row>(new CommandDefinition(CohortsSql.List, cancellationToken: ct))).ToList();
    }
}
