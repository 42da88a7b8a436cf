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
public sealed class RosterImportWorker(IServiceScopeFactory scopes, ImportQueueSignal signal, TimeProvider time, ILogger<RosterImportWorker> logger)
    : BackgroundService
{
    /// <summary>Far longer than any check or commit takes; work claimed longer ago than this was lost with its process.</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan LookEvery = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
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
    }

    private async Task<bool> RunNextAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Db>();
        QueuedImport? next;
        await using (var connection = await db.OpenAsync(ct))
        {
            var now = time.GetUtcNow();
            await connection.ExecuteAsync(new CommandDefinition(ImportsSql.RequeueAbandoned, new { Now = now, AbandonedBefore = now - AbandonedAfter }, cancellationToken: ct));
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
