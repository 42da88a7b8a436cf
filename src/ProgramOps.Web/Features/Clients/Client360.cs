using ProgramOps.Web.Features.Clients.Activity;
using ProgramOps.Web.Features.Clients.Plans;

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

/// <summary>What the client page shows beside the client's own records: touches, warnings, plan, actions, feedback, members.</summary>
public sealed record Client360View(
    DateOnly? LastTouchOn, int NoTouchDays, bool NoTouchWarning, bool NoDecisionMaker, IReadOnlyDictionary<int, DateOnly> KeyPersonTouches,
    AccountPlan? Plan, bool ShowsPlan, IReadOnlyList<OpenActionRow> OpenActions, IReadOnlyList<FeedbackRow> Feedback, IReadOnlyList<MemberRow> Members);

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
            plan, plan is not null || client.CsStyle == CsStyle.Consulting,
            [.. await c.QueryAsync<OpenActionRow>(new CommandDefinition(Client360Sql.OpenActions, new { ClientId = client.Id }, cancellationToken: ct))],
            [.. await c.QueryAsync<FeedbackRow>(new CommandDefinition(Client360Sql.Feedback(db.Dialect), new { ClientId = client.Id, Skip = 0, Take = FeedbackShown }, cancellationToken: ct))],
            [.. await c.QueryAsync<MemberRow>(new CommandDefinition(Client360Sql.MemberRollUp, new { ClientId = client.Id, Today = today }, cancellationToken: ct))]);
    }
}
