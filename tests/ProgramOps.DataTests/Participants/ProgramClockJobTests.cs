using Dapper;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using ProgramOps.DataTests.Demo;
using ProgramOps.TestSupport;
using ProgramOps.Web.Features.Cohorts;
using ProgramOps.Web.Features.Participants;
using ProgramOps.Web.Infrastructure.Audit;
using ProgramOps.Web.Infrastructure.Auth;
using ProgramOps.Web.Infrastructure.Time;

namespace ProgramOps.DataTests.Participants;

public sealed class ProgramClockJobTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private ProgramClockJob Job(DateTimeOffset now)
    {
        var time = new FixedTime(now);
        var audit = new AuditTrail(new HttpCurrentUser(new HttpContextAccessor()), time);
        return new ProgramClockJob(_database.Db, new ParticipantBatches(_database.Db, audit, time), audit,
            new LocalClock(time, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo")), NullLogger<ProgramClockJob>.Instance);
    }

    [Fact]
    public async Task After_the_final_answer_window_open_participants_are_closed_and_the_cohort_completes_once()
    {
        // 12 weeks from 2026-08-03 end on 2026-10-26; answers are taken until 2026-11-02.
        var (cohort, contract) = await TestData.CohortOfNewClientAsync(_database.Db, "時計", "Running", new DateOnly(2026, 8, 3));
        var ids = await TestData.ParticipantsAsync(_database.Db, cohort, contract, 4);
        await using var c = await _database.Db.OpenAsync();
        await c.ExecuteAsync("UPDATE Participants SET State = 'Active', LastCheckInOn = '2026-10-30' WHERE Id = @id", new { id = ids[1] });
        await c.ExecuteAsync("UPDATE Participants SET State = 'Completed', Outcome = 'Succeeded' WHERE Id = @id", new { id = ids[2] });
        await c.ExecuteAsync("UPDATE Participants SET State = 'Withdrawn' WHERE Id = @id", new { id = ids[3] });

        // Before the window closes the clock only records the milestones reached: all five of the 12-week program.
        Assert.Equal(5, (await Job(new DateTimeOffset(2026, 11, 1, 3, 0, 0, TimeSpan.Zero)).RunAsync(CancellationToken.None)).Items);
        Assert.Equal("Running", await c.ExecuteScalarAsync<string>("SELECT Status FROM Cohorts WHERE Id = @cohort", new { cohort }));
        Assert.Equal("2026-08-31", await c.ExecuteScalarAsync<string>("SELECT ReachedOn FROM CohortMilestones WHERE CohortId = @cohort AND Week = 4", new { cohort }));

        var after = new DateTimeOffset(2026, 11, 3, 3, 0, 0, TimeSpan.Zero);
        Assert.Equal(2, (await Job(after).RunAsync(CancellationToken.None)).Items);
        Assert.Equal(0, (await Job(after).RunAsync(CancellationToken.None)).Items);

        var states = (await c.QueryAsync<(string State, string? Outcome)>("SELECT State, Outcome FROM Participants ORDER BY Id")).ToList();
        Assert.Equal([("InvitationExpired", null), ("Completed", "NotSucceeded"), ("Completed", "Succeeded"), ("Withdrawn", null)], states);
        Assert.Equal("Completed", await c.ExecuteScalarAsync<string>("SELECT Status FROM Cohorts WHERE Id = @cohort", new { cohort }));
        Assert.Equal(1, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM AuditLog WHERE Action = 'CohortCompleted'"));
    }

    [Fact]
    public async Task Milestones_are_recorded_as_the_weeks_pass_and_only_once()
    {
        var (cohort, _) = await TestData.CohortOfNewClientAsync(_database.Db, "週", "Running", new DateOnly(2026, 11, 2));

        // 2026-11-23 in Tokyo is day 21 of the program: kickoff (week 0) and quit day (week 1) are past, week 4 is not.
        var now = new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);
        Assert.Equal(2, (await Job(now).RunAsync(CancellationToken.None)).Items);
        Assert.Equal(0, (await Job(now).RunAsync(CancellationToken.None)).Items);
        Assert.Equal(1, (await Job(now.AddDays(7)).RunAsync(CancellationToken.None)).Items);

        await using var c = await _database.Db.OpenAsync();
        Assert.Equal([0, 1, 4], await c.QueryAsync<int>("SELECT Week FROM CohortMilestones WHERE CohortId = @cohort ORDER BY Week", new { cohort }));
        Assert.Equal(3, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM AuditLog WHERE Action = 'MilestoneReached' AND EntityId = @cohort",
            new { cohort = cohort.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
    }

    [Fact]
    public async Task A_close_cut_off_part_way_leaves_the_cohort_running_and_the_next_run_finishes_it()
    {
        var (cohort, contract) = await TestData.CohortOfNewClientAsync(_database.Db, "中断", "Running", new DateOnly(2026, 8, 3));
        var ids = await TestData.ParticipantsAsync(_database.Db, cohort, contract, ParticipantBatches.Size + 10);
        await using var c = await _database.Db.OpenAsync();
        await c.ExecuteAsync("UPDATE Participants SET State = 'Active' WHERE Id % 2 = 0");
        var crash = await SimulatedCrash.AtTransitionOfAsync(c, ids[^1]);
        var after = new DateTimeOffset(2026, 11, 3, 3, 0, 0, TimeSpan.Zero);

        Assert.Contains("simulated crash", (await Assert.ThrowsAsync<SqliteException>(() => Job(after).RunAsync(CancellationToken.None))).Message);
        Assert.Equal(10, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM Participants WHERE State IN ('Invited', 'Active')"));
        Assert.Equal("Running", await c.ExecuteScalarAsync<string>("SELECT Status FROM Cohorts WHERE Id = @cohort", new { cohort }));

        await crash.DisposeAsync();
        Assert.Equal(10, (await Job(after).RunAsync(CancellationToken.None)).Items);
        Assert.Equal(0, (await Job(after).RunAsync(CancellationToken.None)).Items);

        Assert.Equal(ids.Count, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM ParticipantTransitions"));
        Assert.Equal(ids.Count / 2, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM Participants WHERE State = 'Completed' AND Outcome = 'NotSucceeded'"));
        Assert.Equal("Completed", await c.ExecuteScalarAsync<string>("SELECT Status FROM Cohorts WHERE Id = @cohort", new { cohort }));
    }
}
