using System.Globalization;
using System.Text.Json;
using Dapper;
using ProgramOps.DataTests.Demo;
using ProgramOps.TestSupport;
using ProgramOps.Web.Features.Events;
using ProgramOps.Web.Infrastructure.Audit;
using ProgramOps.Web.Infrastructure.Data;
using ProgramOps.Web.Infrastructure.Text;

namespace ProgramOps.DataTests.Events;

/// <summary>
/// A batch reads its participants at once and writes through prepared statements; the result must be what the same
/// events give one at a time: the same answers, states, histories, stored events and audit rows — but for the
/// lifecycle steps, which are audited in one row per batch: together those rows count the same steps.
/// </summary>
public sealed class EventBatchEquivalenceTests : IDisposable
{
    private static readonly DateOnly Start = new(2027, 1, 11);
    private static readonly DateTimeOffset Now = new(2027, 2, 1, 1, 0, 0, TimeSpan.Zero);
    private const int People = 40;
    private readonly TimeProvider _time = new FixedTime(Now);
    private readonly TestDatabase _batched = new();
    private readonly TestDatabase _oneByOne = new();
    private readonly TestDatabase _queued = new();

    public void Dispose()
    {
        _batched.Dispose();
        _oneByOne.Dispose();
        _queued.Dispose();
    }

    [Fact]
    public async Task A_generated_stream_in_batches_leaves_the_same_states_and_logs_as_its_events_sent_one_by_one()
    {
        var stream = GeneratedStream(seed: 18, count: 800);
        var integration = new Integration(await SeedAsync(_batched.Db), "bench");
        Assert.Equal(integration.ApiKeyId, await SeedAsync(_oneByOne.Db));

        var batchedResults = new List<EventResult>();
        foreach (var batch in stream.Chunk(100)) batchedResults.AddRange((await Ingestion(_batched.Db).ApplyAsync(integration, batch, CancellationToken.None)).Results);

        await AssertSameAsOneByOneAsync(stream, integration, batchedResults, _batched.Db);
        Assert.True((await RowsAsync(_batched.Db, Tables[1])).Count >= People / 2, "too few transitions to compare");
    }

    [Fact]
    public async Task Batches_that_read_ahead_while_earlier_ones_wait_for_the_writer_leave_the_same_states_and_logs_as_one_by_one()
    {
        var stream = GeneratedStream(seed: 62, count: 800);
        var integration = new Integration(await SeedAsync(_queued.Db), "bench");
        Assert.Equal(integration.ApiKeyId, await SeedAsync(_oneByOne.Db));

        // Every batch reads ahead while a writer holds the turn, so each sees none of the batches queued before it.
        var queued = new List<Task<EventBatchResponse>>();
        await using (await _queued.Db.BeginWriteAsync())
        {
            foreach (var batch in stream.Chunk(100)) queued.Add(Ingestion(_queued.Db).ApplyAsync(integration, batch, CancellationToken.None));
            for (var i = 0; i < 500 && !_queued.Db.WritersWaiting; i++) await Task.Delay(10);
            Assert.True(_queued.Db.WritersWaiting);
            Assert.All(queued, q => Assert.False(q.IsCompleted));
        }

        await AssertSameAsOneByOneAsync(stream, integration, [.. (await Task.WhenAll(queued)).SelectMany(r => r.Results)], _queued.Db);
    }

    /// <summary>The stream's events sent one by one give the same answers and leave the same rows as <paramref name="results"/> left in <paramref name="db"/>.</summary>
    private async Task AssertSameAsOneByOneAsync(List<IncomingEvent> stream, Integration integration, List<EventResult> results, Db db)
    {
        var singleResults = new List<EventResult>();
        foreach (var e in stream) singleResults.AddRange((await Ingestion(_oneByOne.Db).ApplyAsync(integration, [e], CancellationToken.None)).Results);

        Assert.Equal(singleResults.Select(r => (r.Id, r.Status, r.Reason)), results.Select(r => (r.Id, r.Status, r.Reason)));
        // The stream exercises every answer and several moves, so the comparison below compares something.
        Assert.All(Enum.GetValues<EventStatus>(), status => Assert.Contains(results, r => r.Status == status));
        foreach (var table in Tables)
        {
            Assert.Equal(await RowsAsync(_oneByOne.Db, table), await RowsAsync(db, table));
        }

        var steps = await StepsLoggedAsync(db);
        Assert.NotEmpty(steps);
        Assert.Equal(steps, await StepsAuditedAsync(db));
        Assert.Equal(steps, await StepsAuditedAsync(_oneByOne.Db));
        Assert.Equal(0, await CountAsync(db, "SELECT COUNT(*) FROM AuditLog WHERE EntityType = 'Participant'"));
        Assert.True(await CountAsync(db, AppStepRows) < await CountAsync(_oneByOne.Db, AppStepRows), "batches write fewer audit rows for their steps");
    }

    private const string AppStepRows = "SELECT COUNT(*) FROM AuditLog WHERE EntityType = 'ApiKey' AND Action = 'ParticipantsMoved'";

    /// <summary>How many steps the app's events made from each state to each, by the transition log.</summary>
    private static async Task<Dictionary<string, int>> StepsLoggedAsync(Db db)
    {
        await using var c = await db.OpenAsync();
        return (await c.QueryAsync<(string From, string To, int Count)>(
                "SELECT FromState, ToState, COUNT(*) FROM ParticipantTransitions WHERE Actor = 'base-app' GROUP BY FromState, ToState"))
            .ToDictionary(s => $"{s.From} → {s.To}", s => s.Count);
    }

