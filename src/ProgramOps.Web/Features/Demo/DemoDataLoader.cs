using System.Data;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using ProgramOps.Web.Features.Account;

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
            var (keyPersons, contracts) = InsertClients(connection, transaction, set.Clients, staffIds, now);
            await audit.RecordAsync(connection, transaction,
                new AuditEntry("Client", "*", "DemoLoaded", $"Demo data loaded: {set.Clients.Count} clients"), null, Actor);
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

    /// <summary>
    /// Synchronous and fully optimised from the first call: the loop runs tens of thousands of times once
    /// per process, so waiting for tiered compilation to promote it would cost more than the inserts.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (int KeyPersons, int Contracts) InsertClients(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<DemoClient> clients, int[] staffIds, DateTimeOffset now)
    {
        using var insertClient = new PreparedCommand(connection, transaction, DemoSql.InsertClient(db.Dialect),
            ("Name", DbType.String), ("NameKana", DbType.String), ("Kind", DbType.String), ("Segment", DbType.String),
            ("EligiblePopulation", DbType.Int32), ("CsType", DbType.String), ("CsStyle", DbType.String),
            ("TouchModel", DbType.String), ("CsOwnerId", DbType.Int32), ("BizDevOwnerId", DbType.Int32),
            ("ParentClientId", DbType.Int32), ("Notes", DbType.String), ("CreatedAt", DbType.String),
            ("UpdatedAt", DbType.String), ("UpdatedBy", DbType.String));
        using var insertKeyPerson = new PreparedCommand(connection, transaction, DemoSql.InsertKeyPerson,
            ("ClientId", DbType.Int32), ("Name", DbType.String), ("Title", DbType.String), ("Role", DbType.String),
            ("Email", DbType.String), ("Phone", DbType.String), ("CreatedAt", DbType.String),
            ("UpdatedAt", DbType.String), ("UpdatedBy", DbType.String));
        using var insertContract = new PreparedCommand(connection, transaction, DemoSql.InsertContract,
            ("ClientId", DbType.Int32), ("ProgramName", DbType.String), ("Seats", DbType.Int32),
            ("PricePerSeatJpy", DbType.Int32), ("StartDate", DbType.String), ("EndDate", DbType.String),
            ("AutoRenew", DbType.Boolean), ("Status", DbType.String), ("CreatedAt", DbType.String),
            ("UpdatedAt", DbType.String), ("UpdatedBy", DbType.String));
        foreach (var insert in new[] { insertClient, insertKeyPerson, insertContract }) insert.Set("UpdatedBy", Actor);

        var loadedAt = Timestamp(now);
        var clientIds = new int[clients.Count];
        var keyPersons = 0;
        var contracts = 0;
        for (var i = 0; i < clients.Count; i++)
        {
            var client = clients[i];
            clientIds[i] = insertClient
                .Set("Name", client.Name).Set("NameKana", client.NameKana).Set("Kind", client.Kind)
                .Set("Segment", client.Segment).Set("EligiblePopulation", client.EligiblePopulation)
                .Set("CsType", client.CsType).Set("CsStyle", client.CsStyle).Set("TouchModel", client.TouchModel)
                .Set("CsOwnerId", client.CsOwnerIndex is { } cs ? staffIds[cs] : null)
                .Set("BizDevOwnerId", client.BizDevOwnerIndex is { } bizDev ? staffIds[bizDev] : null)
                .Set("ParentClientId", client.ParentIndex is { } parent ? clientIds[parent] : null)
                .Set("Notes", client.Notes)
                .Set("CreatedAt", Timestamp(client.CreatedAt)).Set("UpdatedAt", Timestamp(client.UpdatedAt))
                .ExecuteScalar();

            foreach (var person in client.KeyPersons)
            {
                keyPersons += insertKeyPerson
                    .Set("ClientId", clientIds[i]).Set("Name", person.Name).Set("Title", person.Title)
                    .Set("Role", person.Role).Set("Email", person.Email).Set("Phone", person.Phone)
                    .Set("CreatedAt", loadedAt).Set("UpdatedAt", loadedAt)
                    .Execute();
            }

            foreach (var contract in client.Contracts)
            {
                contracts += insertContract
                    .Set("ClientId", clientIds[i]).Set("ProgramName", contract.ProgramName).Set("Seats", contract.Seats)
                    .Set("PricePerSeatJpy", contract.PricePerSeatJpy).Set("StartDate", Date(contract.StartDate))
                    .Set("EndDate", Date(contract.EndDate)).Set("AutoRenew", contract.AutoRenew).Set("Status", contract.Status)
                    .Set("CreatedAt", loadedAt).Set("UpdatedAt", loadedAt)
                    .Execute();
            }
        }

        return (keyPersons, contracts);
    }

    // ISO-8601 text, as DbTypeHandlers stores them; SQL Server converts the same text implicitly.
    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Timestamp(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
