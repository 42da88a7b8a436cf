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

/// <summary>Counts a selection's funnel from the reporting read model, grouped by the database, placed by <see cref="FunnelClassifier"/>.</summary>
public sealed class FunnelExplorer(Db db, LocalClock clock)
{
    public sealed class Group
    {
        public DateOnly StartDate { get; init; }
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

        public int[] CheckedInPerWeek => [W1, W2, W3, W4, W5, W6, W7, W8, W9, W10, W11, W12, W13];
    }

    public async Task<FunnelReading> ReadAsync(FunnelSelection selection, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var groups = await connection.QueryAsync<Group>(new CommandDefinition(
            FunnelSql.Groups(db.Dialect, selection.Filters), selection.Parameters(), commandTimeout: 120, cancellationToken: ct));
        return Read(groups, clock.Today);
    }

    /// <summary>Places each group and adds it up: the funnel's steps and, per week, starters who checked in over starters whose cohort reached the week.</summary>
    public static FunnelReading Read(IEnumerable<Group> groups, DateOnly today)
    {
        var placed = new List<(FunnelPlace, int)>();
        var checkedIn = new int[FunnelSql.CurveWeeks];
        var started = new int[FunnelSql.CurveWeeks];
        foreach (var group in groups)
        {
            var weekToday = Programs.ProgramWeek.Of(group.StartDate, today) ?? 0;
            var place = FunnelClassifier.Place(group.State, group.ExitedFrom, group.ExitWeek, weekToday);
            placed.Add((place, group.People));
            if (place.Furthest < FunnelStage.Week1) continue;
            var perWeek = group.CheckedInPerWeek;
            for (var w = 0; w < Math.Min(weekToday, FunnelSql.CurveWeeks); w++)
            {
                started[w] += group.People;
                checkedIn[w] += perWeek[w];
            }
        }

        var curve = Enumerable.Range(0, FunnelSql.CurveWeeks).Where(w => started[w] > 0).Select(w => (w + 1, new Rate(checkedIn[w], started[w]))).ToList();
        return new FunnelReading(FunnelSteps.Count(placed), curve);
    }
}