    /// <summary>The same, added up from the batches' audit rows ("State (1) ×12": From → To).</summary>
    private static async Task<Dictionary<string, int>> StepsAuditedAsync(Db db)
    {
        await using var c = await db.OpenAsync();
        var rows = await c.QueryAsync<(string? Summary, string Changes)>(
            "SELECT Summary, Changes FROM AuditLog WHERE EntityType = 'ApiKey' AND Action = 'ParticipantsMoved' AND UserName = 'base-app' ORDER BY Id");
        var steps = new Dictionary<string, int>();
        foreach (var (summary, changes) in rows)
        {
            var moves = ChangeSet.FromJson(changes)
                .Select(m => (Step: $"{m.Value.Before} → {m.Value.After}", Count: int.Parse(m.Key[(m.Key.IndexOf('×') + 1)..], CultureInfo.InvariantCulture)))
                .ToList();
            // The row's summary names as many steps as its changes count.
            Assert.Equal(moves.Sum(m => m.Count).ToString(CultureInfo.InvariantCulture), CodedText.Decode(summary)!.Args[1]);
            foreach (var (step, count) in moves) steps[step] = steps.GetValueOrDefault(step) + count;
        }

        return steps;
    }

    private static async Task<int> CountAsync(Db db, string sql)
    {
        await using var c = await db.OpenAsync();
        return await c.ExecuteScalarAsync<int>(sql);
    }

    private static readonly string[] Tables =
    [
        "SELECT Id, State, Outcome, Version, LastCheckInOn, QuitDate, StateChangedAt, UpdatedAt, UpdatedBy FROM Participants ORDER BY Id",
        "SELECT Id, ParticipantId, FromState, ToState, TriggerName, Outcome, Actor, OccurredAt, Reason, EventId FROM ParticipantTransitions ORDER BY Id",
        "SELECT Id, ApiKeyId, EventId, EventType, ParticipantId, OccurredAt, ReceivedAt, Payload FROM ParticipantEvents ORDER BY Id",
        "SELECT OccurredAt, UserId, UserName, EntityType, EntityId, Action, Summary, Changes FROM AuditLog WHERE Action <> 'ParticipantsMoved' ORDER BY Id",
        "SELECT Id, LastUsedAt FROM ApiKeys ORDER BY Id",
    ];

    private EventIngestion Ingestion(Db db) => IngestionFixture.Ingestion(db, _time);

    /// <summary>A running cohort whose participants stand in the states events act on; returns the API key's id.</summary>
    private static async Task<int> SeedAsync(Db db)
    {
        var (cohort, contract) = await TestData.CohortOfNewClientAsync(db, "同等", "Running", Start);
        await TestData.ParticipantsAsync(db, cohort, contract, People);
        await using (var c = await db.OpenAsync())
        {
            await c.ExecuteAsync("""
                UPDATE Participants SET State = CASE Id % 4 WHEN 1 THEN 'Active' WHEN 2 THEN 'AtRisk' WHEN 3 THEN 'Onboarding' ELSE 'Invited' END,
                    StateChangedAt = '2027-01-04T00:00:00.0000000Z', UpdatedAt = '2027-01-04T00:00:00.0000000Z'
                """);
        }

        return await IngestionFixture.ApiKeyAsync(db, Now);
    }

    /// <summary>Events of every type about the same few people, with repeated ids, unknown codes and bad values among them.</summary>
    private static List<IncomingEvent> GeneratedStream(int seed, int count)
    {
        var random = new Random(seed);
        var events = new List<IncomingEvent>(count);
        for (var n = 0; n < count; n++)
        {
            var id = n > 0 && random.Next(20) == 0 ? events[random.Next(n)].Id : $"e-{n}";
            var code = random.Next(30) == 0 ? "ZZZZZZZZZZZZ" : (1 + random.Next(People)).ToString("D12", System.Globalization.CultureInfo.InvariantCulture);
            var (type, data) = random.Next(8) switch
            {
                0 or 1 => ("app_linked", (object?)null),
                2 or 3 => ("check_in", new { smoked = random.Next(5) == 0, cravings = random.Next(13) }),
                4 => ("quit_date_set", new { quitDate = Start.AddDays(random.Next(30)) }),
                5 => ("final_assessment", random.Next(4) == 0 ? new { coPpm = 3 } : (object)new { abstinentDays = random.Next(40) }),
                6 => ("satisfaction", new { score = random.Next(12) }),
                _ => ("measurement", new { weightKg = 60 + random.Next(20) }),
            };
            var element = data is null ? (JsonElement?)null : JsonSerializer.SerializeToElement(data, new JsonSerializerOptions(JsonSerializerDefaults.Web));
            events.Add(new IncomingEvent(id, type, code, Now.AddMinutes(-random.Next(600)), element));
        }

        return events;
    }

    private static async Task<List<string>> RowsAsync(Db db, string sql)
    {
        await using var c = await db.OpenAsync();
        return [.. (await c.QueryAsync(sql)).Select(row => string.Join(" | ", ((IDictionary<string, object?>)row).Values))];
    }
}
