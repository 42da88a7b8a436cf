using ProgramOps.Web.Features.Cohorts.Imports;
using ProgramOps.Web.Infrastructure.Jobs;

namespace ProgramOps.Web.Features.Home;

/// <summary>What an administrator must look at: jobs whose last run failed, failed imports, idle or failing API keys, users locked out.</summary>
public sealed record AdminHome(
    IReadOnlyList<AdminHome.FailedJob> FailedJobs, IReadOnlyList<AdminHome.FailedImport> FailedImports,
    IReadOnlyList<AdminHome.IdleKey> IdleKeys, IReadOnlyList<AdminHome.FailingKey> FailingKeys, IReadOnlyList<AdminHome.LockedUser> LockedUsers)
{
    /// <summary>Failed imports of the last this many days are shown.</summary>
    public const int FailedImportDays = 14;

    /// <summary>A key the app has not used for this long is idle: the integration has probably stopped sending.</summary>
    public static readonly TimeSpan KeyIdleAfter = TimeSpan.FromDays(1);

    public sealed record FailedJob
    {
        public required string JobName { get; init; }
        public DateTimeOffset StartedAt { get; init; }
        public string? Error { get; init; }
    }

    public sealed record FailedImport
    {
        public int Id { get; init; }
        public int CohortId { get; init; }
        public required string CohortName { get; init; }
        public required string FileName { get; init; }
        public string? FailureReason { get; init; }
        public DateTimeOffset UploadedAt { get; init; }

        /// <summary>Why it failed, as the import page words it.</summary>
        public ImportNotice? Notice => ImportNotice.FromJson(FailureReason);
    }

    public sealed record IdleKey
    {
        public int Id { get; init; }
        public required string Name { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset? LastUsedAt { get; init; }
    }

    /// <summary>A key whose integration has had calls refused within <see cref="KeyIdleAfter"/>: it is sending, but wrongly.</summary>
    public sealed record FailingKey
    {
        public int Id { get; init; }
        public required string Name { get; init; }
        public int RejectedCalls { get; init; }
        public DateTimeOffset LastRejectedAt { get; init; }
        public required string LastRejection { get; init; }
    }

    public sealed record LockedUser
    {
        public int Id { get; init; }
        public required string UserName { get; init; }
        public required string DisplayName { get; init; }
        public DateTimeOffset LockedUntil { get; init; }
    }

    /// <summary>Jobs whose latest run failed (a later success clears them), described in the reader's language.</summary>
    public static async Task<AdminHome> LoadAsync(DbConnection c, DateTimeOffset now, CancellationToken ct) => new(
        [.. (await c.QueryAsync<FailedJob>(new CommandDefinition(JobRunsSql.Latest, cancellationToken: ct))).Where(r => r.Error is not null).OrderByDescending(r => r.StartedAt)],
        (await c.QueryAsync<FailedImport>(new CommandDefinition(HomeSql.FailedImports, new { Since = now.AddDays(-FailedImportDays) }, cancellationToken: ct))).AsList(),
        (await c.QueryAsync<IdleKey>(new CommandDefinition(HomeSql.IdleApiKeys, new { Since = now - KeyIdleAfter }, cancellationToken: ct))).AsList(),
        (await c.QueryAsync<FailingKey>(new CommandDefinition(HomeSql.FailingApiKeys, new { Since = now - KeyIdleAfter }, cancellationToken: ct))).AsList(),
        (await c.QueryAsync<LockedUser>(new CommandDefinition(HomeSql.LockedOutUsers, new { Now = now }, cancellationToken: ct))).AsList());
}
