using ProgramOps.Web.Features.Funnel;
using ProgramOps.Web.Features.Programs;

namespace ProgramOps.Web.Features.Outcomes;

/// <summary>
/// One program version's outcome over every cohort run on it, all clients together, counted by <see cref="OutcomeFigures.Build"/>
/// as a report counts it (ITT: succeeded ÷ enrolled, anyone lost to follow-up as not succeeded) and suppressed with the
/// default k. No I/O.
/// </summary>
public sealed record VersionOutcome(int Cohorts, int K, int? Enrolled, int? Completed, Rate? Itt)
{
    public static VersionOutcome Count(IReadOnlyList<ParticipantGroup> groups, OutcomeKind kind, int durationWeeks, int cohorts)
    {
        var figures = OutcomeFigures.Build(ReportInputs.OutcomesOnly(groups, kind, durationWeeks, []), SuppressionThreshold.Default);
        var itt = figures.Figures.ShownRate(FigureNames.Succeeded, FigureNames.Enrolled);
        return new VersionOutcome(cohorts, figures.K, figures.Shown(FigureNames.Enrolled), figures.Shown(FigureNames.Completed), itt is { Total: > 0 } ? itt : null);
    }

    /// <summary>The first ITT rate minus the second with Newcombe's interval; null unless both rates are shown.</summary>
    public static RateDifference? Difference(VersionOutcome first, VersionOutcome second) =>
        first.Itt is { } a && second.Itt is { } b ? RateDifference.Between(a, b) : null;
}

/// <summary>Reads a version's participants grouped as a report groups them, and counts them.</summary>
public sealed class VersionOutcomes(Db db)
{
    public async Task<VersionOutcome> ReadAsync(int versionId, ProgramDefinition program, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var cohortIds = (await c.QueryAsync<int>(new CommandDefinition(OutcomesSql.CohortsOfVersion, new { VersionId = versionId }, cancellationToken: ct))).ToArray();
        var groups = await OutcomeReports.GroupsAsync(c, cohortIds, null, ct);
        return VersionOutcome.Count(groups, OutcomeReports.KindOf(program), program.DurationWeeks, cohortIds.Length);
    }
}
