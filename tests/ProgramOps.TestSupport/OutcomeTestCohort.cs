using Dapper;
using ProgramOps.Web.Features.Clients;
using ProgramOps.Web.Infrastructure.Data;

namespace ProgramOps.TestSupport;

/// <summary>
/// A completed smoking cohort of 30 invited people with the history the lifecycle and the app would have left, for
/// report tests. By hand: 2 invitations expired; 28 enrolled; 6 dropped out in week 3 (after checking in in week 1);
/// 2 withdrew in week 5; 20 completed in week 12, of whom 12 quit (7 with a CO reading of 5 ppm, 5 at 15 ppm) and 8
/// did not. Satisfaction: 10 × 10, 5 × 8, 5 × 3. So ITT 12/28, completer 12/20, CO-verified 7, NPS (10 − 5)/20 = +25.
/// The app's events are stored with the facts the events path keeps on the participant (check-in weeks, answers).
/// </summary>
public static class OutcomeTestCohort
{
    public sealed record Built(int CohortId, int ClientId, int ContractId, DateOnly Start);

    public static async Task<Built> CreateAsync(Db db, string tag, DateOnly start, string status = "Completed")
    {
        var clientId = await TestData.ClientAsync(db, new ClientInput { Name = $"{tag}健康保険組合", Kind = ClientKind.HealthInsuranceSociety, EligiblePopulation = 400 });
        var contractId = await TestData.ActiveContractAsync(db, clientId, 40);
        var version = await TestData.PublishedProgramAsync(db, $"{tag}-smoking");
        var cohortId = await TestData.CohortAsync(db, $"{tag}禁煙コホート", version, status, start, (contractId, 40));
        var ids = await TestData.ParticipantsAsync(db, cohortId, contractId, 30);
        await db.InTransactionAsync(async (c, t) =>
        {
            var apiKey = await c.ExecuteScalarAsync<int>(
                $"INSERT INTO ApiKeys (Name, KeyId, ProtectedSecret, CreatedAt, CreatedBy, Version) VALUES (@tag, @tag, 'x', @now, 'seed', 1); {db.Dialect.SelectNewId}",
                new { tag = $"{tag}-app", now = DateTimeOffset.UtcNow }, t);
            var eventNumber = 0;
            async Task EventAsync(long participant, string type, int day, string payload) =>
                await c.ExecuteAsync(
                    "INSERT INTO ParticipantEvents (ApiKeyId, EventId, EventType, ParticipantId, OccurredAt, ReceivedAt, Payload) VALUES (@apiKey, @id, @type, @participant, @at, @at, @payload)",
                    new { apiKey, id = $"{tag}-{++eventNumber}", type, participant, at = At(start, day), payload }, t);
            async Task StateAsync(long participant, string state, int day, string? outcome = null, int? lastCheckInDay = null, string? from = null)
            {
                await c.ExecuteAsync(
                    "UPDATE Participants SET State = @state, Outcome = @outcome, StateChangedAt = @at, LastCheckInOn = @lastCheckIn WHERE Id = @participant",
                    new { state, outcome, at = At(start, day), lastCheckIn = lastCheckInDay is { } d ? start.AddDays(d) : (DateOnly?)null, participant }, t);
                if (from is not null)
                {
                    await c.ExecuteAsync(
                        "INSERT INTO ParticipantTransitions (ParticipantId, FromState, ToState, TriggerName, Outcome, Actor, OccurredAt) VALUES (@participant, @from, @state, 'Test', @outcome, 'seed', @at)",
                        new { participant, from, state, outcome, at = At(start, day) }, t);
                }
            }

            async Task FactsAsync(long participant, string checkInWeeks, double? coPpm = null, int? satisfaction = null) =>
                await c.ExecuteAsync(
                    "UPDATE Participants SET CheckInWeeks = @checkInWeeks, FinalCoPpm = @coPpm, SatisfactionScore = @satisfaction WHERE Id = @participant",
                    new { checkInWeeks, coPpm, satisfaction, participant }, t);

            for (var i = 0; i < 2; i++) await StateAsync(ids[i], "InvitationExpired", -7);
            for (var i = 2; i < 8; i++)
            {
                await StateAsync(ids[i], "DroppedOut", 16, lastCheckInDay: 2, from: "Active");
                await EventAsync(ids[i], "check_in", 2, """{"smoked":false,"cravings":5}""");
                await FactsAsync(ids[i], "1");
            }

            for (var i = 8; i < 10; i++) await StateAsync(ids[i], "Withdrawn", 30, from: "Active");
            for (var i = 10; i < 30; i++)
            {
                var quit = i < 22;
                await StateAsync(ids[i], "Completed", 83, quit ? "Succeeded" : "NotSucceeded", lastCheckInDay: 80);
                for (var week = 0; week < 12; week++) await EventAsync(ids[i], "check_in", week * 7 + 1, $$"""{"smoked":false,"cravings":3,"note":"{{tag}} week {{week + 1}} note {{i}}"}""");
                var co = i < 17 ? 5 : i < 22 ? 15 : 20;
                await EventAsync(ids[i], "final_assessment", 83, $$"""{"abstinentDays":{{(quit ? 30 : 0)}},"coPpm":{{co}}}""");
                var score = i < 20 ? 10 : i < 25 ? 8 : 3;
                await EventAsync(ids[i], "satisfaction", 83, $$"""{"score":{{score}}}""");
                await FactsAsync(ids[i], "111111111111", co, score);
            }
        });

        return new Built(cohortId, clientId, contractId, start);
    }

    /// <summary>Noon in Tokyo on the program day.</summary>
    private static DateTimeOffset At(DateOnly start, int day) => new(start.AddDays(day).ToDateTime(new TimeOnly(3, 0)), TimeSpan.Zero);
}
