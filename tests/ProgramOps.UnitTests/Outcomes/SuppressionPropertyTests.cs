using ProgramOps.Web.Features.Outcomes;

namespace ProgramOps.UnitTests.Outcomes;

/// <summary>Over many generated cohorts, no set of figures suppression lets through gives away a group smaller than k.</summary>
public sealed class SuppressionPropertyTests
{
    public static TheoryData<int> Seeds => new(Enumerable.Range(1, 8).Select(s => s * 7919));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void No_group_smaller_than_k_can_be_recovered_from_what_is_shown(int seed)
    {
        var random = new Random(seed);
        var complementary = 0;
        for (var cohort = 0; cohort < 60; cohort++)
        {
            var k = random.Next(SuppressionThreshold.Minimum, 8);
            var figures = GeneratedCohort(random);

            var result = SmallCellSuppression.Apply(figures, k);
            complementary += result.Hidden.Values.Count(r => r == SuppressionReason.Complementary);

            Assert.All(figures.Printed.Where(result.IsShown), f => Assert.False(figures.Value(f) is > 0 && figures.Value(f) < k, f));
            var recovered = IntervalAttacker.SmallGroupsRecovered(figures, result.IsShown, k);
            Assert.True(recovered.Count == 0, $"seed {seed}, cohort {cohort}, k {k}: {string.Join(", ", recovered)}");
        }

        // The generated cohorts must exercise the hard part, not only cells that are small on their own.
        Assert.True(complementary > 20, $"only {complementary} complementary suppressions were needed");
    }

    /// <summary>A cohort's funnel, outcome and satisfaction tables, with small groups made likely.</summary>
    private static FigureSet GeneratedCohort(Random random)
    {
        var people = random.Next(0, 90);
        const int stages = 8;
        var furthest = new int[stages];
        for (var p = 0; p < people; p++) furthest[Math.Min(stages - 1, (int)(random.NextDouble() * random.NextDouble() * 10))]++;

        var figures = new FigureSet();
        var reached = people;
        for (var s = 0; s < stages; s++)
        {
            figures.Print($"reached{s}", reached);
            if (s < stages - 1) figures.Print($"stopped{s}", furthest[s]);
            reached -= furthest[s];
        }

        for (var s = 0; s < stages - 1; s++) figures.Relate($"reached{s}", $"reached{s + 1}", $"stopped{s}");

        var succeeded = figures.Value($"reached{stages - 1}");
        var verified = random.Next(0, succeeded + 1);
        figures.Print("verified", verified).Track("unverified", succeeded - verified).Relate($"reached{stages - 1}", "verified", "unverified");

        var enrolled = figures.Value("reached1");
        var scores = new int[11];
        var answered = random.Next(0, enrolled + 1);
        for (var a = 0; a < answered; a++) scores[random.Next(0, 11)]++;
        for (var s = 0; s < 11; s++) figures.Print($"score{s}", scores[s]);
        figures.Print("promoters", scores[9] + scores[10]).Relate("promoters", "score9", "score10");
        figures.Print("passives", scores[7] + scores[8]).Relate("passives", "score7", "score8");
        figures.Print("detractors", scores[..7].Sum()).Relate("detractors", [.. Enumerable.Range(0, 7).Select(s => $"score{s}")]);
        figures.Print("respondents", answered).Relate("respondents", "promoters", "passives", "detractors");
        figures.Track("silent", enrolled - answered).Relate("reached1", "respondents", "silent");
        return figures;
    }
}
