namespace ProgramOps.Web.Features.Events;

/// <summary>
/// Group commit for event batches on SQLite: batches that wait for its one writer at the same time are applied in one
/// transaction, one after the other, each in a savepoint of its own — so a batch that fails takes back only its own
/// writes, and the others are committed with one commit instead of one each. On SQL Server, whose writers do not queue,
/// each batch keeps a transaction of its own.
/// </summary>
/// <remarks>
/// A commit (its sync to disk) and what a transaction sets up cost as much as a good part of a batch's own writes, so
/// while several senders wait, sharing them raises the rate. Batches are applied in the order they came; each sees the
/// ones before it (its work re-reads what changed), as it would in transactions of their own.
/// </remarks>
public sealed class EventBatchCommits(Db db)
{
    /// <summary>A group holds the writer this long at most, about: the writers behind it (staff saves) wait briefly.</summary>
    public const int MaxEventsPerCommit = 2_000;

    private readonly Lock _lock = new();
    private readonly Queue<Pending> _pending = new();
    private bool _draining;

    /// <summary>Runs <paramref name="work"/> (a batch of <paramref name="events"/> events) in a transaction, maybe shared with other batches.</summary>
    public async Task<T> RunAsync<T>(int events, Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken ct)
    {
        if (db.Provider != DatabaseProvider.Sqlite) return await db.InTransactionAsync(work, ct);

        var pending = new Pending<T>(events, work, ct);
        bool start;
        lock (_lock)
        {
            _pending.Enqueue(pending);
            start = !_draining;
            _draining = true;
        }

        // The queue is drained apart from any request, so no sender's answer waits for other senders' batches after its own.
        if (start) _ = Task.Run(DrainAsync, CancellationToken.None);
        return await pending.Result.Task;
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            DbWrite write;
            try
            {
                write = await db.BeginWriteAsync(CancellationToken.None);
            }
            catch (Exception e)
            {
                if (TakeGroup() is not { } refused) return;
                foreach (var pending in refused) pending.Fail(e);
                continue;
            }

            // Taken in the writer's turn: every batch that queued while it waited goes in.
            var group = TakeGroup();
            try
            {
                if (group is not null) await CommitAsync(write, group);
            }
            catch (Exception e)
            {
                // The commit failed: no batch of the group was written.
                foreach (var pending in group!) pending.Fail(e);
            }
            finally
            {
                await DisposeQuietlyAsync(write);
            }

            if (group is null) return;
        }
    }

    /// <summary>The group's batches have their answers by now: a failed rollback of an empty turn must not stop the queue.</summary>
    private static async Task DisposeQuietlyAsync(DbWrite write)
    {
        try
        {
            await write.DisposeAsync();
        }
        catch (DbException)
        {
            // The connection is closed with the transaction; the next group opens its own.
        }
    }

    /// <returns>The batches queued now, up to <see cref="MaxEventsPerCommit"/> events (at least one batch), or null when none wait.</returns>
    private List<Pending>? TakeGroup()
    {
        lock (_lock)
        {
            if (_pending.Count == 0)
            {
                _draining = false;
                return null;
            }

            var group = new List<Pending> { _pending.Dequeue() };
            var events = group[0].Events;
            while (_pending.TryPeek(out var next) && events + next.Events <= MaxEventsPerCommit)
            {
                events += next.Events;
                group.Add(_pending.Dequeue());
            }

            return group;
        }
    }

    private static async Task CommitAsync(DbWrite write, List<Pending> group)
    {
        var applied = new List<Pending>(group.Count);
        for (var i = 0; i < group.Count; i++)
        {
            var savepoint = $"batch{i}";
            await write.Transaction.SaveAsync(savepoint);
            try
            {
                await group[i].ApplyAsync(write.Connection, write.Transaction);
                await write.Transaction.ReleaseAsync(savepoint);
                applied.Add(group[i]);
            }
            catch (Exception e)
            {
                await write.Transaction.RollbackAsync(savepoint);
                await write.Transaction.ReleaseAsync(savepoint);
                group[i].Fail(e);
            }
        }

        await write.CommitAsync(CancellationToken.None);
        foreach (var pending in applied) pending.Complete();
    }

    private abstract class Pending(int events)
    {
        public int Events { get; } = events;

        public abstract Task ApplyAsync(DbConnection c, DbTransaction t);

        public abstract void Complete();

        public abstract void Fail(Exception e);
    }

    private sealed class Pending<T>(int events, Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken ct) : Pending(events)
    {
        private T _value = default!;

        public TaskCompletionSource<T> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async Task ApplyAsync(DbConnection c, DbTransaction t)
        {
            ct.ThrowIfCancellationRequested();
            _value = await work(c, t);
        }

        public override void Complete() => Result.TrySetResult(_value);

        public override void Fail(Exception e)
        {
            if (e is OperationCanceledException && ct.IsCancellationRequested) Result.TrySetCanceled(ct);
            else Result.TrySetException(e);
        }
    }
}
