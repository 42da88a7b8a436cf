using ProgramOps.Web.Features.Funnel;
using ProgramOps.Web.Features.Outcomes;
using ProgramOps.Web.Features.Participants;
using ProgramOps.Web.Features.Programs;

namespace ProgramOps.Web.Features.Initiatives;

/// <summary>One participant as the decay watch reads them from the reporting read model (no personal data).</summary>
public sealed record MeasuredPerson
{
    public long Id { get; init; }
    public int CohortId { get; init; }
    public long? TeamId { get; init; }
    public ParticipantState State { get; init; }
    public ParticipantState? ExitedFrom { get; init; }
    public int StateChangedWeek { get; init; }
    public string? CheckInWeeks { get; init; }
    public DateOnly CohortStart { get; init; }
    public int ProgramVersionId { get; init; }
}

/// <summary>What an initiative is measured by, as created.</summary>
public sealed record InitiativeDesign(
    MetricKind Metric, FunnelStage? Stage, int? FromWeek, int? ToWeek, BaselineKind Baseline, int? BaselineWeeks, DateOnly Start, double Share);

/// <summary>
/// An initiative's effect week by week, without I/O. Weeks are calendar weeks (Monday to Sunday, Tokyo) from the week of
/// the start, and only whole weeks that have ended count. What a participant adds to a week:
/// <list type="bullet">
/// <item>a check-in rate of program weeks <c>from</c>–<c>to</c>: each starter of a cohort whose program week (at the
/// week's Monday) lies in the range and has ended, checked in that week or not (those who left count as not, as in the
/// funnel explorer's curve);</item>
/// <item>a step's conversion: the people of the cohorts that started that week whose path through the step is decided,
/// reached or lost (a step is decided once per cohort, so the series runs over cohorts' start weeks).</item>
/// </list>
/// A team experiment compares its arms' teams week by week (cluster-aware); a before/after design compares the scope from
/// the start with the program's participants in the baseline weeks before it, pooled.
/// </summary>
public static class InitiativeMeasure
{
    /// <summary>Weeks in the rolling window: a month of weekly check-ins or cohort starts per point.</summary>
    public const int WindowWeeks = 4;

    public static DateOnly WeekOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>The whole calendar weeks from the week of <paramref name="start"/> that have ended before <paramref name="today"/>.</summary>
    public static int EndedWeeks(DateOnly start, DateOnly today) => Math.Max(0, (WeekOf(today).DayNumber - WeekOf(start).DayNumber) / 7);

    public static IReadOnlyList<EffectPoint> TeamExperiment(InitiativeDesign design, IReadOnlyList<MeasuredPerson> people, IReadOnlyDictionary<long, Arm> arms, DateOnly today)
    {
        var first = WeekOf(design.Start);
        var weeks = Enumerable.Range(0, EndedWeeks(design.Start, today)).Select(k =>
        {
            var monday = first.AddDays(7 * k);
            var treatment = new Dictionary<long, Rate>();
            var control = new Dictionary<long, Rate>();
            foreach (var person in people)
            {
                if (person.TeamId is not { } team || !arms.TryGetValue(team, out var arm) || Observe(design, person, monday, today) is not { } seen) continue;
                var counts = arm == Arm.Treatment ? treatment : control;
                counts[team] = Add(counts.GetValueOrDefault(team, new Rate(0, 0)), seen);
            }

            return new WeekCounts(treatment, control);
        }).ToList();
        return DecayWatch.Points(weeks, WindowWeeks, byTeam: true, design.Share);
    }

    /// <param name="scope">The participants of the cohorts the initiative applies to.</param>
    /// <param name="program">The participants of the program, for the baseline before the start.</param>
    public static IReadOnlyList<EffectPoint> BeforeAfter(InitiativeDesign design, IReadOnlyList<MeasuredPerson> scope, IReadOnlyList<MeasuredPerson> program, DateOnly today)
    {
        var first = WeekOf(design.Start);
        var weeks = Enumerable.Range(0, EndedWeeks(design.Start, today)).Select(k => Sum(scope, design, first.AddDays(7 * k), today)).ToList();
        var baseline = Enumerable.Range(1, design.BaselineWeeks ?? 0)
            .Select(back => Sum(program, design, first.AddDays(-7 * back), today))
            .Aggregate(new Rate(0, 0), Add);
        return DecayWatch.PointsAgainst(weeks, baseline, WindowWeeks, design.Share);
    }

    /// <summary>What one participant adds to the week starting on <paramref name="monday"/>: one observation, or none.</summary>
    public static Rate? Observe(InitiativeDesign design, MeasuredPerson person, DateOnly monday, DateOnly today) => design.Metric switch
    {
        MetricKind.CheckInRate => CheckIn(person, monday, design.FromWeek ?? 1, design.ToWeek ?? FunnelSql.CurveWeeks, today),
        _ => WeekOf(person.CohortStart) == monday && design.Stage is { } stage ? Step(person, stage, today) : null,
    };

    private static Rate? CheckIn(MeasuredPerson person, DateOnly monday, int from, int to, DateOnly today)
    {
        if (ProgramWeek.Of(person.CohortStart, monday) is not { } week || week < from || week > to) return null;
        if (ProgramWeek.Days(person.CohortStart, week).Before > today || Place(person, today).Furthest < FunnelStage.Week1) return null;
        var checkedIn = person.CheckInWeeks is { } weeks && weeks.Length >= week && weeks[week - 1] == '1';
        return new Rate(checkedIn ? 1 : 0, 1);
    }

    private static Rate? Step(MeasuredPerson person, FunnelStage stage, DateOnly today)
    {
        var place = Place(person, today);
        if (place.Furthest >= stage) return new Rate(1, 1);
        return place.Furthest == stage - 1 && place.Lost ? new Rate(0, 1) : null;
    }

    private static FunnelPlace Place(MeasuredPerson person, DateOnly today) =>
        FunnelClassifier.Place(person.State, person.ExitedFrom, person.StateChangedWeek, ProgramWeek.Of(person.CohortStart, today) ?? 0);

    private static Rate Sum(IEnumerable<MeasuredPerson> people, InitiativeDesign design, DateOnly monday, DateOnly today) =>
        people.Select(p => Observe(design, p, monday, today)).OfType<Rate>().Aggregate(new Rate(0, 0), Add);

    private static Rate Add(Rate a, Rate b) => new(a.Count + b.Count, a.Total + b.Total);
}
