using Dapper;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging.Abstractions;
using ProgramOps.TestSupport;
using ProgramOps.Web.Features.Account;
using ProgramOps.Web.Features.Cohorts.Imports;
using ProgramOps.Web.Features.Demo;
using ProgramOps.Web.Features.Events;
using ProgramOps.Web.Features.Programs;
using ProgramOps.Web.Features.Teams;
using ProgramOps.Web.Infrastructure.Audit;
using ProgramOps.Web.Infrastructure.Auth;
using ProgramOps.Web.Infrastructure.Time;

namespace ProgramOps.DataTests.Demo;

/// <summary>The demo loaded once (clients, programs, played-out and upcoming cohorts) into a real SQLite file, as <c>--demo</c> loads it.</summary>
public sealed class LoadedDemo : IAsyncLifetime
{
    public static readonly DateOnly Today = new(2026, 11, 23);

    private readonly TimeProvider _time = new FixedTime(new DateTimeOffset(2026, 11, 23, 1, 30, 0, TimeSpan.Zero));

    public TestDatabase Database { get; } = new();

    private LocalClock Clock => new(_time, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));

    private AuditTrail Audit => new(new HttpCurrentUser(new HttpContextAccessor()), _time);

    private CohortTeams Teams => new(Database.Db, Audit, _time);

    public DemoCohortLoader Loader() => new(Database.Db, Clock,
        new RosterImportProcessor(Database.Db, Clock, Audit, Teams, new ImportProgressBoard(), ImportWorkerIdentity.OfThisProcess(), NullLogger<RosterImportProcessor>.Instance),
        Teams, new ApiKeySecrets(new EphemeralDataProtectionProvider()), NullLoggerFactory.Instance, NullLogger<DemoCohortLoader>.Instance);

    public async ValueTask InitializeAsync()
    {
        await new DemoDataLoader(Database.Db, new PasswordHasher<StaffUser>(), Audit, Clock, NullLogger<DemoDataLoader>.Instance).LoadIfEmptyAsync(60);
        await Loader().LoadIfNoProgramsAsync(20);
    }

    public ValueTask DisposeAsync()
    {
        Database.Dispose();
        return ValueTask.CompletedTask;
    }
}

public sealed class DemoCohortLoaderTests(LoadedDemo demo) : IClassFixture<LoadedDemo>
{
    private const int Completed = 1;
    private const int Running = 2;

