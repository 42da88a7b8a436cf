namespace ProgramOps.Web.Features.Home;

/// <summary>What a reader (Viewer) follows: the cohorts under way with counts only (no person), and the renewals coming.</summary>
public sealed record ReadOnlyHome(IReadOnlyList<CsHome.Cohort> Cohorts, IReadOnlyList<Renewal> Renewals)
{
    public const int RenewalsShown = 20;

    public static async Task<ReadOnlyHome> LoadAsync(DbConnection c, SqlDialect dialect, DateOnly today, CancellationToken ct) =>
        new(await CsHome.CohortsAsync(c, null, today, ct), await Renewal.UpcomingAsync(c, dialect, null, today, RenewalsShown, ct));
}
