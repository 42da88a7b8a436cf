using ProgramOps.Web.Features.Outcomes;
using ProgramOps.Web.Features.Participants;
using ProgramOps.Web.Infrastructure.Time;

namespace ProgramOps.Web.Features.Funnel;

/// <summary>A selection's funnel: every stage with its conversion, and the share of starters who checked in each week.</summary>
public sealed record FunnelReading(IReadOnlyList<FunnelStep> Steps, IReadOnlyList<(int Week, Rate CheckedIn)> CheckIns)
{
    public int People => Steps[0].Reached;

    /// <summary>A step's conversion as a rate (with its interval); null for the first stage.</summary>
    public Rate? Conversion(FunnelStage stage) => Steps[(int)stage] is { Converted: { } converted, OutOf: { } outOf } ? new Rate(converted, outOf) : null;

    /// <summary>The stage reached by the smallest share of those decided at the stage before it: the step into it loses most.</summary>
    public FunnelStage? Worst => Steps.Skip(1).Where(s => s.OutOf > 0).MinBy(s => s.Conversion)?.Stage;
}

/// <summary>
/// Counts a selection's funnel from the reporting read model, grouped by the database and placed by
/// <see cref="FunnelClassifier"/>: those who stayed and those who left are two statements run side by side on two
/// connections, each counting its groups' check-ins in the same pass.
/// </summary>
public sealed class FunnelExplorer(Db db, LocalClock clock)
{
    /// <summary>People of one cohort placed alike, with how many of them checked in during each program week.</summary>
    public sealed class PlaceGroup
    {
        public int CohortId { get; init; }
        public ParticipantState State { get; init; }
        public ParticipantState? ExitedFrom { get; init; }
        public int ExitWeek { get; init; }
        public int People { get; init; }
        public int W1 { get; init; }
        public int W2 { get; init; }
        public int W3 { get; init; }
        public int W4 { get; init; }
        public int W5 { get; init; }
        public int W6 { get; init; }
        public int W7 { get; init; }
        public int W8 { get; init; }
        public int W9 { get; init; }
        public int W10 { get; init; }
        public int W11 { get; init; }
        public int W12 { get; init; }
        public int W13 { get; init; }

        public int[] CheckInsPerWeek => [W1, W2, W3, W4, W5, W6, W7, W8, W9, W10, W11, W12, W13];
    }

    /// <summary>A participant who left (or never joined), with what places them in the funnel.</summary>
    public sealed class Leaver
    {
        public long Id { get; init; }
        public int CohortId { get; init; }
        public ParticipantState State { get; init; }
        public ParticipantState? ExitedFrom { get; init; }
        public int ExitWeek { get; init; }
    }

    private sealed class CohortStart
    {
        public int Id { get; init; }
        public DateOnly StartDate { get; init; }
    }

    public async Task<FunnelReading> ReadAsync(FunnelSelection selection, CancellationToken ct)
    {
        var staying = QueryAsync<PlaceGroup>(FunnelSql.Staying(db.Dialect, selection.Filters), selection.Parameters(), ct);
        var leaving = QueryAsync<PlaceGroup>(FunnelSql.Leaving(db.Dialect, selection.Filters), selection.Parameters(), ct);
        var weekToday = await WeeksTodayAsync(ct);
        return Read([.. await staying, .. await leaving], weekToday);
    }

    /// <summary>The people of a selection placed at <paramref name="stage"/> and lost there, in id order: the drill-down's and the interview draw's pool.</summary>
    public async Task<List<Leaver>> LostAtAsync(FunnelSelection selection, FunnelStage stage, CancellationToken ct)
    {
        var leavers = QueryAsync<Leaver>(FunnelSql.Leavers(selection.Filters), selection.Parameters(), ct);
        var weekToday = await WeeksTodayAsync(ct);
        return LostAt(await leavers, stage, weekToday);
    }

    public static List<Leaver> LostAt(IEnumerable<Leaver> leavers, FunnelStage stage, IReadOnlyDictionary<int, int> weekToday) =>
        [.. leavers.Where(l => FunnelClassifier.Place(l.State, l.ExitedFrom, l.ExitWeek, weekToday.GetValueOrDefault(l.CohortId)) == new FunnelPlace(stage, true))];

    /// <summary>Every cohort's program week today (0 before its start).</summary>
    public async Task<Dictionary<int, int>> WeeksTodayAsync(CancellationToken ct) =>
        (await QueryAsync<CohortStart>(FunnelSql.CohortStarts, null, ct))
        .ToDictionary(c => c.Id, c => Programs.ProgramWeek.Of(c.StartDate, clock.Today) ?? 0);

    /// <summary>
    /// Places each group and adds it up: the funnel's steps and, per week, the starters who checked in over the starters of
    /// the cohorts that have reached the week (those who left count as not checked in).
    /// </summary>
    public static FunnelReading Read(IEnumerable<PlaceGroup> groups, IReadOnlyDictionary<int, int> weekToday)
    {
        var placed = new List<(FunnelPlace, int)>();
        var checkedIn = new int[FunnelSql.CurveWeeks];
        var started = new int[FunnelSql.CurveWeeks];
        foreach (var group in groups)
        {
            var week = weekToday.GetValueOrDefault(group.CohortId);
            var weeksReached = Math.Min(week, FunnelSql.CurveWeeks);
            var perWeek = group.CheckInsPerWeek;
            for (var w = 0; w < weeksReached; w++) checkedIn[w] += perWeek[w];

            var place = FunnelClassifier.Place(group.State, group.ExitedFrom, group.ExitWeek, week);
            placed.Add((place, group.People));
            if (place.Furthest < FunnelStage.Week1) continue;
            for (var w = 0; w < weeksReached; w++) started[w] += group.People;
        }

        var curve = Enumerable.Range(0, FunnelSql.CurveWeeks).Where(w => started[w] > 0).Select(w => (w + 1, new Rate(checkedIn[w], started[w]))).ToList();
        return new FunnelReading(FunnelSteps.Count(placed), curve);
    }

    /// <summary>
    /// Runs on a pool thread: Microsoft.Data.Sqlite's async calls complete synchronously, so without it the statements
    /// meant to run side by side would run one after the other.
    /// </summary>
    private Task<List<T>> QueryAsync<T>(string sql, object? parameters, CancellationToken ct) => Task.Run(async () =>
    {
        await using var connection = await db.OpenAsync(ct);
        return (List<T>)[.. await connection.QueryAsync<T>(new CommandDefinition(sql, parameters, commandTimeout: 120, cancellationToken: ct))];
    }, ct);
}
