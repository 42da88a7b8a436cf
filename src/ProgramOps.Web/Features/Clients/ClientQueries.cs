namespace ProgramOps.Web.Features.Clients;

public sealed record ClientDetails
{
    public int Id { get; init; }
    public required string Name { get; init; }
    public string? NameKana { get; init; }
    public ClientKind Kind { get; init; }
    public ClientSegment Segment { get; init; }
    public int EligiblePopulation { get; init; }
    public CsType CsType { get; init; }
    /// <summary>The styles as stored (<see cref="CsStyleSet"/>).</summary>
    public int CsStyles { get; init; }
    public IReadOnlyList<CsStyle> Styles => CsStyleSet.FromMask(CsStyles);
    /// <summary>The effective model: chosen by hand, or the one the CS type implies.</summary>
    public TouchModel TouchModel { get; init; }
    public bool TouchModelSetByHand { get; init; }
    public int? CsOwnerId { get; init; }
    public int? BizDevOwnerId { get; init; }
    public int? ParentClientId { get; init; }
    public string? Notes { get; init; }
    public bool IsArchived { get; init; }
    public int Version { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public required string UpdatedBy { get; init; }
    public string? CsOwnerName { get; init; }
    public string? BizDevOwnerName { get; init; }
    public string? ParentName { get; init; }

    public ClientInput ToInput() => new()
    {
        Name = Name, NameKana = NameKana, Kind = Kind, Segment = Segment, EligiblePopulation = EligiblePopulation,
        CsType = CsType, CsStyles = [.. Styles], TouchModel = TouchModelSetByHand ? TouchModel : null, CsOwnerId = CsOwnerId,
        BizDevOwnerId = BizDevOwnerId, ParentClientId = ParentClientId, Notes = Notes,
    };
}

public sealed record KeyPersonRow
{
    public int Id { get; init; }
    public int ClientId { get; init; }
    public required string Name { get; init; }
    public string? Title { get; init; }
    public KeyPersonRole Role { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public int Version { get; init; }
}

public sealed record ContractRow
{
    public int Id { get; init; }
    public int ClientId { get; init; }
    /// <summary>Null until a person chooses the program the contract's free-text name meant.</summary>
    public int? ProgramId { get; init; }
    public required string ProgramName { get; init; }
    public int Seats { get; init; }
    /// <summary>Seats cohorts have taken from the contract, against the <see cref="Seats"/> bought.</summary>
    public int SeatsUsed { get; init; }
    public int PricePerSeatJpy { get; init; }
    public DateOnly StartDate { get; init; }
    public DateOnly EndDate { get; init; }
    public bool AutoRenew { get; init; }
    public ContractStatus Status { get; init; }
    public int? EligiblePopulation { get; init; }
    public DateOnly? EligiblePopulationAsOf { get; init; }
    public int? FeePerIttSuccessJpy { get; init; }
    public int? FeePerVerifiedSuccessJpy { get; init; }
    public int? FeePerCompleterJpy { get; init; }
    public int Version { get; init; }

    public ContractTerm Term => new(StartDate, EndDate, Status);

    public Contracts.ContractForChange ForChange => new(Id, ProgramId, StartDate, Seats, Status);
}

/// <summary>Reads shared by the client pages.</summary>
public sealed class ClientQueries(Db db)
{
    public async Task<ClientDetails?> FindAsync(int id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<ClientDetails>(new CommandDefinition(ClientsSql.Find, new { Id = id }, cancellationToken: ct));
    }

    public Task<ConcurrencyConflict?> LastChangeAsync(int id, CancellationToken ct) =>
        ConcurrencyConflict.FindAsync(db, ClientsSql.LastChange, id, ct);

    public async Task<IReadOnlyList<KeyPersonRow>> KeyPersonsAsync(int clientId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<KeyPersonRow>(new CommandDefinition(ClientsSql.KeyPersonsOfClient, new { ClientId = clientId }, cancellationToken: ct))).ToList();
    }

    public async Task<IReadOnlyList<ContractRow>> ContractsAsync(int clientId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<ContractRow>(new CommandDefinition(ClientsSql.ContractsOfClient, new { ClientId = clientId }, cancellationToken: ct))).ToList();
    }
}
