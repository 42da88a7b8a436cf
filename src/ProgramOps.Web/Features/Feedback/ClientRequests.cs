namespace ProgramOps.Web.Features.Feedback;

/// <summary>A request a client filed, as the client sees it: what they wrote and where it stands.</summary>
public sealed class ClientRequest
{
    public int Id { get; init; }
    public string Title { get; init; } = "";
    public FeedbackStatus Status { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>
/// Requests a client's users file on the client portal: a feedback item from the client (source Client, the client
/// asked), routed by the same rules as every other item, with its audit row; and the list of them with their status.
/// </summary>
public sealed class ClientRequests(Db db, AuditTrail audit, ICurrentUser user, TimeProvider time, FeedbackRouting routing)
{
    /// <summary>Files the request once per form (a repeated post finds the first item); returns the item's id.</summary>
    public async Task<int> FileAsync(int clientId, string title, string description, Guid submission, CancellationToken ct)
    {
        var input = new FeedbackInput
        {
            Title = title, Description = description, Source = FeedbackSource.Client, ClientId = clientId, Stage = FunnelStage.Renewal,
            ClientAsked = ScopeAnswer.Yes, AffectedCount = 0,
        }.Normalized();
        var outcome = (await routing.CurrentAsync(ct)).Route(input.ToFacts(null));
        var actor = new FeedbackActor(null, user.UserName, time.GetUtcNow());
        return await db.InTransactionAsync(async (c, t) =>
        {
            if (await FormSubmissions.FindAsync(c, t, submission, "FeedbackItem") is { } existing) return existing;
            var itemId = await FeedbackIntake.InsertAsync(c, t, db.Dialect, input, outcome, actor);
            await FormSubmissions.RecordAsync(c, t, submission, "FeedbackItem", itemId, actor.Now);
            await audit.RecordAsync(c, t, new AuditEntry("FeedbackItem", itemId.ToString(System.Globalization.CultureInfo.InvariantCulture), "Reported",
                $"{input.Title} → {outcome.Rules.Destination} ({outcome.Rules.Confidence:P0})"));
            return itemId;
        }, ct);
    }

    public async Task<IReadOnlyList<ClientRequest>> OfClientAsync(int clientId, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return [.. await c.QueryAsync<ClientRequest>(new CommandDefinition(ClientRequestsSql.OfClient, new { ClientId = clientId }, cancellationToken: ct))];
    }
}
