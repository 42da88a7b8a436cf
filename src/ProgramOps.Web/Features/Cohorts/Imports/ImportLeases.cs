using System.Diagnostics;
using System.Globalization;

namespace ProgramOps.Web.Features.Cohorts.Imports;

/// <summary>Work a worker has in hand, as the queue records it.</summary>
public sealed record ClaimedImport
{
    public int Id { get; init; }
    public RosterImportStatus Status { get; init; }
    public string? ClaimedBy { get; init; }
    public DateTimeOffset? LeaseUntil { get; init; }
    public int Attempts { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>Who a worker is: its machine, its process and this start of it, as <c>machine/pid/instance</c>.</summary>
public sealed record ImportWorkerIdentity(string Machine, int ProcessId, string Instance)
{
    public static ImportWorkerIdentity OfThisProcess() =>
        new(Environment.MachineName, Environment.ProcessId, Guid.NewGuid().ToString("N")[..12]);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Machine}/{ProcessId}/{Instance}");

    public static ImportWorkerIdentity? Parse(string? text) =>
        text?.Split('/') is [var machine, var pid, var instance] && int.TryParse(pid, CultureInfo.InvariantCulture, out var processId)
            ? new ImportWorkerIdentity(machine, processId, instance)
            : null;

    /// <summary>Whether a process with the id runs on this machine (a recycled id only delays a reclaim to the lease's end).</summary>
    public static bool ProcessIsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}

/// <summary>
/// The rules of the import queue's leases (no I/O): a worker renews the lease on what it holds every
/// <see cref="RenewEvery"/>; work whose lease ran out, or whose worker's process on this machine is gone, is
/// reclaimed — at once when a worker starts after a crash, not after a fixed wait.
/// </summary>
public static class ImportLeases
{
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(60);

    public static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(15);

    /// <summary>Claims after which work that keeps losing its worker (a file that brings it down?) is left to a person.</summary>
    public const int MaxAttempts = 3;

    public static bool OwnerIsGone(ClaimedImport claim, DateTimeOffset now, ImportWorkerIdentity self, Func<int, bool> processIsRunning)
    {
        if (claim.LeaseUntil is { } until) return until < now || OwnerProcessEnded(claim, self, processIsRunning);
        // Claimed before leases existed: the old rule's ten minutes.
        return claim.UpdatedAt < now - TimeSpan.FromMinutes(10);
    }

    /// <summary>Where reclaimed work goes, and what its page then says.</summary>
    public static (RosterImportStatus To, ImportNotice Notice) Reclaim(ClaimedImport claim, DateTimeOffset now)
    {
        if (claim.Attempts < MaxAttempts)
        {
            var to = claim.Status == RosterImportStatus.Committing ? RosterImportStatus.CommitQueued : RosterImportStatus.Queued;
            return (to, new ImportNotice(ImportNoticeCode.Interrupted, Attempts: claim.Attempts, At: now));
        }

        // A commit stopped too often goes back to its preview, to be enrolled again from its last slice; a check fails.
        var back = claim.Status == RosterImportStatus.Committing ? RosterImportStatus.Previewed : RosterImportStatus.Failed;
        return (back, new ImportNotice(ImportNoticeCode.InterruptedRepeatedly, Attempts: claim.Attempts, At: now));
    }

    private static bool OwnerProcessEnded(ClaimedImport claim, ImportWorkerIdentity self, Func<int, bool> processIsRunning) =>
        ImportWorkerIdentity.Parse(claim.ClaimedBy) is { } owner
        && owner.Machine == self.Machine
        && owner.ProcessId != self.ProcessId
        && !processIsRunning(owner.ProcessId);
}
