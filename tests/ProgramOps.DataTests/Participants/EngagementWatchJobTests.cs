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
