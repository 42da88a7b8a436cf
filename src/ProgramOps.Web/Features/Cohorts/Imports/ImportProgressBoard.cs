using System.Collections.Concurrent;

namespace ProgramOps.Web.Features.Cohorts.Imports;

/// <summary>
/// How far the worker is through each running import, as a fraction: kept in memory, because a commit is one
/// transaction whose progress nobody else could read from the database until it is over.
/// </summary>
public sealed class ImportProgressBoard
{
    private readonly ConcurrentDictionary<int, double> running = new();

    public void Report(int importId, double fraction) => running[importId] = Math.Clamp(fraction, 0, 1);

    public void Finish(int importId) => running.TryRemove(importId, out _);

    /// <summary>The fraction done, or null when this node is not running the import.</summary>
    public double? Of(int importId) => running.TryGetValue(importId, out var fraction) ? fraction : null;
}
