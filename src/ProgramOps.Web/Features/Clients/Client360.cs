using ProgramOps.Web.Features.Clients.Activity;
using ProgramOps.Web.Features.Clients.Plans;
using ProgramOps.Web.Features.Participants;

namespace ProgramOps.Web.Features.Clients;

public sealed record OpenActionRow
{
    public int Id { get; init; }
    public string Kind { get; init; } = "";
    public DateOnly DueOn { get; init; }
    public string Status { get; init; } = "";
    public int Priority { get; init; }
    public string? OwnerName { get; init; }
}

public sealed record FeedbackRow
{
    public int Id { get; init; }
    public string Title { get; init; } = "";
    public string Status { get; init; } = "";
    public string Severity { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
}

public sealed record MemberRow
{
    public int Id { get; init; }
    public string Name { get; init; } = "";
    public int EligiblePopulation { get; init; }
    public int SeatsInForce { get; init; }
    public long ValueInForceJpy { get; init; }
}

/// <summary>The client's part of one cohort: the seats it put in and its people by lifecycle state (states with nobody left out).</summary>
public sealed record ClientCohortPart(int Seats, IReadOnlyList<(ParticipantState State, int People)> ByState);

/// <summary>What the client page shows beside the client's own records: touches, warnings, plan, actions, feedback, members.</summary>
public sealed record Client360View(
    DateOnly? LastTouchOn, int NoTouchDays, bool NoTouchWarning, bool NoDecisionMaker, IReadOnlyDictionary<int, DateOnly> KeyPersonTouches,
    AccountPlan? Plan, bool ShowsPlan, IReadOnlyList<OpenActionRow> OpenActions, IReadOnlyList<FeedbackRow> Feedback, IReadOnlyList<MemberRow> Members,
    IReadOnlyDictionary<int, ClientCohortPart> CohortParts);

/// <summary>Reads the client page's account sections on one connection, one statement per section.</summary>
public sealed class Client360Reader(Db db, LocalClock clock)
{
    public const int FeedbackShown = 20;

    public async Task<Client360View> ReadAsync(ClientDetails client, IReadOnlyList<KeyPersonRow> keyPersons, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var today = clock.Today;
        var lastTouch = await ClientTouches.LastTouchOfClientAsync(c, client.Id, ct);
        var settings = await ClientTouches.SettingsAsync(c, null, ct);
        var noTouchDays = settings.Single(s => s.Segment == client.Segment).NoTouchDays;
        var plan = await AccountPlans.FindAsync(c, client.Id, ct);
        return new Client360View(
            lastTouch, noTouchDays, ClientTouches.IsOverdue(client.TouchModel, lastTouch, noTouchDays, today),
            keyPersons.All(p => p.Role != KeyPersonRole.DecisionMaker),
            await ClientTouches.LastTouchPerKeyPersonAsync(c, client.Id, ct),
            plan, plan is not null || client.Styles.Contains(CsStyle.Consulting),
            [.. await c.QueryAsync<OpenActionRow>(new CommandDefinition(Client360Sql.OpenActions, new { ClientId = client.Id }, cancellationToken: ct))],
            [.. await c.QueryAsync<FeedbackRow>(new CommandDefinition(Client360Sql.Feedback(db.Dialect), new { ClientId = client.Id, Skip = 0, Take = FeedbackShown }, cancellationToken: ct))],
            [.. await c.QueryAsync<MemberRow>(new CommandDefinition(Client360Sql.MemberRollUp, new { ClientId = client.Id, Today = today }, cancellationToken: ct))],
            await CohortPartsAsync(c, client.Id, ct));
    }

    private static async Task<IReadOnlyDictionary<int, ClientCohortPart>> CohortPartsAsync(DbConnection c, int clientId, CancellationToken ct)
    {
        var states = (await c.QueryAsync<(int CohortId, ParticipantState State, int People)>(new CommandDefinition(Client360Sql.CohortStates, new { ClientId = clientId }, cancellationToken: ct)))
            .ToLookup(s => s.CohortId);
        return (await c.QueryAsync<(int CohortId, int Seats)>(new CommandDefinition(Client360Sql.CohortSeats, new { ClientId = clientId }, cancellationToken: ct)))
            .ToDictionary(s => s.CohortId, s => new ClientCohortPart(s.Seats, [.. states[s.CohortId].OrderBy(x => x.State).Select(x => (x.State, x.People))]));
    }
}
