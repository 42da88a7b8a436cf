using ProgramOps.Web.Features.Clients;

namespace ProgramOps.Web.Features.Revenue;

/// <summary>
/// Reads every client's revenue-bearing contracts into a <see cref="RevenueBook"/> as of today. Reading 50,000
/// contracts takes most of the page's time and they change a few times a day, so the book is kept and read again only
/// when a cheap stamp of the two tables (<see cref="RevenueSql.Stamp"/>) or the day has changed.
/// </summary>
public sealed class RevenueReader(Db db, LocalClock clock)
{
    private sealed record Stamp(long Contracts, long ContractVersions, long LastContract, long Clients, long ClientVersions, long LastClient)
    {
        public DateOnly Today { get; init; }
    }

    private sealed record Kept(Stamp Stamp, RevenueBook Book);

    private Kept? kept;

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
        var stamp = await c.QuerySingleAsync<Stamp>(new CommandDefinition(RevenueSql.Stamp, cancellationToken: ct)) with { Today = clock.Today };
        if (kept is { } known && known.Stamp == stamp) return known.Book;

        var book = await ReadAsync(c, ct);
        kept = new Kept(stamp, book);
        return book;
    }

    private async Task<RevenueBook> ReadAsync(DbConnection c, CancellationToken ct)
    {
        var contracts = (await c.QueryAsync<ContractRow>(new CommandDefinition(RevenueSql.Contracts, cancellationToken: ct)))
            .Select(r => new RevenueContract(r.ClientId, r.Seats, r.PricePerSeatJpy, r.StartDate, r.EndDate, r.Status,
                r.CancelledAt is { } cancelled ? DateOnly.FromDateTime(clock.ToLocal(cancelled).DateTime) : null))
            .ToList();
        var clients = (await c.QueryAsync<ClientRow>(new CommandDefinition(RevenueSql.Clients, cancellationToken: ct)))
            .ToDictionary(r => r.Id, r => new RevenueClient(r.Id, r.Name, r.Kind, r.Segment, r.CsType));
        return new RevenueBook(contracts, clients, clock.Today);
    }
}
