namespace ProgramOps.Web.Features.Clients.Contracts;

/// <summary>Contracts whose program is still to be chosen: those whose free-text name matched no program (or several).</summary>
public sealed class UnassignedModel(Db db) : PageModel
{
    public sealed record Row
    {
        public int Id { get; init; }
        public int ClientId { get; init; }
        public string ClientName { get; init; } = "";
        public string ProgramName { get; init; } = "";
        public ContractStatus Status { get; init; }
        public DateOnly StartDate { get; init; }
        public DateOnly EndDate { get; init; }
        public int Seats { get; init; }
    }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        Rows = [.. await connection.QueryAsync<Row>(new CommandDefinition(ContractsSql.Unassigned, cancellationToken: ct))];
    }
}
