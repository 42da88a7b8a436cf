using Dapper;
using Microsoft.AspNetCore.Http;
using ProgramOps.TestSupport;
using ProgramOps.Web.Features.Participants;
using ProgramOps.Web.Infrastructure.Audit;
using ProgramOps.Web.Infrastructure.Auth;

namespace ProgramOps.DataTests.Participants;

public sealed class ParticipantTransitionsTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Two_transitions_of_one_participant_at_once_give_one_step_and_one_conflict_never_two_steps()
    {
        var (cohort, contract) = await TestData.CohortOfNewClientAsync(_database.Db, "並行", "Enrolling", new DateOnly(2027, 1, 11));
        var id = (await TestData.ParticipantsAsync(_database.Db, cohort, contract, 1))[0];
        var transitions = new ParticipantTransitions(new AuditTrail(new HttpCurrentUser(new HttpContextAccessor()), TimeProvider.System), TimeProvider.System);

        for (var round = 0; round < 10; round++)
        {
            int current;
            await using (var c = await _database.Db.OpenAsync())
            {
                await c.ExecuteAsync("UPDATE Participants SET State = 'Invited' WHERE Id = @id", new { id });
                current = await c.ExecuteScalarAsync<int>("SELECT Version FROM Participants WHERE Id = @id", new { id });
            }

            // Both staff saw the same version: one records the enrolment, the other the decline.
            var results = await Task.WhenAll(new[] { ParticipantTrigger.Enrol, ParticipantTrigger.Decline }.Select(trigger => Task.Run(() =>
                _database.Db.InTransactionAsync((c, t) => transitions.FireAsync(c, t, id, current, (l, cause) => l.Fire(trigger, cause), null, "cs", "test", null, CancellationToken.None)))));

            Assert.Single(results.OfType<Transitioned>());
            Assert.Single(results.OfType<TransitionConflict>());
        }

        await using var connection = await _database.Db.OpenAsync();
        Assert.Equal(10, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM ParticipantTransitions WHERE ParticipantId = @id", new { id }));
    }
}
