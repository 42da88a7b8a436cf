using Dapper;
using Microsoft.AspNetCore.Http;
using ProgramOps.DataTests.Demo;
using ProgramOps.TestSupport;
using ProgramOps.Web.Features.Cohorts;
using ProgramOps.Web.Features.Participants;
using ProgramOps.Web.Features.Programs;
using ProgramOps.Web.Infrastructure.Audit;
using ProgramOps.Web.Infrastructure.Auth;

namespace ProgramOps.DataTests.Participants;

/// <summary>A batched run leaves nobody out unseen: steps refused by the lifecycle and steps lost to a concurrent change are counted.</summary>
public sealed class ParticipantBatchesTests : IDisposable
{
    private static readonly DateOnly Start = new(2027, 1, 11);
    private readonly TimeProvider _time = new FixedTime(new DateTimeOffset(2027, 2, 1, 1, 0, 0, TimeSpan.Zero));
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private ParticipantBatches Batches() => new(_database.Db, new AuditTrail(new HttpCurrentUser(new HttpContextAccessor()), _time), _time);

    private static CohortDay Day(int cohortId) => new(cohortId, "集計", 1, ProgramTemplates.SmokingCessation, Start, new DateOnly(2027, 2, 1));

    private const string Everyone = "SELECT Id, ClientId, State, Version, LastCheckInOn, TeamId FROM Participants WHERE CohortId = @CohortId AND Id > @AfterId ORDER BY Id LIMIT @Take OFFSET @Skip";

    [Fact]
    public async Task Steps_the_lifecycle_refuses_are_counted_and_nobody_moves()
    {
        var (cohort, contract) = await TestData.CohortOfNewClientAsync(_database.Db, "拒否", "Running", Start);
        await TestData.ParticipantsAsync(_database.Db, cohort, contract, 3);

        // Invited participants cannot be marked at risk: they have not linked the app.
        var run = await Batches().FireAsync(Day(cohort), Everyone, new { },
            _ => new PlannedTransition((l, cause) => l.Fire(ParticipantTrigger.MarkAtRisk, cause), "test"), afterBatch: null, "system", CancellationToken.None);

        Assert.Equal(new BatchRun(0, 3, 0), run);
        await using var connection = await _database.Db.OpenAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM ParticipantTransitions"));
    }

    [Fact]
    public async Task Steps_lost_to_a_change_since_the_batch_was_read_are_counted_and_the_change_wins()
    {
        var (cohort, contract) = await TestData.CohortOfNewClientAsync(_database.Db, "競合", "Running", Start);
        var ids = await TestData.ParticipantsAsync(_database.Db, cohort, contract, 2);
        // The batch reads a version that is one behind, as if a staff member saved the participant after the read.
        var stale = Everyone.Replace("Version,", "Version - CASE WHEN Id = " + ids[0] + " THEN 1 ELSE 0 END AS Version,", StringComparison.Ordinal);

        var run = await Batches().FireAsync(Day(cohort), stale, new { },
            _ => new PlannedTransition((l, cause) => l.Fire(ParticipantTrigger.Decline, cause), "test"), afterBatch: null, "system", CancellationToken.None);

        Assert.Equal(new BatchRun(1, 0, 1), run);
        await using var connection = await _database.Db.OpenAsync();
        Assert.Equal(["Invited", "Declined"], await connection.QueryAsync<string>("SELECT State FROM Participants ORDER BY Id"));
    }

    [Fact]
    public async Task Batches_read_before_their_turn_at_the_writer_move_everyone_once()
    {
        var (cohort, contract) = await TestData.CohortOfNewClientAsync(_database.Db, "先読み", "Running", Start);
        var people = 2 * ParticipantBatches.Size + 1;
        await TestData.ParticipantsAsync(_database.Db, cohort, contract, people);

        var run = await Batches().FireAsync(Day(cohort), Everyone, new { },
            _ => new PlannedTransition((l, cause) => l.Fire(ParticipantTrigger.Decline, cause), "test"), afterBatch: null, "system", CancellationToken.None);

        Assert.Equal(new BatchRun(people, 0, 0), run);
        await using var connection = await _database.Db.OpenAsync();
        Assert.Equal(people, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM Participants WHERE State = 'Declined' AND Version = 2"));
        Assert.Equal(people, await connection.ExecuteScalarAsync<int>("SELECT COUNT(DISTINCT ParticipantId) FROM ParticipantTransitions WHERE ToState = 'Declined' AND Reason = 'test'"));
        Assert.Equal(3, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM AuditLog WHERE Action = 'ParticipantsMoved'"));
    }
}
