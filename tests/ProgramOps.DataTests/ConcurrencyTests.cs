using Dapper;
using ProgramOps.TestSupport;
using ProgramOps.Web.Infrastructure.Audit;

namespace ProgramOps.DataTests;

/// <summary>Many writers on one SQLite file queue on the write lock (BEGIN IMMEDIATE + busy timeout) instead of failing.</summary>
public sealed class ConcurrencyTests : IDisposable
{
    private const int Writers = 8;
    private const int TransactionsPerWriter = 50;

    private readonly TestDatabase _database = new();

    [Fact]
    public async Task Parallel_short_write_transactions_all_commit()
    {
        var audit = new AuditTrail(new FixedCurrentUser(), TimeProvider.System);

        var writers = Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < TransactionsPerWriter; i++)
            {
                await _database.Db.InTransactionAsync(async (c, t) =>
                {
                    // Read then write in one transaction: the pattern that deadlocks under deferred transactions.
                    await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM AuditLog", transaction: t);
                    await audit.RecordAsync(c, t, new AuditEntry("Load", $"{writer}-{i}", "Written"));
                }, TestContext.Current.CancellationToken);
            }
        }));
        await Task.WhenAll(writers);

        await using var connection = await _database.Db.OpenAsync();
        Assert.Equal(Writers * TransactionsPerWriter, await connection.ExecuteScalarAsync<int>("SELECT COUNT(DISTINCT EntityId) FROM AuditLog WHERE EntityType = 'Load'"));
    }

    public void Dispose() => _database.Dispose();
}
