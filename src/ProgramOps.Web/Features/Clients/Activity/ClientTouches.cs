namespace ProgramOps.Web.Features.Clients.Activity;

/// <summary>After how many days without a touch a high-touch client of a segment is warned about.</summary>
public sealed record TouchSetting
{
    public ClientSegment Segment { get; init; }
    public int NoTouchDays { get; init; }
    public int Version { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public string UpdatedBy { get; init; } = "";
}

/// <summary>
/// The reads of the activity log other features (and the client pages) use: the last touch (meeting, call, e-mail)
/// per client and per key person, and the per-segment "no touch for N days" settings.
/// </summary>
public static class ClientTouches
{
    private sealed class Touch
    {
        public int Id { get; init; }
        public DateOnly LastTouchOn { get; init; }
    }

    /// <summary>Every touched client's last touch; a client missing from the answer was never touched.</summary>
    public static async Task<IReadOnlyDictionary<int, DateOnly>> LastTouchPerClientAsync(DbConnection connection, DbTransaction? transaction, CancellationToken ct) =>
        (await connection.QueryAsync<Touch>(new CommandDefinition(ClientActivitySql.LastTouchPerClient, transaction: transaction, cancellationToken: ct)))
            .ToDictionary(t => t.Id, t => t.LastTouchOn);

    public static async Task<DateOnly?> LastTouchOfClientAsync(DbConnection connection, int clientId, CancellationToken ct) =>
        (await connection.QuerySingleOrDefaultAsync<Touch>(new CommandDefinition(ClientActivitySql.LastTouchOfClient, new { ClientId = clientId }, cancellationToken: ct)))?.LastTouchOn;

    /// <summary>The last touch that involved each of a client's key persons; a person missing from the answer was never touched.</summary>
    public static async Task<IReadOnlyDictionary<int, DateOnly>> LastTouchPerKeyPersonAsync(DbConnection connection, int clientId, CancellationToken ct) =>
        (await connection.QueryAsync<Touch>(new CommandDefinition(ClientActivitySql.LastTouchPerKeyPerson, new { ClientId = clientId }, cancellationToken: ct)))
            .ToDictionary(t => t.Id, t => t.LastTouchOn);

    public static async Task<IReadOnlyList<TouchSetting>> SettingsAsync(DbConnection connection, DbTransaction? transaction, CancellationToken ct) =>
        (await connection.QueryAsync<TouchSetting>(new CommandDefinition(ClientActivitySql.TouchSettings, transaction: transaction, cancellationToken: ct))).ToList();

    /// <summary>
    /// Whether a high-touch client has gone too long without a touch: never touched, or last touched more than the
    /// segment's days ago. Clients of other touch models are not warned about.
    /// </summary>
    public static bool IsOverdue(TouchModel touchModel, DateOnly? lastTouchOn, int noTouchDays, DateOnly today) =>
        touchModel == TouchModel.High && (lastTouchOn is null || today.DayNumber - lastTouchOn.Value.DayNumber > noTouchDays);
}
