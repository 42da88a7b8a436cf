using ProgramOps.Web.Features.Clients;

namespace ProgramOps.Web.Features.Revenue;

/// <summary>Reads every client's revenue-bearing contracts into a <see cref="RevenueBook"/> as of today.</summary>
public sealed class RevenueReader(Db db, LocalClock clock)
{
    private sealed class ContractRow
    {
        public int ClientId { get; init; }
        public int Seats { get; init; }
        public long PricePerSeatJpy { get; init; }
        public DateOnly StartDate { get; init; }
        public DateOnly EndDate { get; init; }
        public ContractStatus Status { get; init; }
        public DateTimeOffset? CancelledAt { get; init; }
    }

    private sealed class ClientRow
    {
        public int Id { get; init; }
        public string Name { get; init; } = "";
        public ClientKind Kind { get; init; }
        public ClientSegment Segment { get; init; }
        public CsType CsType { get; init; }
    }

    public async Task<RevenueBook> ReadAsync(CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var contracts = (await c.QueryAsync<ContractRow>(new CommandDefinition(RevenueSql.Contracts, cancellationToken: ct)))
            .Select(r => new RevenueContract(r.ClientId, r.Seats, r.PricePerSeatJpy, r.StartDate, r.EndDate, r.Status,
                r.CancelledAt is { } cancelled ? DateOnly.FromDateTime(clock.ToLocal(cancelled).DateTime) : null))
            .ToList();
        var clients = (await c.QueryAsync<ClientRow>(new CommandDefinition(RevenueSql.Clients, cancellationToken: ct)))
            .ToDictionary(r => r.Id, r => new RevenueClient(r.Id, r.Name, r.Kind, r.Segment, r.CsType));
        return new RevenueBook(contracts, clients, clock.Today);
    }
}
