using ProgramOps.Web.Features.Clients;

namespace ProgramOps.Web.Features;

public sealed class IndexModel(Db db, LocalClock clock) : PageModel
{
    private const int MaxRenewalsShown = 20;

    public sealed record Renewal
    {
        public int ClientId { get; init; }
        public required string ClientName { get; init; }
        public required string ProgramName { get; init; }
        public DateOnly EndDate { get; init; }
        public bool AutoRenew { get; init; }
        public int Seats { get; init; }
    }

    public IReadOnlyList<Renewal> Renewals { get; private set; } = [];
    public DateOnly Today => clock.Today;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var renewals = await connection.QueryAsync<Renewal>(new CommandDefinition(
            HomeSql.UpcomingRenewals(db.Dialect),
            new { Today, Until = Today.AddDays(ClientStatusRules.RenewalWindowDays), Skip = 0, Take = MaxRenewalsShown },
            cancellationToken: ct));
        Renewals = renewals.ToList();
    }
}
