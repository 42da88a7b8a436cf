using Dapper;
using ProgramOps.TestSupport;
using ProgramOps.Web.Features.Events;

namespace ProgramOps.DataTests.Events;

/// <summary>Batches that wait for SQLite's writer together share one transaction, each in a savepoint of its own.</summary>
public sealed class EventBatchCommitsTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Batches_queued_together_are_committed_together_and_a_failing_one_takes_back_only_its_own_writes()
    {
        var db = _database.Db;
        await using (var c = await db.OpenAsync()) await c.ExecuteAsync("CREATE TABLE GroupCommitProbe (Batch INTEGER NOT NULL)");
        var commits = new EventBatchCommits(db);

        Task<int> Batch(int number, bool fails) => commits.RunAsync(1, async (c, t) =>
        {
            await c.ExecuteAsync("INSERT INTO GroupCommitProbe (Batch) VALUES (@number)", new { number }, t);
            if (fails) throw new InvalidOperationException($"batch {number} fails after its write");
            // Each batch sees the ones before it in the shared transaction, as it would after their commits.
            return await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM GroupCommitProbe", transaction: t);
        }, CancellationToken.None);

        List<Task<int>> batches;
        await using (await db.BeginWriteAsync())
        {
            batches = [Batch(1, fails: false), Batch(2, fails: true), Batch(3, fails: false)];
            await WaitUntilAsync(() => db.WritersWaiting);
            Assert.All(batches, b => Assert.False(b.IsCompleted));
        }

        Assert.Equal(1, await batches[0]);
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => batches[1]);
        Assert.Contains("batch 2", failure.Message);
        Assert.Equal(2, await batches[2]);
        await using var read = await db.OpenAsync();
        Assert.Equal([1, 3], await read.QueryAsync<int>("SELECT Batch FROM GroupCommitProbe ORDER BY Batch"));
    }

    [Fact]
    public async Task A_batch_whose_request_was_cancelled_while_it_waited_writes_nothing_and_the_others_go_on()
    {
        var db = _database.Db;
        await using (var c = await db.OpenAsync()) await c.ExecuteAsync("CREATE TABLE GroupCommitProbe (Batch INTEGER NOT NULL)");
        var commits = new EventBatchCommits(db);
        using var cancelled = new CancellationTokenSource();

        Task<int> Batch(int number, CancellationToken ct) => commits.RunAsync(1,
            (c, t) => c.ExecuteAsync("INSERT INTO GroupCommitProbe (Batch) VALUES (@number)", new { number }, t), ct);

        Task<int> first, second;
        await using (await db.BeginWriteAsync())
        {
            (first, second) = (Batch(1, cancelled.Token), Batch(2, CancellationToken.None));
            await WaitUntilAsync(() => db.WritersWaiting);
            await cancelled.CancelAsync();
        }

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        Assert.Equal(1, await second);
        await using var read = await db.OpenAsync();
        Assert.Equal([2], await read.QueryAsync<int>("SELECT Batch FROM GroupCommitProbe"));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++) await Task.Delay(10);
        Assert.True(condition(), "the queue never waited for the writer");
    }
}
