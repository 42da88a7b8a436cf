using System.Threading.Channels;

namespace ProgramOps.Web.Features.Cohorts.Imports;

/// <summary>Wakes the import worker when an upload or a commit is queued, instead of waiting for its next look.</summary>
public sealed class ImportQueueSignal
{
    private readonly Channel<bool> wakeUps = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Wake() => wakeUps.Writer.TryWrite(true);

    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timer.CancelAfter(timeout);
        try
        {
            await wakeUps.Reader.ReadAsync(timer.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // The timeout: time for a look at the queue anyway.
        }
    }
}

/// <summary>
/// Runs queued imports one at a time, off the request threads, so a 100,000-row roster neither times out a
/// request nor holds up other users' pages. The queue is the RosterImports table: with several web nodes on one
/// SQL Server each worker claims an import by moving its status, and only one can.
/// </summary>
public sealed class RosterImportWorker(
    IServiceScopeFactory scopes, ImportQueueSignal signal, TimeProvider time, ImportWorkerIdentity self, ILogger<RosterImportWorker> logger)
    : BackgroundService
{
    private static readonly TimeSpan LookEvery = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var heartbeat = RenewLeasesAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await RunNextAsync(stoppingToken)) { }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The roster import worker could not read its queue");
            }

            await signal.WaitAsync(LookEvery, stoppingToken);
        }

        await heartbeat;
    }

    /// <summary>Keeps this worker's leases alive while it works, so no other worker takes its work.</summary>
    private async Task RenewLeasesAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(ImportLeases.RenewEvery, time);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var db = scope.ServiceProvider.GetRequiredService<Db>();
                    await db.InTransactionAsync((c, t) => c.ExecuteAsync(new CommandDefinition(ImportsSql.RenewLeases,
                        new { Worker = self.ToString(), LeaseUntil = time.GetUtcNow() + ImportLeases.Duration }, t, cancellationToken: ct)), ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "The roster import worker could not renew its leases");
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    /// <summary>Puts back in the queue the work of workers that are gone, saying so on each import's page.</summary>
    private async Task ReclaimAsync(Db db, DbConnection connection, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var claimed = await connection.QueryAsync<ClaimedImport>(new CommandDefinition(ImportsSql.Claimed, cancellationToken: ct));
        foreach (var claim in claimed.Where(c => c.ClaimedBy != self.ToString() && ImportLeases.OwnerIsGone(c, now, self, ImportWorkerIdentity.ProcessIsRunning)))
        {
            var (to, notice) = ImportLeases.Reclaim(claim, now);
            var reclaimed = await db.InTransactionAsync((c, t) => c.ExecuteAsync(new CommandDefinition(ImportsSql.Reclaim, new
            {
                claim.Id, From = claim.Status.ToString(), To = to.ToString(), claim.Attempts, FailureReason = notice.ToJson(), Now = now,
            }, t, cancellationToken: ct)), ct);
            if (reclaimed == 1) logger.LogWarning("Roster import {ImportId} lost its worker {Worker} while {Status}; now {To}", claim.Id, claim.ClaimedBy, claim.Status, to);
        }
    }

    private async Task<bool> RunNextAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Db>();
        QueuedImport? next;
        await using (var connection = await db.OpenAsync(ct))
        {
            await ReclaimAsync(db, connection, ct);
            next = await connection.QuerySingleOrDefaultAsync<QueuedImport>(new CommandDefinition(
                ImportsSql.NextQueued(db.Dialect), new { Skip = 0, Take = 1 }, cancellationToken: ct));
        }

        if (next is null) return false;
        await scope.ServiceProvider.GetRequiredService<RosterImportProcessor>().RunAsync(next.Id, next.Status, ct);
        return true;
    }
}

internal sealed record QueuedImport
{
    public int Id { get; init; }
    public RosterImportStatus Status { get; init; }
}
