using Dapper;
using ProgramOps.DataTests.Demo;
using ProgramOps.TestSupport;
using ProgramOps.Web.Features.Outcomes;
using ProgramOps.Web.Infrastructure.Time;

namespace ProgramOps.DataTests.Outcomes;

/// <summary>The report drawn from the Reporting* views of a real SQLite file, against the cohort's figures worked by hand.</summary>
public sealed class OutcomeReportsTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly TimeProvider _time = new FixedTime(new DateTimeOffset(2027, 1, 20, 1, 0, 0, TimeSpan.Zero));

    public void Dispose() => _database.Dispose();

    private OutcomeReports Reports() => new(_database.Db, new LocalClock(_time, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo")));

    [Fact]
    public async Task Itt_counts_everyone_enrolled_and_the_completer_rate_only_those_who_answered()
    {
        var cohort = await OutcomeTestCohort.CreateAsync(_database.Db, "成果", new DateOnly(2026, 9, 7));

        var report = await Reports().DrawAsync(cohort.CohortId, cohort.ClientId, CancellationToken.None);

        Assert.NotNull(report);
        Assert.Equal(ReportScopeKind.ClientSlice, report.Scope);
        var figures = report.Figures!;
        Assert.Equal(new Rate(12, 28), figures.Figures.ShownRate(FigureNames.Succeeded, FigureNames.Enrolled));
        Assert.Equal(new Rate(12, 20), figures.Figures.ShownRate(FigureNames.Succeeded, FigureNames.Completed));
        Assert.Equal(7, figures.Shown(FigureNames.Verified));
        Assert.Equal(8, figures.Shown(FigureNames.LostToFollowUp));
        Assert.Equal(25.0, figures.ShownNps);
    }

    [Fact]
    public async Task The_funnel_nests_and_its_small_steps_are_suppressed_with_a_complement()
    {
        var cohort = await OutcomeTestCohort.CreateAsync(_database.Db, "漏斗", new DateOnly(2026, 9, 7));

        var figures = (await Reports().DrawAsync(cohort.CohortId, cohort.ClientId, CancellationToken.None))!.Figures!;

        // Reached by hand: invited 30, enrolled 28, onboarded 28, active w1 26, w4 20, w8 20, completed 20, succeeded 12.
        Assert.Equal(SuppressionReason.FewerThanK, figures.Figures.Hidden[FigureNames.StoppedAt(ReportFunnelStage.Invited)]);
        Assert.Null(figures.Shown(FigureNames.Invited));
        Assert.Equal(28, figures.Shown(FigureNames.Enrolled));
        Assert.Equal(20, figures.Shown(FigureNames.Reached(ReportFunnelStage.ActiveWeek4)));
        Assert.Equal(ReportFunnelStage.Completed, figures.LargestDrop?.From);
    }

    [Fact]
    public async Task Retention_censors_completion_and_withdrawal_and_counts_the_drop_outs()
    {
        var cohort = await OutcomeTestCohort.CreateAsync(_database.Db, "継続", new DateOnly(2026, 9, 7));

        var figures = (await Reports().DrawAsync(cohort.CohortId, cohort.ClientId, CancellationToken.None))!.Figures!;

        // Week 3: 6 of 28 drop out → 22/28; the 2 withdrawals (week 5) join the 20 completers' span, censored.
        var survival = figures.ShownSurvival;
        Assert.Equal([(1, 1, 28), (2, 2, 28), (3, 3, 28), (4, 4, 22), (5, 12, 22)], survival.Select(s => (s.FromWeek, s.ToWeek, s.AtRisk)));
        Assert.Equal(22.0 / 28, survival[^1].Surviving, 6);
        Assert.Equal(1.0, figures.Engagement[5].CheckedInShare);
    }

    [Fact]
    public async Task A_client_slice_smaller_than_k_is_rolled_up_to_the_cohort()
    {
        var cohort = await OutcomeTestCohort.CreateAsync(_database.Db, "合同", new DateOnly(2026, 9, 7));
        var smallClient = await TestData.ClientAsync(_database.Db, new Web.Features.Clients.ClientInput { Name = "小規模商事", Kind = Web.Features.Clients.ClientKind.Employer, EligiblePopulation = 20 });
        var contract = await TestData.ActiveContractAsync(_database.Db, smallClient, 5);
        await using (var c = await _database.Db.OpenAsync())
        {
            await c.ExecuteAsync("INSERT INTO CohortContracts (CohortId, ContractId, Capacity) VALUES (@CohortId, @contract, 5)", new { cohort.CohortId, contract });
        }

        var ids = await TestData.ParticipantsAsync(_database.Db, cohort.CohortId, contract, 3);
        await using (var c = await _database.Db.OpenAsync())
        {
            await c.ExecuteAsync("UPDATE Participants SET State = 'Completed', Outcome = 'Succeeded' WHERE Id IN @ids", new { ids });
        }

        var report = await Reports().DrawAsync(cohort.CohortId, smallClient, CancellationToken.None);

        Assert.Equal(ReportScopeKind.RolledUpToCohort, report!.Scope);
        Assert.Equal(31, report.Figures!.Shown(FigureNames.Enrolled));
    }

    [Fact]
    public async Task Comparisons_pool_the_programs_other_ended_cohorts()
    {
        var first = await OutcomeTestCohort.CreateAsync(_database.Db, "比較", new DateOnly(2026, 9, 7));
        await using var c = await _database.Db.OpenAsync();
        var versionId = await c.ExecuteScalarAsync<int>("SELECT ProgramVersionId FROM Cohorts WHERE Id = @CohortId", new { first.CohortId });
        var second = await TestData.CohortAsync(_database.Db, "比較2", versionId, "Running", new DateOnly(2026, 12, 7), (first.ContractId, 10));
        var ids = await TestData.ParticipantsAsync(_database.Db, second, first.ContractId, 10);
        await c.ExecuteAsync("UPDATE Participants SET State = 'Active' WHERE Id IN @ids", new { ids });

        var report = await Reports().DrawAsync(second, first.ClientId, CancellationToken.None);

        var pooled = Assert.Single(report!.Comparisons, c => c.Label == "Pooled");
        Assert.Equal(new Rate(12, 28), pooled.Figures.Figures.ShownRate(FigureNames.Succeeded, FigureNames.Enrolled));
        Assert.Contains(report.Comparisons, c => c.Label == "比較禁煙コホート");
    }
}