    [Fact]
    public async Task Publishes_the_templates_and_imports_a_roster_into_each_enrolling_upcoming_cohort()
    {
        await using var connection = await demo.Database.Db.OpenAsync();
        Assert.Equal(2, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM ProgramVersions WHERE Status = 'Published'"));
        Assert.Equal(["Completed", "Running", "Enrolling", "Enrolling", "Planned"], await connection.QueryAsync<string>("SELECT Status FROM Cohorts ORDER BY Id"));
        var imports = (await connection.QueryAsync<(string Status, int RowsImported, int RowsInvalid)>(
            "SELECT Status, RowsImported, RowsInvalid FROM RosterImports WHERE CohortId > @Running ORDER BY Id", new { Running })).ToList();
        Assert.Equal([("Committed", 20, 3), ("Committed", 20, 3)], imports);
        Assert.Equal(40, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM Participants WHERE CohortId > @Running AND State = 'Invited'", new { Running }));
        Assert.Equal(4, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM Teams WHERE CohortId = @Id", new { Id = Running + 1 }));
    }

    [Fact]
    public async Task The_joint_cohort_of_two_clients_has_completed_with_everyone_in_a_final_state_and_about_half_quit()
    {
        await using var connection = await demo.Database.Db.OpenAsync();
        Assert.Equal(DayOfWeek.Monday, (await connection.ExecuteScalarAsync<DateOnly>("SELECT StartDate FROM Cohorts WHERE Id = @Completed", new { Completed })).DayOfWeek);
        Assert.Equal(2, await connection.ExecuteScalarAsync<int>("SELECT COUNT(DISTINCT ClientId) FROM Participants WHERE CohortId = @Completed", new { Completed }));
        Assert.Equal(2, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM CohortContracts WHERE CohortId = @Completed", new { Completed }));
        var states = (await connection.QueryAsync<(string State, int Count)>(
            "SELECT State, COUNT(*) FROM Participants WHERE CohortId = @Completed GROUP BY State", new { Completed })).ToDictionary(s => s.State, s => s.Count);
        Assert.Equal(["Completed", "DroppedOut", "InvitationExpired", "Withdrawn"], states.Keys.Order());
        Assert.Equal(DemoCohortLoader.JointCapacities.Sum(), states.Values.Sum());

        // Intention to treat: successes over everyone who linked the app.
        var linked = await connection.ExecuteScalarAsync<int>(
            "SELECT COUNT(DISTINCT ParticipantId) FROM ParticipantTransitions t JOIN Participants p ON p.Id = t.ParticipantId WHERE p.CohortId = @Completed AND t.TriggerName = 'Enrol'", new { Completed });
        var succeeded = await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM Participants WHERE CohortId = @Completed AND Outcome = 'Succeeded'", new { Completed });
        Assert.InRange(succeeded / (double)linked, 0.42, 0.54);
        Assert.InRange(states["DroppedOut"], 3, 20);
        Assert.InRange(states["Withdrawn"], 1, 6);

        var milestones = await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM CohortMilestones WHERE CohortId = @Completed", new { Completed });
        Assert.Equal(ProgramTemplates.SmokingCessation.Milestones.Count, milestones);
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM CsActions WHERE CohortId = @Completed AND Status IN ('Open', 'Snoozed')", new { Completed }));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM Shipments s JOIN Participants p ON p.Id = s.ParticipantId WHERE p.CohortId = @Completed AND s.Status <> 'Delivered'", new { Completed }));
    }

    [Fact]
    public async Task Every_event_type_went_through_the_events_path_with_notes_co_readings_scores_and_routed_feedback()
    {
        await using var connection = await demo.Database.Db.OpenAsync();
        Assert.Equal(EventReader.Types.Keys.Order(), await connection.QueryAsync<string>("SELECT DISTINCT EventType FROM ParticipantEvents ORDER BY EventType"));
        Assert.True(await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM ParticipantEvents WHERE EventType = 'check_in' AND Payload LIKE '%\"note\"%'") > 20);
        Assert.True(await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM ParticipantEvents WHERE EventType = 'final_assessment' AND Payload LIKE '%\"coPpm\"%'") > 3);
        var answers = await connection.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM ParticipantEvents e JOIN Participants p ON p.Id = e.ParticipantId WHERE p.CohortId = @Completed AND e.EventType = 'final_assessment'", new { Completed });
        var scores = await connection.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM ParticipantEvents e JOIN Participants p ON p.Id = e.ParticipantId WHERE p.CohortId = @Completed AND e.EventType = 'satisfaction'", new { Completed });
        Assert.Equal(answers, scores);
        Assert.InRange(await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM FeedbackItems WHERE Source = 'ParticipantApp'"), 3, 10);
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM ApiKeys WHERE Name = @Name", new { Name = DemoPlayOut.IntegrationName }));
        // Every quit day was set after the first kit was delivered (the guard refuses it otherwise).
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>(
            """
            SELECT COUNT(*) FROM ParticipantEvents e
            WHERE e.EventType = 'quit_date_set'
              AND NOT EXISTS (SELECT 1 FROM Shipments s WHERE s.ParticipantId = e.ParticipantId AND s.Week = 0 AND s.DeliveredOn IS NOT NULL)
            """));
    }

    [Fact]
    public async Task The_running_cohort_is_in_week_5_with_participants_at_risk_and_open_actions()
    {
        await using var connection = await demo.Database.Db.OpenAsync();
        var start = await connection.ExecuteScalarAsync<DateOnly>("SELECT StartDate FROM Cohorts WHERE Id = @Running", new { Running });
        Assert.Equal(5, ProgramWeek.Of(start, LoadedDemo.Today));
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM CsActions WHERE CohortId = @Running AND Kind = 'ShipmentProblem' AND Status = 'Open'", new { Running }));
        var atRisk = await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM Participants WHERE CohortId = @Running AND State = 'AtRisk'", new { Running });
        Assert.InRange(atRisk, 1, 10);
        Assert.Equal(atRisk, await connection.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM CsActions WHERE CohortId = @Running AND Kind = 'ParticipantAtRisk' AND Status = 'Open'", new { Running }));
        Assert.True(await connection.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM Participants WHERE CohortId = @Running AND State = 'Active'", new { Running }) > 10);
        Assert.True(await connection.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM CsActions WHERE CohortId = @Running AND Kind = 'ParticipantAtRisk' AND Status = 'Resolved'", new { Running }) > 0);
        Assert.Equal(ProgramTemplates.SmokingCessation.Milestones.Count(m => start.AddDays(m.WeeksAfterStart * 7) <= LoadedDemo.Today),
            await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM CohortMilestones WHERE CohortId = @Running", new { Running }));
    }

    [Fact]
    public async Task A_team_experiment_answers_the_demo_issue_on_the_completed_cohort_with_its_arms_drawn_and_its_effect_measured_week_by_week()
    {
        await using var connection = await demo.Database.Db.OpenAsync();
        var (id, issueId, baseline, state) = await connection.QuerySingleAsync<(int, int, string, string)>("SELECT Id, IssueId, BaselineKind, State FROM Initiatives");
        Assert.Equal(("ControlTeams", "Active"), (baseline, state));
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM Issues WHERE Id = @issueId", new { issueId }));
        Assert.Equal(Completed, await connection.ExecuteScalarAsync<int>("SELECT CohortId FROM InitiativeCohorts WHERE InitiativeId = @id", new { id }));
        var teams = await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM Teams WHERE CohortId = @Completed", new { Completed });
        var arms = (await connection.QueryAsync<(string Arm, int Teams)>("SELECT Arm, COUNT(*) FROM InitiativeTeams WHERE InitiativeId = @id GROUP BY Arm ORDER BY Arm", new { id })).ToList();
        Assert.Equal(teams, arms.Sum(a => a.Teams));
        Assert.Equal(2, arms.Count);
        Assert.InRange(arms[0].Teams - arms[1].Teams, -1, 1);
        // A point for every four-week window that has ended since the cohort's start: each holds some of weeks 2–12.
        var start = await connection.ExecuteScalarAsync<DateOnly>("SELECT StartDate FROM Initiatives WHERE Id = @id", new { id });
        Assert.Equal(ProgramOps.Web.Features.Initiatives.InitiativeMeasure.EndedWeeks(start, LoadedDemo.Today) - 3,
            await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM InitiativeEffects WHERE InitiativeId = @id", new { id }));
    }

    [Fact]
    public async Task Loading_again_changes_nothing()
    {
        const string Counts = """
            SELECT (SELECT COUNT(*) FROM Cohorts), (SELECT COUNT(*) FROM Participants), (SELECT COUNT(*) FROM ParticipantEvents),
                   (SELECT COUNT(*) FROM CsActions), (SELECT COUNT(*) FROM Shipments), (SELECT COUNT(*) FROM AuditLog), (SELECT COUNT(*) FROM ApiKeys)
            """;
        await using var connection = await demo.Database.Db.OpenAsync();
        var before = await connection.QuerySingleAsync<(int, int, int, int, int, int, int)>(Counts);

        await demo.Loader().LoadIfNoProgramsAsync(20);

        Assert.Equal(before, await connection.QuerySingleAsync<(int, int, int, int, int, int, int)>(Counts));
    }
}
