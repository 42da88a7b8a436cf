using Dapper;
using ProgramOps.DataTests.Demo;
using ProgramOps.TestSupport;
using ProgramOps.Web.Features.Events;
using ProgramOps.Web.Features.Participants;

namespace ProgramOps.DataTests.Events;

/// <summary>
/// A batch reads its participants and seen ids before its turn at the writer; what changed in between must be noticed
/// in its turn, so the batch acts as if it had read everything there.
/// </summary>
public sealed class EventReadAheadTests : IDisposable
{
    private static readonly DateOnly Start = new(2027, 1, 11);
    private static readonly DateTimeOffset Now = new(2027, 2, 1, 1, 0, 0, TimeSpan.Zero);
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Records_read_ahead_are_stale_when_the_participant_or_what_their_guards_read_changed_since()
    {
        var (cohort, contract) = await TestData.CohortOfNewClientAsync(_database.Db, "先読み", "Running", Start);
        var ids = await TestData.ParticipantsAsync(_database.Db, cohort, contract, 4);
        var codes = ids.Select(Code).ToList();
        await using var c = await _database.Db.OpenAsync();
        var readAhead = (await LifecycleParticipant.FindByCodesAsync(c, null, _database.Db.Dialect, codes, CancellationToken.None)).Values.OfType<LifecycleParticipant>().ToList();

        await c.ExecuteAsync("UPDATE Participants SET Version = Version + 1 WHERE Id = @Id", new { Id = ids[0] });
        await c.ExecuteAsync("""
            INSERT INTO Shipments (ParticipantId, CohortId, Week, Item, DueOn, Status, DeliveredOn, CreatedAt, UpdatedAt, UpdatedBy)
            VALUES (@Id, @cohort, 0, 'kit', '2027-01-05', 'Delivered', '2027-01-08', @Now, @Now, 'test')
            """, new { Id = ids[1], cohort, Now });
        await c.ExecuteAsync("DELETE FROM Participants WHERE Id = @Id", new { Id = ids[2] });

        var stale = await _database.Db.InTransactionAsync((tc, t) => LifecycleParticipant.StaleAsync(tc, t, _database.Db.Dialect, readAhead, CancellationToken.None));
        Assert.Equal(ids.Take(3).Order(), stale.Select(r => r.Id).Order());

        await c.ExecuteAsync("UPDATE Cohorts SET StartDate = '2027-01-18' WHERE Id = @cohort", new { cohort });
        stale = await _database.Db.InTransactionAsync((tc, t) => LifecycleParticipant.StaleAsync(tc, t, _database.Db.Dialect, readAhead, CancellationToken.None));
        Assert.Contains(ids[3], stale.Select(r => r.Id));
    }

    [Fact]
    public async Task An_event_id_stored_after_the_batch_looked_is_a_duplicate_that_writes_nothing()
    {
        var (cohort, contract) = await TestData.CohortOfNewClientAsync(_database.Db, "重複", "Running", Start);
        var id = (await TestData.ParticipantsAsync(_database.Db, cohort, contract, 1))[0];
        await using (var seed = await _database.Db.OpenAsync())
            await seed.ExecuteAsync("UPDATE Participants SET State = 'Active' WHERE Id = @id", new { id });
        var ingestion = IngestionFixture.Ingestion(_database.Db, new FixedTime(Now));
        var integration = new Integration(await ApiKeyAsync(), "app");
        var checkIn = new IncomingEvent("e-1", "check_in", Code(id), Now, System.Text.Json.JsonSerializer.SerializeToElement(new { smoked = false, cravings = 2 }));

        // Another batch holds the writer while this one reads ahead, and stores the same id in its turn.
        Task<EventBatchResponse> applying;
        await using (var other = await _database.Db.BeginWriteAsync())
        {
            applying = ingestion.ApplyAsync(integration, [checkIn], CancellationToken.None);
            // Until the batch waits for the writer (or fails before it, which the await below reports).
            while (!_database.Db.WritersWaiting && !applying.IsCompleted) await Task.Delay(10);
            await other.Connection.ExecuteAsync("""
                INSERT INTO ParticipantEvents (ApiKeyId, EventId, EventType, ParticipantId, OccurredAt, ReceivedAt, Payload)
                VALUES (@ApiKeyId, 'e-1', 'check_in', @id, '2027-02-01T01:00:00.0000000Z', '2027-02-01T01:00:00.0000000Z', '{}')
                """, new { integration.ApiKeyId, id }, other.Transaction);
            await other.CommitAsync();
        }

        var response = await applying;

        Assert.Equal(EventStatus.Duplicate, Assert.Single(response.Results).Status);
        await using var check = await _database.Db.OpenAsync();
        Assert.Equal(1, await check.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM ParticipantEvents WHERE EventId = 'e-1'"));
        Assert.Null(await check.ExecuteScalarAsync<string>("SELECT LastCheckInOn FROM Participants WHERE Id = @id", new { id }));
    }

    [Fact]
    public async Task A_refused_event_is_not_kept_so_its_id_may_come_again()
    {
        var (cohort, contract) = await TestData.CohortOfNewClientAsync(_database.Db, "拒否", "Running", Start);
        var id = (await TestData.ParticipantsAsync(_database.Db, cohort, contract, 1))[0];
        await using (var seed = await _database.Db.OpenAsync())
            await seed.ExecuteAsync("UPDATE Participants SET State = 'Active' WHERE Id = @id", new { id });
        var ingestion = IngestionFixture.Ingestion(_database.Db, new FixedTime(Now));
        var integration = new Integration(await ApiKeyAsync(), "app");
        // No abstinence answer and no CO reading: the smoking program's criterion cannot decide, so the event is refused.
        var incomplete = new IncomingEvent("final-1", "final_assessment", Code(id), Now, System.Text.Json.JsonSerializer.SerializeToElement(new { }));

        var first = await ingestion.ApplyAsync(integration, [incomplete], CancellationToken.None);
        var again = await ingestion.ApplyAsync(integration, [incomplete], CancellationToken.None);

        Assert.Equal([EventStatus.Rejected, EventStatus.Rejected], first.Results.Concat(again.Results).Select(r => r.Status));
        // Refused by the lifecycle in the batch's turn, not by the reader before; nothing was stored.
        Assert.Contains("success criterion", again.Results[0].Reason);
        await using var check = await _database.Db.OpenAsync();
        Assert.Equal(0, await check.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM ParticipantEvents"));
    }

    private Task<int> ApiKeyAsync() => IngestionFixture.ApiKeyAsync(_database.Db, Now);

    private static string Code(long id) => IngestionFixture.Code(id);
}
