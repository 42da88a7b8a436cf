using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using ProgramOps.Web.Features.Account;
using ProgramOps.Web.Features.Clients;
using ProgramOps.Web.Infrastructure.Text;

namespace ProgramOps.Web.Features.Demo;

/// <param name="Elapsed">The whole load: generation, password hashing and the write transaction.</param>
/// <param name="WriteElapsed">The write transaction alone.</param>
public sealed record DemoLoadResult(bool Loaded, int Clients, int KeyPersons, int Contracts, TimeSpan Elapsed, TimeSpan WriteElapsed);

/// <summary>
/// Writes a generated demo set into an empty database: one transaction, prepared commands reused for
/// every row, one audit row for the whole load.
/// </summary>
public sealed class DemoDataLoader(Db db, IPasswordHasher<StaffUser> hasher, AuditTrail audit, LocalClock clock, ILogger<DemoDataLoader> logger)
{
    private const string Actor = "demo";

    /// <summary>Loads <paramref name="clientCount"/> clients unless the Clients table already has rows.</summary>
    public async Task<DemoLoadResult> LoadIfEmptyAsync(int clientCount, int seed = DemoDataGenerator.DefaultSeed, CancellationToken ct = default)
    {
        var stopwatch = Stopwatch.StartNew();
        if (await HasClientsAsync(ct)) return NotLoaded();

        var now = clock.UtcNow;
        var set = DemoDataGenerator.Generate(clientCount, seed, clock.Today, now);
        // Password hashing is deliberately slow; done up front, in parallel, it keeps the write transaction short.
        var staff = await Task.WhenAll(set.Staff.Select(s => Task.Run(() => NewStaffUser(s), ct)));
        var writeStarted = stopwatch.Elapsed;
        var result = await db.InTransactionAsync(async (connection, transaction) =>
        {
            // Checked again inside the transaction: another process may have loaded meanwhile.
            if (await connection.ExecuteScalarAsync<int>(DemoSql.CountClients, transaction: transaction) > 0) return null;

            var staffIds = await EnsureStaffAsync(connection, transaction, staff, now);
            var (keyPersons, contracts) = await InsertClientsAsync(connection, transaction, set.Clients, staffIds, now, ct);
            await audit.RecordAsync(connection, transaction,
                new AuditEntry("Client", "*", "DemoLoaded", CodedText.Encode(AuditSummaries.DemoLoaded, set.Clients.Count)), null, Actor);
            return new DemoLoadResult(true, set.Clients.Count, keyPersons, contracts, TimeSpan.Zero, TimeSpan.Zero);
        }, ct);

        if (result is null) return NotLoaded();
        result = result with { Elapsed = stopwatch.Elapsed, WriteElapsed = stopwatch.Elapsed - writeStarted };
        logger.LogInformation(
            "Demo data loaded: {Clients} clients, {KeyPersons} key persons, {Contracts} contracts in {Milliseconds} ms ({WriteMilliseconds} ms writing).",
            result.Clients, result.KeyPersons, result.Contracts, (int)result.Elapsed.TotalMilliseconds, (int)result.WriteElapsed.TotalMilliseconds);
        return result;
    }

    private async Task<bool> HasClientsAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(DemoSql.CountClients, cancellationToken: ct)) > 0;
    }

    private DemoLoadResult NotLoaded()
    {
        logger.LogInformation("Demo data not loaded: the Clients table already has rows.");
        return new DemoLoadResult(false, 0, 0, 0, TimeSpan.Zero, TimeSpan.Zero);
    }

    /// <summary>
    /// Demo staff get random passwords nobody knows and must change them: an administrator resets one
    /// to hand the account out.
    /// </summary>
    private StaffUser NewStaffUser(DemoStaff staff)
    {
        var user = new StaffUser
        {
            UserName = staff.UserName,
            DisplayName = staff.DisplayName,
            Email = staff.Email,
            PasswordHash = "",
            SecurityStamp = UserAccounts.NewSecurityStamp(),
            MustChangePassword = true,
            Roles = [staff.Role],
        };
        return user with { PasswordHash = hasher.HashPassword(user, Convert.ToBase64String(RandomNumberGenerator.GetBytes(24))) };
    }

    /// <summary>Inserts the demo staff who do not exist yet; returns the ids of all of them.</summary>
    private async Task<int[]> EnsureStaffAsync(DbConnection connection, DbTransaction transaction, StaffUser[] staff, DateTimeOffset now)
    {
        var ids = new int[staff.Length];
        for (var i = 0; i < staff.Length; i++)
        {
            var existing = await connection.ExecuteScalarAsync<int?>(DemoSql.FindUserId, new { staff[i].UserName }, transaction);
            ids[i] = existing ?? await UserAccounts.InsertAsync(connection, transaction, db.Dialect, staff[i], now, Actor);
        }

        return ids;
    }

    private async Task<(int KeyPersons, int Contracts)> InsertClientsAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<DemoClient> clients, int[] staffIds, DateTimeOffset now, CancellationToken ct)
    {
        using var writer = new ClientBulkWriter(connection, transaction, db.Dialect, Actor);
        var clientIds = new int[clients.Count];
        var keyPersons = 0;
        var contracts = 0;
        for (var i = 0; i < clients.Count; i++)
        {
            var client = clients[i];
            // Stamped with its generated last change, so the list's "updated" order looks lived in.
            clientIds[i] = await writer.AddClientAsync(new NewClientRecord(
                client.Name, client.NameKana, client.Kind, client.Segment, client.EligiblePopulation, client.CsType, [Enum.Parse<CsStyle>(client.CsStyle)], client.TouchModel,
                client.CsOwnerIndex is { } cs ? staffIds[cs] : null, client.BizDevOwnerIndex is { } bizDev ? staffIds[bizDev] : null,
                client.ParentIndex is { } parent ? clientIds[parent] : null, client.Notes), client.UpdatedAt, ct);

            foreach (var person in client.KeyPersons)
            {
                keyPersons += await writer.AddKeyPersonAsync(clientIds[i], new NewKeyPersonRecord(person.Name, person.Title, person.Role, person.Email, person.Phone), now, ct);
            }

            foreach (var contract in client.Contracts)
            {
                contracts += await writer.AddContractAsync(clientIds[i], new NewContractRecord(
                    contract.ProgramName, contract.Seats, contract.PricePerSeatJpy, contract.StartDate, contract.EndDate, contract.AutoRenew, contract.Status,
                    contract.EligiblePopulation, contract.EligiblePopulationAsOf, contract.FeePerIttSuccessJpy, contract.FeePerVerifiedSuccessJpy), now, ct);
            }
        }

        return (keyPersons, contracts);
    }
}
