using ProgramOps.Web.Features.Outcomes;
using ProgramOps.Web.Features.Participants;

namespace ProgramOps.UnitTests.Outcomes;

/// <summary>
/// Over generated cohorts, a whole report's figures (funnel, outcome, satisfaction, retention, age bands — every count it
/// prints, after suppression) never let a reader recover a group of 1 to k − 1 people, and rates and curves are only
/// drawn from shown counts.
/// </summary>
public sealed class ReportPropertyTests
{
    public static TheoryData<int> Seeds => new(Enumerable.Range(1, 6).Select(s => s * 104729));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void No_issued_set_of_figures_lets_a_group_smaller_than_k_be_recovered(int seed)
    {
        var random = new Random(seed);
        for (var cohort = 0; cohort < 40; cohort++)
        {
            var k = random.Next(SuppressionThreshold.Minimum, 7);
            var kind = random.Next(2) == 0 ? OutcomeKind.Abstinence : OutcomeKind.BodyMeasures;
            var inputs = GeneratedCohort(random, kind);

            var report = OutcomeFigures.Build(inputs, k);

            var figures = report.Figures;
            Assert.All(figures.Figures.Printed.Where(figures.IsShown), f => Assert.False(figures.Figures.Value(f) is > 0 && figures.Figures.Value(f) < k, f));
            var recovered = IntervalAttacker.SmallGroupsRecovered(figures.Figures, figures.IsShown, k);
            Assert.True(recovered.Count == 0, $"seed {seed}, cohort {cohort}, k {k}: {string.Join(", ", recovered)}");
            Assert.Empty(DisclosureAudit.Find(figures.Figures, figures.Figures.Values.Keys.Where(f => !figures.IsShown(f)).ToHashSet(), k));
            Assert.All(report.ShownSurvival, s => Assert.True(figures.IsShown(FigureNames.DroppedOut(s.FromWeek))));
        }
    }

    private static ReportInputs GeneratedCohort(Random random, OutcomeKind kind)
    {
        var people = random.Next(0, 120);
        var groups = new List<ParticipantGroup>();
        for (var p = 0; p < people; p++)
        {
            var roll = random.NextDouble();
            var state = roll switch
            {
                < 0.1 => ParticipantState.Invited,
                < 0.15 => ParticipantState.Declined,
                < 0.3 => ParticipantState.DroppedOut,
                < 0.33 => ParticipantState.Withdrawn,
                < 0.45 => ParticipantState.Active,
                _ => ParticipantState.Completed,
            };
            var exitedFrom = state is ParticipantState.DroppedOut or ParticipantState.Withdrawn ? (ParticipantState?)ParticipantState.Active : null;
            groups.Add(new ParticipantGroup
            {
                Enrolled = state is not (ParticipantState.Invited or ParticipantState.Declined),
                State = state,
                ExitedFrom = exitedFrom,
                Outcome = state == ParticipantState.Completed ? (random.Next(2) == 0 ? ParticipantOutcome.Succeeded : ParticipantOutcome.NotSucceeded) : null,
                StateChangedWeek = state == ParticipantState.Completed ? 12 : random.Next(0, 13),
                LastCheckInWeek = random.Next(0, 13),
                AgeBand = random.Next(5) == 0 ? null : 20 + 10 * random.Next(5),
                CoBelowCutoff = random.Next(3) == 0,
                WeightChangeKg = -random.Next(0, 4),
                WaistChangeCm = -random.Next(0, 4),
                People = 1,
            });
        }

        var satisfaction = Enumerable.Range(0, 11).Select(s => (s, random.Next(0, 3))).ToList();
        var enrolled = groups.Where(g => g.Enrolled).Sum(g => g.People);
        while (satisfaction.Sum(s => s.Item2) > enrolled)
        {
            var score = random.Next(11);
            satisfaction[score] = (score, 0);
        }
        return ReportInputs.OutcomesOnly(groups, kind, 12, satisfaction);
    }
}
