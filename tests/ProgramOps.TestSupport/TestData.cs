using Dapper;
using ProgramOps.Web.Features.Clients;
using ProgramOps.Web.Features.Programs;
using ProgramOps.Web.Infrastructure.Data;

namespace ProgramOps.TestSupport;

/// <summary>Rows other features would have left behind (a client, an active contract, a published program), written directly.</summary>
public static class TestData
{
    public static async Task<int> ClientAsync(Db db, ClientInput input) =>
        await db.InTransactionAsync((c, t) =>
            c.ExecuteScalarAsync<int>(ClientsSql.Insert + db.Dialect.SelectNewId, input.ToParameters(DateTimeOffset.UtcNow, "seed"), t));

    /// <summary>An active contract for the program of <paramref name="programVersionId"/>, or, without one, naming its program as text only.</summary>
    public static async Task<int> ActiveContractAsync(Db db, int clientId, int seats, int? programVersionId = null, string programName = "禁煙プログラム（3か月）") =>
        await db.InTransactionAsync((c, t) => c.ExecuteScalarAsync<int>(
            $"""
            INSERT INTO Contracts (ClientId, ProgramId, ProgramName, Seats, PricePerSeatJpy, StartDate, EndDate, AutoRenew, Status, Version, CreatedAt, UpdatedAt, UpdatedBy)
            VALUES (@clientId, (SELECT ProgramId FROM ProgramVersions WHERE Id = @programVersionId), @programName, @seats, 30000, '2026-10-01', '2027-09-30', 0, 'Active', 1, @now, @now, 'seed');
            {db.Dialect.SelectNewId}
            """, new { clientId, seats, programVersionId, programName, now = DateTimeOffset.UtcNow }, t));

    /// <summary>The smoking-cessation template published as v1 under <paramref name="code"/>; returns the version's id.</summary>
    public static async Task<int> PublishedProgramAsync(Db db, string code) =>
        await db.InTransactionAsync(async (c, t) =>
        {
            var now = DateTimeOffset.UtcNow;
            var programId = await c.ExecuteScalarAsync<int>(
                ProgramsSql.InsertProgram + db.Dialect.SelectNewId, new { Code = code, Now = now, Actor = "seed" }, t);
            return await c.ExecuteScalarAsync<int>(
                $"""
                INSERT INTO ProgramVersions (ProgramId, VersionNumber, Status, Definition, PublishedAt, PublishedBy, Version, CreatedAt, UpdatedAt, UpdatedBy)
                VALUES (@programId, 1, 'Published', @Definition, @now, 'seed', 1, @now, @now, 'seed');
                {db.Dialect.SelectNewId}
                """, new { programId, Definition = ProgramDefinitionJson.Serialize(ProgramTemplates.SmokingCessation with { Code = code }), now }, t);
        });

    /// <summary>
    /// A new employer with an active contract and the smoking program, and a cohort on them in <paramref name="status"/>
    /// starting on <paramref name="start"/> with 50 seats: the setting most participant tests need.
    /// </summary>
    public static async Task<(int CohortId, int ContractId)> CohortOfNewClientAsync(Db db, string tag, string status, DateOnly start)
    {
        var client = await ClientAsync(db, new ClientInput { Name = $"{tag}商事", Kind = ClientKind.Employer, EligiblePopulation = 100 });
        var contract = await ActiveContractAsync(db, client, 50);
        var version = await PublishedProgramAsync(db, $"{tag}-smoking");
        return (await CohortAsync(db, $"{tag}コホート", version, status, start, (contract, 50)), contract);
    }

    /// <summary>A cohort of the program version, with seats from each contract, in <paramref name="status"/>; returns its id.</summary>
    public static async Task<int> CohortAsync(Db db, string name, int versionId, string status, DateOnly start, params (int ContractId, int Capacity)[] seats) =>
        await db.InTransactionAsync(async (c, t) =>
        {
            var cohortId = await c.ExecuteScalarAsync<int>(
                $"""
                INSERT INTO Cohorts (Name, ProgramVersionId, EnrolmentOpens, EnrolmentCloses, StartDate, Status, Version, CreatedAt, UpdatedAt, UpdatedBy)
                VALUES (@name, @versionId, @opens, @closes, @start, @status, 1, @now, @now, 'seed');
                {db.Dialect.SelectNewId}
                """, new { name, versionId, opens = start.AddDays(-35), closes = start.AddDays(-14), start, status, now = DateTimeOffset.UtcNow }, t);
            foreach (var (contractId, capacity) in seats)
            {
                await c.ExecuteAsync("INSERT INTO CohortContracts (CohortId, ContractId, Capacity) VALUES (@cohortId, @contractId, @capacity)",
                    new { cohortId, contractId, capacity }, t);
            }

            return cohortId;
        });

    /// <summary>
    /// <paramref name="count"/> invited participants of the cohort through the contract, departments in turn from
    /// <paramref name="departments"/>; returns their ids in order.
    /// </summary>
    public static async Task<IReadOnlyList<long>> ParticipantsAsync(Db db, int cohortId, int contractId, int count, params string[] departments) =>
        await db.InTransactionAsync(async (c, t) =>
        {
            var clientId = await c.ExecuteScalarAsync<int>("SELECT ClientId FROM Contracts WHERE Id = @contractId", new { contractId }, t);
            var first = await c.ExecuteScalarAsync<long>("SELECT COALESCE(MAX(Id), 0) + 1 FROM Participants", transaction: t);
            var ids = new List<long>();
            for (var i = 0; i < count; i++)
            {
                ids.Add(await c.ExecuteScalarAsync<long>(
                    $"""
                    INSERT INTO Participants (CohortId, ContractId, ClientId, EmployeeNumber, FullName, Email, Department, InvitationCode, State,
                                              StateChangedAt, Version, CreatedAt, UpdatedAt, UpdatedBy)
                    VALUES (@cohortId, @contractId, @clientId, @number, @name, @email, @department, @code, 'Invited', @now, 1, @now, @now, 'seed');
                    {db.Dialect.SelectNewId}
                    """,
                    new
                    {
                        cohortId, contractId, clientId, number = $"T{first + i}", name = $"参加者 {first + i}", email = $"p{first + i}@example.com",
                        department = departments.Length == 0 ? null : departments[i % departments.Length],
                        code = (first + i).ToString("D12", System.Globalization.CultureInfo.InvariantCulture), now = DateTimeOffset.UtcNow,
                    }, t));
            }

            return (IReadOnlyList<long>)ids;
        });
}
