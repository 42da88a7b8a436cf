using Dapper;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using ProgramOps.DataTests.Demo;
using ProgramOps.TestSupport;
using ProgramOps.Web.Features.Account;
using ProgramOps.Web.Infrastructure.Audit;
using ProgramOps.Web.Infrastructure.Auth;
using ProgramOps.Web.Infrastructure.Time;
using ProgramOps.Web.Features.Initiatives;

namespace ProgramOps.DataTests.Initiatives;

/// <summary>
/// The decay watch on a real SQLite file. A team experiment on a cohort started Monday 2026-09-07, measured on Monday
/// 2026-11-30 (12 whole weeks): eight teams of five, the four treatment teams checking in 5, 5, 5 and 4 of 5 in weeks 1–6,
/// the four control teams 2, 2, 3 and 2 throughout; from week 7 the treatment teams fall to the control's 2, 2, 3 and 2. The
/// first window (weeks 1–4) shows +50 points (team rates .95 against .45; pooled variance .01 on 6 degrees of freedom, so
/// ± 2.447 × .0707 = ± 17 points), the last (weeks 9–12) none: the effect has worn off.
/// </summary>
public sealed class DecayWatchJobTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 1, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly CohortStart = new(2026, 9, 7);
    private readonly TestDatabase _database = new();
    private readonly LocalClock _clock = new(new FixedTime(Now), TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));

    public void Dispose() => _database.Dispose();

    private DecayWatchJob Job() =>
        new(_database.Db, _clock, new AuditTrail(new HttpCurrentUser(new HttpContextAccessor()), _clock.Time), NullLogger<DecayWatchJob>.Instance);

    private async Task ExecuteAsync(string sql, object? parameters = null)
    {
        await using var c = await _database.Db.OpenAsync();
        await c.ExecuteAsync(sql, parameters);
    }

    private async Task<T> ScalarAsync<T>(string sql, object? parameters = null)
    {
        await using var c = await _database.Db.OpenAsync();
        return (await c.ExecuteScalarAsync<T>(sql, parameters))!;
    }

    /// <summary>The cohort, its eight teams (the first four in treatment), their people's check-ins, and a team experiment on it.</summary>
    private async Task<(int Initiative, int Cohort, int[] Teams)> ExperimentAsync(bool fades = true)
    {
        var (cohort, contract) = await TestData.CohortOfNewClientAsync(_database.Db, "decay", "Running", CohortStart);
        var people = await TestData.ParticipantsAsync(_database.Db, cohort, contract, 40);
        var owner = await _database.Db.InTransactionAsync((c, t) =>
            UserAccounts.InsertAsync(c, t, _database.Db.Dialect, TestUsers.New("decay-owner", Roles.ProgramCS), Now, "test"));
        await using var c = await _database.Db.OpenAsync();
        var programId = await c.ExecuteScalarAsync<int>("SELECT ProgramId FROM ReportingCohorts WHERE Id = @cohort", new { cohort });
        var issue = await c.ExecuteScalarAsync<int>(
            "INSERT INTO Issues (ProgramId, Stage, Statement, CreatedAt, CreatedBy, UpdatedAt, UpdatedBy) VALUES (@programId, 'Weeks5To12', '続かない', @Now, 't', @Now, 't'); SELECT last_insert_rowid();",
            new { programId, Now });
        var initiative = await c.ExecuteScalarAsync<int>(
            """
            INSERT INTO Initiatives (IssueId, Title, Hypothesis, ChangeKind, ChangeDescription, MetricKind, MetricFromWeek, MetricToWeek, BaselineKind, StartDate,
                                     OwnerId, DecayShare, ArmSeed, State, CreatedAt, CreatedBy, UpdatedAt, UpdatedBy)
            VALUES (@issue, 'チーム目標', '仮説', 'Content', '変更', 'CheckInRate', 1, 12, 'ControlTeams', @CohortStart, @owner, 0.5, 7, 'Active', @Now, 't', @Now, 't');
            SELECT last_insert_rowid();
            """, new { issue, CohortStart, owner, Now });
        await c.ExecuteAsync("INSERT INTO InitiativeCohorts (InitiativeId, CohortId) VALUES (@initiative, @cohort)", new { initiative, cohort });
        var teams = new int[8];
        int[] early = [5, 5, 5, 4, 2, 2, 3, 2], late = fades ? [2, 2, 3, 2, 2, 2, 3, 2] : early;
        for (var team = 0; team < teams.Length; team++)
        {
            teams[team] = await c.ExecuteScalarAsync<int>("INSERT INTO Teams (CohortId, Number, FormedAt) VALUES (@cohort, @number, @Now); SELECT last_insert_rowid();",
                new { cohort, number = team + 1, Now });
            await c.ExecuteAsync("INSERT INTO InitiativeTeams (InitiativeId, TeamId, Arm, AssignedAt) VALUES (@initiative, @teamId, @arm, @Now)",
                    new { initiative, teamId = teams[team], arm = team < 4 ? "Treatment" : "Control", Now });
            for (var member = 0; member < 5; member++)
            {
                var weeks = string.Concat(Enumerable.Range(1, 12).Select(week => member < (week <= 6 ? early[team] : late[team]) ? '1' : '0'));
                await c.ExecuteAsync("UPDATE Participants SET State = 'Active', TeamId = @teamId, CheckInWeeks = @weeks WHERE Id = @id",
                    new { teamId = teams[team], weeks, id = people[team * 5 + member] });
            }
        }

        return (initiative, cohort, teams);
    }

    private async Task<List<(int Week, string WeekOf, double Difference, bool WearingOff)>> EffectsAsync(int initiative)
    {
        await using var c = await _database.Db.OpenAsync();
        return [.. await c.QueryAsync<(int, string, double, bool)>("SELECT Week, WeekOf, Difference, WearingOff FROM InitiativeEffects WHERE InitiativeId = @initiative ORDER BY Week", new { initiative })];
    }

    private Task<List<(string Status, string Reason)>> ActionsAsync() => ListAsync<(string, string)>("SELECT Status, Reason FROM CsActions WHERE Kind = 'InitiativeWearingOff' ORDER BY Id");

    private async Task<List<T>> ListAsync<T>(string sql)
    {
        await using var c = await _database.Db.OpenAsync();
        return [.. await c.QueryAsync<T>(sql)];
    }

    [Fact]
    public async Task A_fading_team_experiment_gets_a_point_per_week_and_one_wearing_off_action_however_often_the_job_runs()
    {
        var (initiative, _, _) = await ExperimentAsync();

        Assert.Equal(1, (await Job().RunAsync(CancellationToken.None)).Items);
        Assert.Equal(0, (await Job().RunAsync(CancellationToken.None)).Items);

        var effects = await EffectsAsync(initiative);
        Assert.Equal(Enumerable.Range(3, 9), effects.Select(e => e.Week));
        Assert.Equal(("2026-09-28", 0.5), (effects[0].WeekOf, Math.Round(effects[0].Difference, 6)));
        Assert.False(effects[0].WearingOff);
        Assert.Equal(0, effects[^1].Difference, 6);
        Assert.True(effects[^1].WearingOff);
        var action = Assert.Single(await ActionsAsync());
        Assert.Equal(("Open", "InitiativeWearingOff|チーム目標|0.0|+50.0"), action);
        Assert.Equal(await ScalarAsync<int>("SELECT OwnerId FROM Initiatives WHERE Id = @initiative", new { initiative }),
            await ScalarAsync<int>("SELECT OwnerId FROM CsActions WHERE Kind = 'InitiativeWearingOff'"));
    }

    [Fact]
    public async Task The_action_is_resolved_when_the_effect_recovers()
    {
        var (initiative, cohort, teams) = await ExperimentAsync();
        await Job().RunAsync(CancellationToken.None);

        await ExecuteAsync("UPDATE Participants SET CheckInWeeks = '111111111111' WHERE TeamId IN @treatment", new { treatment = teams[..4] });
        Assert.Equal(1, (await Job().RunAsync(CancellationToken.None)).Items);

        Assert.Equal([("Resolved", "InitiativeWearingOff|チーム目標|0.0|+50.0")], await ActionsAsync());
        Assert.False((await EffectsAsync(initiative))[^1].WearingOff);
        Assert.Equal(cohort, await ScalarAsync<int>("SELECT CohortId FROM InitiativeCohorts WHERE InitiativeId = @initiative", new { initiative }));
    }

    [Fact]
    public async Task A_run_that_dies_writing_the_action_leaves_no_point_of_that_initiative_and_the_next_run_finishes()
    {
        var (initiative, _, _) = await ExperimentAsync();
        await ExecuteAsync("CREATE TRIGGER CrashMidRun BEFORE INSERT ON CsActions WHEN NEW.Kind = 'InitiativeWearingOff' BEGIN SELECT RAISE(ABORT, 'crash'); END");

        await Assert.ThrowsAnyAsync<Exception>(() => Job().RunAsync(CancellationToken.None));
        Assert.Empty(await EffectsAsync(initiative));
        Assert.Empty(await ActionsAsync());

        await ExecuteAsync("DROP TRIGGER CrashMidRun");
        Assert.Equal(1, (await Job().RunAsync(CancellationToken.None)).Items);
        Assert.Equal(9, (await EffectsAsync(initiative)).Count);
        Assert.Single(await ActionsAsync());
    }

    [Fact]
    public async Task A_steady_experiment_opens_nothing_and_an_ended_one_is_no_longer_measured()
    {
        var (initiative, _, _) = await ExperimentAsync(fades: false);

        Assert.Equal(0, (await Job().RunAsync(CancellationToken.None)).Items);
        Assert.All(await EffectsAsync(initiative), e => Assert.False(e.WearingOff));
        Assert.Empty(await ActionsAsync());

        await ExecuteAsync("UPDATE Initiatives SET State = 'Ended'; DELETE FROM InitiativeEffects");
        await Job().RunAsync(CancellationToken.None);
        Assert.Empty(await EffectsAsync(initiative));
    }

    [Fact]
    public async Task The_arms_of_an_experiment_whose_teams_formed_later_are_drawn_by_its_stored_seed()
    {
        var (initiative, cohort, teams) = await ExperimentAsync();
        await ExecuteAsync("DELETE FROM InitiativeTeams");

        await Job().RunAsync(CancellationToken.None);

        var (treatment, control) = ExperimentArms.Assign(teams.Select(t => (long)t).ToArray(), 7);
        Assert.Equal(treatment, await ListAsync<long>($"SELECT TeamId FROM InitiativeTeams WHERE InitiativeId = {initiative} AND Arm = 'Treatment' ORDER BY TeamId"));
        Assert.Equal(control, await ListAsync<long>($"SELECT TeamId FROM InitiativeTeams WHERE InitiativeId = {initiative} AND Arm = 'Control' ORDER BY TeamId"));
        Assert.Equal(["InitiativeArmsAssigned"], await ListAsync<string>($"SELECT Action FROM AuditLog WHERE EntityType = 'Initiative' AND EntityId = '{initiative}'"));
        Assert.Equal(1, await ScalarAsync<int>("SELECT COUNT(*) FROM Cohorts WHERE Id = @cohort", new { cohort }));
    }
}
