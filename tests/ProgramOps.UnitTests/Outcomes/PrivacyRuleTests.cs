using ProgramOps.Web.Features.Outcomes;

namespace ProgramOps.UnitTests.Outcomes;

public sealed class PrivacyRuleTests
{
    [Fact]
    public void A_cell_under_k_is_hidden_and_so_is_the_smallest_other_cell_of_its_total()
    {
        var figures = new FigureSet().Print("total", 20).Print("a", 2).Print("b", 8).Print("c", 10).Relate("total", "a", "b", "c");

        var result = SmallCellSuppression.Apply(figures, 5);

        Assert.Equal(SuppressionReason.FewerThanK, result.Hidden["a"]);
        Assert.Equal(SuppressionReason.Complementary, result.Hidden["b"]);
        Assert.Equal((20, 10), (result.Shown("total"), result.Shown("c")));
        Assert.Null(result.ShownRate("a", "total"));
    }

    [Fact]
    public void Zero_is_shown_it_is_nobody()
    {
        var result = SmallCellSuppression.Apply(new FigureSet().Print("total", 10).Print("a", 0).Print("b", 10).Relate("total", "a", "b"), 5);

        Assert.Empty(result.Hidden);
    }

    [Fact]
    public void Two_small_cells_hidden_together_are_still_a_small_group_so_a_third_goes()
    {
        var figures = new FigureSet().Print("total", 30).Print("a", 1).Print("b", 2).Print("c", 12).Print("d", 15).Relate("total", "a", "b", "c", "d");

        var result = SmallCellSuppression.Apply(figures, 5);

        Assert.Equal(["a", "b", "c"], result.Hidden.Keys.Order());
        Assert.Empty(DisclosureAudit.Find(figures, Unseen(result), 5));
    }

    [Fact]
    public void A_complement_is_not_given_away_by_another_table()
    {
        // b protects a in the first table, but the second table would give b away, so c is hidden too.
        var figures = new FigureSet()
            .Print("t1", 12).Print("a", 2).Print("b", 10).Relate("t1", "a", "b")
            .Print("t2", 30).Print("c", 20).Relate("t2", "b", "c");

        var result = SmallCellSuppression.Apply(figures, 5);

        Assert.True(result.Hidden.ContainsKey("a") && result.Hidden.ContainsKey("b"));
        Assert.Equal(SuppressionReason.Complementary, result.Hidden["t1"]);
        Assert.Empty(DisclosureAudit.Find(figures, Unseen(result), 5));
    }

    [Fact]
    public void A_tracked_group_between_two_printed_figures_is_protected()
    {
        // Two of 40 did not enrol: printing both counts would tell.
        var figures = new FigureSet().Print("invited", 40).Print("enrolled", 38).Track("notEnrolled", 2).Relate("invited", "enrolled", "notEnrolled");

        var result = SmallCellSuppression.Apply(figures, 5);

        Assert.False(result.IsShown("invited") && result.IsShown("enrolled"));
    }

    [Fact]
    public void Inconsistent_figures_are_a_programming_error() =>
        Assert.Throws<InvalidOperationException>(() => new FigureSet().Print("t", 5).Print("a", 2).Relate("t", "a"));

    [Theory]
    [InlineData(2)]
    [InlineData(0)]
    public void K_is_never_below_3(int k) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SmallCellSuppression.Apply(new FigureSet(), k));

    [Fact]
    public void Small_age_bands_join_their_smaller_neighbour()
    {
        var groups = GroupRollUp.Merge([("20s", 2), ("30s", 10), ("40s", 3), ("50s", 8), ("60s", 0)], 5);

        Assert.Equal(["20s+30s: 12", "40s+50s: 11"], groups.Select(g => $"{string.Join("+", g.Members)}: {g.People}"));
        Assert.Empty(GroupRollUp.Merge([("20s", 2), ("30s", 1)], 5));
    }

    [Theory]
    [InlineData(12, 40, ReportScopeKind.ClientSlice)]
    [InlineData(5, 40, ReportScopeKind.ClientSlice)]
    [InlineData(4, 40, ReportScopeKind.RolledUpToCohort)]
    [InlineData(4, 4, ReportScopeKind.Withheld)]
    [InlineData(1, 3, ReportScopeKind.Withheld)]
    public void A_slice_smaller_than_k_is_rolled_up_to_its_cohort_never_shown_alone(int slice, int cohort, ReportScopeKind expected) =>
        Assert.Equal(expected, ReportScope.Decide(slice, cohort, 5));

    [Fact]
    public void Differencing_refuses_a_population_a_few_people_away_from_an_issued_one()
    {
        // The issued report counted 12 people.
        (int, int, int)[] Issued(int shared) => [(1, 12, shared)];

        Assert.Equal(new DifferencingConflict(1, 2), DifferencingGuard.Check(10, Issued(shared: 10), 5));
        Assert.Equal(new DifferencingConflict(1, 4), DifferencingGuard.Check(12, Issued(shared: 10), 5));
        Assert.Null(DifferencingGuard.Check(12, Issued(shared: 12), 5));
        Assert.Null(DifferencingGuard.Check(20, Issued(shared: 12), 5));
        Assert.Null(DifferencingGuard.Check(11, Issued(shared: 0), 5));
    }

    private static HashSet<string> Unseen(SuppressedFigures result) =>
        result.Figures.Values.Keys.Where(f => !result.IsShown(f)).ToHashSet();
}
