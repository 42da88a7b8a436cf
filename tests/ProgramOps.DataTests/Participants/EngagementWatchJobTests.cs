using Dapper;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using ProgramOps.DataTests.Demo;
using ProgramOps.TestSupport;
using ProgramOps.Web.Features.Participants;
using ProgramOps.Web.Infrastructure.Audit;
using ProgramOps.Web.Infrastructure.Auth;
using ProgramOps.Web.Infrastructure.Time;

namespace ProgramOps.DataTests.Participants;

public sealed class EngagementWatchJobTests : IDisposable
{
    // 2027-02-01 10:00 in Tokyo: the cohort started on 2027-01-11, three weeks ago.
    private readonly TimeProvider _time = new FixedTime(new DateTimeOffset(2027, 2, 1, 1, 0, 0, TimeSpan.Zero));
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private EngagementWatchJob Job()
    {
        var audit = new AuditTrail(new HttpCurrentUser(new HttpContextAccessor()), _time);
        return new EngagementWatchJob(_database.Db, new ParticipantBatches(_database.Db, audit, _time), new LocalClock(_time, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo")), NullLogger<EngagementWatchJob>.Instance);
    }

    [Fact]
    public async Task Quiet_participants_become_at_risk_then_drop_out_and_a_second_run_changes_nothing()
    {
        var (cohort, contract) = await TestData.CohortOfNewClientAsync(_database.Db, "監視", "Running", new DateOnly(2027, 1, 11));
        var ids = await TestData.ParticipantsAsync(_database.Db, cohort, contract, 4);
        await using (var c = await _database.Db.OpenAsync())
        {
            // Smoking template: at risk after 3 days without a check-in, dropped out after 14.
            await c.ExecuteAsync("UPDATE Participants SET State = 'Active', LastCheckInOn = '2027-01-31' WHERE Id = @id", new { id = ids[0] });
            await c.ExecuteAsync("UPDATE Participants SET State = 'Active', LastCheckInOn = '2027-01-27' WHERE Id = @id", new { id = ids[1] });
            await c.ExecuteAsync("UPDATE Participants SET State = 'AtRisk', LastCheckInOn = '2027-01-15' WHERE Id = @id", new { id = ids[2] });
        }

        var first = await Job().RunAsync(CancellationToken.None);
        var second = await Job().RunAsync(CancellationToken.None);

        Assert.Equal((2, 0), (first.Items, second.Items));
        await using var connection = await _database.Db.OpenAsync();
        var states = (await connection.QueryAsync<string>("SELECT State FROM Participants ORDER BY Id")).ToList();
        Assert.Equal(["Active", "AtRisk", "DroppedOut", "Invited"], states);
        Assert.Equal(TransitionReasons.NoCheckInFor(5), await connection.ExecuteScalarAsync<string>(
            "SELECT Reason FROM ParticipantTransitions WHERE ParticipantId = @id AND TriggerName = 'MarkAtRisk'", new { id = ids[1] }));
        Assert.Equal([(ids[1], "Open")], await connection.QueryAsync<(long, string)>("SELECT ParticipantId, Status FROM CsActions"));
    }

    /// <summary>
    /// The watch reads only those it may move (issue 18); before, it read every enrolled participant quiet for the at-risk
    /// days and let the rule pass over the rest. On a generated cohort the moves are those of that old path.
    /// </summary>
    [Fact]
    public async Task Reading_only_whom_the_watch_may_move_moves_the_same_people_as_reading_everyone_quiet()
    {
        var start = new DateOnly(2027, 1, 11);
        var today = new DateOnly(2027, 2, 1);
        var (cohort, contract) = await TestData.CohortOfNewClientAsync(_database.Db, "同等監視", "Running", start);
        var ids = await TestData.ParticipantsAsync(_database.Db, cohort, contract, 300);
        var random = new Random(62);
        string[] states = ["Invited", "Enrolled", "Onboarding", "Active", "AtRisk", "DroppedOut", "Completed"];
        var before = ids.Select(id => (Id: id, State: states[random.Next(states.Length)], LastCheckIn: random.Next(6) == 0 ? (DateOnly?)null : today.AddDays(-random.Next(25))))
            .Select(p => p with { LastCheckIn = p.LastCheckIn < start ? start : p.LastCheckIn }).ToList();
        await using (var c = await _database.Db.OpenAsync())
        {
            foreach (var p in before)
                await c.ExecuteAsync("UPDATE Participants SET State = @State, LastCheckInOn = @LastCheckIn WHERE Id = @Id", new { p.Id, p.State, p.LastCheckIn });
        }

        // The old path: every enrolled participant quiet for 3 days or more, decided by the smoking template's rule.
        string Expected(string state, DateOnly? lastCheckIn)
        {
            var days = today.DayNumber - (lastCheckIn ?? start).DayNumber;
            if (!Enum.Parse<ParticipantState>(state).IsEnrolled() || days < 3) return state;
            if (days >= 14) return "DroppedOut";
            return state is "Onboarding" or "Active" ? "AtRisk" : state;
        }

        var moved = (await Job().RunAsync(CancellationToken.None)).Items;

        await using var connection = await _database.Db.OpenAsync();
        var after = (await connection.QueryAsync<(long Id, string State)>("SELECT Id, State FROM Participants ORDER BY Id")).ToList();
        Assert.Equal(before.Select(p => (p.Id, Expected(p.State, p.LastCheckIn))), after);
        var expectedMoves = before.Count(p => Expected(p.State, p.LastCheckIn) != p.State);
        Assert.True(expectedMoves > 50 && before.Count(p => p.State == "AtRisk" && Expected(p.State, p.LastCheckIn) == "AtRisk") > 10, "the cohort compares too little");
        Assert.Equal(expectedMoves, moved);
        Assert.Equal(expectedMoves, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM ParticipantTransitions"));
    }

    [Fact]
    public async Task An_at_risk_action_closes_itself_once_the_participant_checks_in_again()
    {
        var (cohort, contract) = await TestData.CohortOfNewClientAsync(_database.Db, "復帰", "Running", new DateOnly(2027, 1, 11));
        var id = (await TestData.ParticipantsAsync(_database.Db, cohort, contract, 1))[0];
        await using var connection = await _database.Db.OpenAsync();
        await connection.ExecuteAsync("UPDATE Participants SET State = 'Active', LastCheckInOn = '2027-01-27' WHERE Id = @id", new { id });
        await Job().RunAsync(CancellationToken.None);

        await connection.ExecuteAsync("UPDATE Participants SET State = 'Active', LastCheckInOn = '2027-02-01' WHERE Id = @id", new { id });
        await Job().RunAsync(CancellationToken.None);

        Assert.Equal("Resolved", await connection.ExecuteScalarAsync<string>("SELECT Status FROM CsActions WHERE ParticipantId = @id", new { id }));
    }

    [Fact]
    public async Task A_run_cut_off_part_way_keeps_its_whole_batches_and_the_next_run_finishes_the_rest()
    {
        var (cohort, contract) = await TestData.CohortOfNewClientAsync(_database.Db, "中断", "Running", new DateOnly(2027, 1, 11));
        var ids = await TestData.ParticipantsAsync(_database.Db, cohort, contract, ParticipantBatches.Size + 500);
        await using var connection = await _database.Db.OpenAsync();
        await connection.ExecuteAsync("UPDATE Participants SET State = 'Active', LastCheckInOn = '2027-01-27'");
        // The process dies while writing the second batch: the database refuses its first transition.
        var crash = await SimulatedCrash.AtTransitionOfAsync(connection, ids[ParticipantBatches.Size]);

        Assert.Contains("simulated crash", (await Assert.ThrowsAsync<SqliteException>(() => Job().RunAsync(CancellationToken.None))).Message);
        Assert.Equal(ParticipantBatches.Size, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM Participants WHERE State = 'AtRisk'"));
        Assert.Equal(ParticipantBatches.Size, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM ParticipantTransitions"));
        Assert.Equal(ParticipantBatches.Size, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM CsActions"));

        await crash.DisposeAsync();
        Assert.Equal(500, (await Job().RunAsync(CancellationToken.None)).Items);
        Assert.Equal(0, (await Job().RunAsync(CancellationToken.None)).Items);

        Assert.Equal(ids.Count, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM Participants WHERE State = 'AtRisk' AND Version = 2"));
        Assert.Equal(ids.Count, await connection.ExecuteScalarAsync<int>("SELECT COUNT(DISTINCT ParticipantId) FROM ParticipantTransitions WHERE TriggerName = 'MarkAtRisk'"));
        Assert.Equal(ids.Count, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM ParticipantTransitions"));
        Assert.Equal(ids.Count, await connection.ExecuteScalarAsync<int>("SELECT COUNT(DISTINCT ParticipantId) FROM CsActions WHERE Status = 'Open'"));
        // One audit entry per committed batch, on the cohort; each participant's own history is the transition log.
        Assert.Equal(2, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM AuditLog WHERE Action = 'ParticipantsMoved' AND EntityId = @cohort",
            new { cohort = cohort.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
    }
}
