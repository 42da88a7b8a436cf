using ProgramOps.Web.Features.Funnel;
using ProgramOps.Web.Features.Initiatives;
using ProgramOps.Web.Features.Outcomes;
using ProgramOps.Web.Features.Participants;

namespace ProgramOps.UnitTests.Initiatives;

public sealed class InitiativeMeasureTests
{
    private static readonly DateOnly Start = new(2026, 9, 7);

    private static InitiativeDesign CheckIns(int from, int to) => new(MetricKind.CheckInRate, null, from, to, BaselineKind.ControlTeams, null, Start, 0.5);

    private static MeasuredPerson Person(ParticipantState state, string? checkIns = null, DateOnly? cohortStart = null, ParticipantState? exitedFrom = null, int exitWeek = 0) =>
        new() { Id = 1, CohortId = 1, State = state, CheckInWeeks = checkIns, CohortStart = cohortStart ?? Start, ExitedFrom = exitedFrom, StateChangedWeek = exitWeek };

    [Fact]
    public void Weeks_run_Monday_to_Sunday_and_only_ended_ones_count()
    {
        Assert.Equal(new DateOnly(2026, 11, 30), InitiativeMeasure.WeekOf(new DateOnly(2026, 11, 30)));
        Assert.Equal(new DateOnly(2026, 11, 30), InitiativeMeasure.WeekOf(new DateOnly(2026, 12, 6)));
        Assert.Equal(12, InitiativeMeasure.EndedWeeks(new DateOnly(2026, 9, 9), new DateOnly(2026, 11, 30)));
        Assert.Equal(0, InitiativeMeasure.EndedWeeks(new DateOnly(2026, 12, 1), new DateOnly(2026, 11, 30)));
    }

    [Fact]
    public void A_starter_adds_one_check_in_observation_to_each_ended_program_week_of_the_range_and_one_who_left_counts_as_not_checked_in()
    {
        var today = new DateOnly(2026, 11, 30);
        var active = Person(ParticipantState.Active, "101");

        Assert.Equal(new Rate(1, 1), InitiativeMeasure.Observe(CheckIns(1, 12), active, Start, today));
        Assert.Equal(new Rate(0, 1), InitiativeMeasure.Observe(CheckIns(1, 12), active, Start.AddDays(7), today));
        Assert.Null(InitiativeMeasure.Observe(CheckIns(2, 12), active, Start, today));
        Assert.Null(InitiativeMeasure.Observe(CheckIns(1, 12), active, Start.AddDays(7), Start.AddDays(13)));
        Assert.Null(InitiativeMeasure.Observe(CheckIns(1, 12), Person(ParticipantState.Enrolled), Start, today));
        var droppedInWeek2 = Person(ParticipantState.DroppedOut, "1", exitedFrom: ParticipantState.Active, exitWeek: 2);
        Assert.Equal(new Rate(0, 1), InitiativeMeasure.Observe(CheckIns(1, 12), droppedInWeek2, Start.AddDays(14), today));
    }

    [Fact]
    public void A_steps_observation_falls_in_the_week_its_cohort_started_once_the_step_is_decided()
    {
        var design = new InitiativeDesign(MetricKind.StepConversion, FunnelStage.Weeks5To12, null, null, BaselineKind.BeforeStart, 4, Start, 0.5);
        var today = new DateOnly(2026, 12, 28);
        var completed = Person(ParticipantState.Completed);
        var lostBefore = Person(ParticipantState.DroppedOut, exitedFrom: ParticipantState.Active, exitWeek: 3);
        var lostEarlier = Person(ParticipantState.DroppedOut, exitedFrom: ParticipantState.Active, exitWeek: 1);

        Assert.Equal(new Rate(1, 1), InitiativeMeasure.Observe(design, completed, Start, today));
        Assert.Null(InitiativeMeasure.Observe(design, completed, Start.AddDays(7), today));
        Assert.Equal(new Rate(0, 1), InitiativeMeasure.Observe(design, lostBefore, Start, today));
        Assert.Null(InitiativeMeasure.Observe(design, lostEarlier, Start, today));
    }

    /// <summary>
    /// Four baseline cohorts (the four weeks before the start) convert 5 of 10 into weeks 5–12; after the start, weekly cohorts
    /// convert 8 of 10 for four weeks, then 5 of 10 again. Windows of four cohort weeks: +30 points first, none at the end.
    /// </summary>
    [Fact]
    public void A_before_after_design_compares_each_window_of_the_scope_with_the_pooled_weeks_before_the_start()
    {
        var start = new DateOnly(2026, 6, 1);
        var design = new InitiativeDesign(MetricKind.StepConversion, FunnelStage.Weeks5To12, null, null, BaselineKind.BeforeStart, 4, start, 0.5);
        static IEnumerable<MeasuredPerson> Cohort(DateOnly cohortStart, int reached) => Enumerable.Range(0, 10).Select(i => i < reached
            ? Person(ParticipantState.Completed, cohortStart: cohortStart)
            : Person(ParticipantState.DroppedOut, cohortStart: cohortStart, exitedFrom: ParticipantState.Active, exitWeek: 3));
        var baseline = Enumerable.Range(1, 4).SelectMany(back => Cohort(start.AddDays(-7 * back), 5)).ToList();
        var scope = Enumerable.Range(0, 8).SelectMany(k => Cohort(start.AddDays(7 * k), k < 4 ? 8 : 5)).ToList();

        var points = InitiativeMeasure.BeforeAfter(design, scope, [.. baseline, .. scope], new DateOnly(2026, 7, 27));

        Assert.Equal([3, 4, 5, 6, 7], points.Select(p => p.Week));
        Assert.Equal(0.3, points[0].Effect.Difference, 6);
        Assert.True(points[0].Effect.Excludes0);
        Assert.Equal(0, points[^1].Effect.Difference, 6);
        Assert.True(points[^1].WearingOff);
    }
}
