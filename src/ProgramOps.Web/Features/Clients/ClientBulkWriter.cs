using System.Data;

namespace ProgramOps.Web.Features.Clients;

public sealed record NewClientRecord(
    string Name, string NameKana, string Kind, string Segment, int EligiblePopulation, string CsType, IReadOnlyCollection<CsStyle> CsStyles, string TouchModel,
    int? CsOwnerId, int? BizDevOwnerId, int? ParentClientId, string? Notes);

public sealed record NewKeyPersonRecord(string Name, string Title, string Role, string Email, string Phone);

/// <param name="EligiblePopulation">対象者数, given on <paramref name="EligiblePopulationAsOf"/>; the fees are the pay-for-results terms, if any.</param>
public sealed record NewContractRecord(
    string ProgramName, int Seats, int PricePerSeatJpy, DateOnly StartDate, DateOnly EndDate, bool AutoRenew, string Status,
    int? EligiblePopulation = null, DateOnly? EligiblePopulationAsOf = null, int? FeePerIttSuccessJpy = null, int? FeePerVerifiedSuccessJpy = null,
    int? FeePerCompleterJpy = null, int? ProgramId = null);

/// <summary>
/// Writes many clients, key persons and contracts with the clients feature's own INSERT statements, each prepared once:
/// for loads of whole data sets (the demo, the benchmarks) where a command built per row would cost more than the row.
/// The caller checks its data; this writes it as given.
/// </summary>
public sealed class ClientBulkWriter : IDisposable
{
    private readonly PreparedCommand _client;
    private readonly PreparedCommand _keyPerson;
    private readonly PreparedCommand _contract;

    public ClientBulkWriter(DbConnection connection, DbTransaction transaction, SqlDialect dialect, string actor)
    {
        _client = new PreparedCommand(connection, transaction, ClientsSql.Insert + dialect.SelectNewId,
            ("Name", DbType.String), ("NameKana", DbType.String), ("Kind", DbType.String), ("Segment", DbType.String),
            ("EligiblePopulation", DbType.Int32), ("CsType", DbType.String), ("CsStyles", DbType.Int32), ("TouchModel", DbType.String),
            ("TouchModelSetByHand", DbType.Boolean),
            ("CsOwnerId", DbType.Int32), ("BizDevOwnerId", DbType.Int32), ("ParentClientId", DbType.Int32), ("Notes", DbType.String),
            ("Now", DbType.DateTimeOffset), ("Actor", DbType.String));
        _keyPerson = new PreparedCommand(connection, transaction, KeyPersons.KeyPersonsSql.Insert,
            ("ClientId", DbType.Int32), ("Name", DbType.String), ("Title", DbType.String), ("Role", DbType.String),
            ("Email", DbType.String), ("Phone", DbType.String), ("Now", DbType.DateTimeOffset), ("Actor", DbType.String));
        _contract = new PreparedCommand(connection, transaction, Contracts.ContractsSql.Insert,
            ("ClientId", DbType.Int32), ("ProgramId", DbType.Int32), ("ProgramName", DbType.String), ("Seats", DbType.Int32), ("PricePerSeatJpy", DbType.Int32),
            ("StartDate", DbType.Date), ("EndDate", DbType.Date), ("AutoRenew", DbType.Boolean), ("Status", DbType.String),
            ("EligiblePopulation", DbType.Int32), ("EligiblePopulationAsOf", DbType.Date), ("FeePerIttSuccessJpy", DbType.Int32),
            ("FeePerVerifiedSuccessJpy", DbType.Int32), ("FeePerCompleterJpy", DbType.Int32), ("Now", DbType.DateTimeOffset), ("Actor", DbType.String));
        foreach (var insert in new[] { _client, _keyPerson, _contract }) insert.Set("Actor", actor);
    }

    /// <returns>The new client's id.</returns>
    public Task<int> AddClientAsync(NewClientRecord client, DateTimeOffset at, CancellationToken ct) =>
        _client.Set("Name", client.Name).Set("NameKana", client.NameKana).Set("Kind", client.Kind).Set("Segment", client.Segment)
            .Set("EligiblePopulation", client.EligiblePopulation).Set("CsType", client.CsType).Set("CsStyles", CsStyleSet.ToMask(client.CsStyles))
            .Set("TouchModel", client.TouchModel).Set("TouchModelSetByHand", IsSetByHand(client))
            .Set("CsOwnerId", client.CsOwnerId).Set("BizDevOwnerId", client.BizDevOwnerId)
            .Set("ParentClientId", client.ParentClientId).Set("Notes", client.Notes).Set("Now", at).ExecuteScalarAsync(ct);

    /// <summary>A loaded client follows its CS type when its model is the one the type implies, as a migrated one does.</summary>
    private static bool IsSetByHand(NewClientRecord client) =>
        client.TouchModel != TouchModels.FollowingCsType(Enum.Parse<CsType>(client.CsType)).ToString();

    public Task<int> AddKeyPersonAsync(int clientId, NewKeyPersonRecord person, DateTimeOffset at, CancellationToken ct) =>
        _keyPerson.Set("ClientId", clientId).Set("Name", person.Name).Set("Title", person.Title).Set("Role", person.Role)
            .Set("Email", person.Email).Set("Phone", person.Phone).Set("Now", at).ExecuteAsync(ct);

    public Task<int> AddContractAsync(int clientId, NewContractRecord contract, DateTimeOffset at, CancellationToken ct) =>
        _contract.Set("ClientId", clientId).Set("ProgramId", contract.ProgramId).Set("ProgramName", contract.ProgramName).Set("Seats", contract.Seats)
            .Set("PricePerSeatJpy", contract.PricePerSeatJpy).Set("StartDate", contract.StartDate).Set("EndDate", contract.EndDate)
            .Set("AutoRenew", contract.AutoRenew).Set("Status", contract.Status).Set("EligiblePopulation", contract.EligiblePopulation)
            .Set("EligiblePopulationAsOf", contract.EligiblePopulationAsOf).Set("FeePerIttSuccessJpy", contract.FeePerIttSuccessJpy)
            .Set("FeePerVerifiedSuccessJpy", contract.FeePerVerifiedSuccessJpy).Set("FeePerCompleterJpy", contract.FeePerCompleterJpy).Set("Now", at).ExecuteAsync(ct);

    public void Dispose()
    {
        _client.Dispose();
        _keyPerson.Dispose();
        _contract.Dispose();
    }
}
