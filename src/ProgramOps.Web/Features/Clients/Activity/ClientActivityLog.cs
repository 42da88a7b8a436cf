namespace ProgramOps.Web.Features.Clients.Activity;

/// <summary>
/// One entry for a client's activity log. <paramref name="SystemKey"/> names the event a job or report records
/// (e.g. <c>report:42</c>): an entry with a key already in the log is not added again. Staff entries have none.
/// </summary>
public sealed record ClientActivityEntry(
    int ClientId, ClientActivityKind Kind, DateOnly OccurredOn, string Summary, string? NextStep = null, string? SystemKey = null,
    IReadOnlyCollection<int>? KeyPersonIds = null);

/// <summary>
/// The write API of the activity log (owned by Clients): other features add their entries through it, inside their
/// own transaction, so an entry exists exactly when the event it records was committed.
/// </summary>
public static class ClientActivityLog
{
    public const int MaxSummaryLength = 2000;
    public const int MaxNextStepLength = 1000;
    public const int MaxSystemKeyLength = 100;

    /// <summary>Adds the entry and returns its id, or null when an entry with its system key is already in the log.</summary>
    /// <param name="userId">The staff user who recorded it; null for a job.</param>
    /// <param name="actor">The user name, or the job's name.</param>
    public static async Task<int?> AppendAsync(
        DbConnection connection, DbTransaction transaction, SqlDialect dialect, ClientActivityEntry entry, int? userId, string actor,
        DateTimeOffset now, CancellationToken ct = default)
    {
        if (entry.Summary.Length > MaxSummaryLength) throw new ArgumentException($"An activity's summary is at most {MaxSummaryLength} characters.", nameof(entry));
        if (entry.SystemKey is { Length: > MaxSystemKeyLength }) throw new ArgumentException($"A system key is at most {MaxSystemKeyLength} characters.", nameof(entry));
        if (entry.SystemKey is not null && await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                ClientActivitySql.SystemEntryExists, new { entry.SystemKey }, transaction, cancellationToken: ct)) > 0)
            return null;

        var id = await connection.ExecuteScalarAsync<int>(new CommandDefinition(ClientActivitySql.Insert + dialect.SelectNewId, new
        {
            entry.ClientId, Kind = entry.Kind.ToString(), entry.OccurredOn, entry.Summary, entry.NextStep, entry.SystemKey,
            UserId = userId, Actor = actor, Now = now,
        }, transaction, cancellationToken: ct));

        if (entry.KeyPersonIds is { Count: > 0 } ids)
        {
            var own = (await connection.QueryAsync<int>(new CommandDefinition(ClientActivitySql.KeyPersonsOfClient,
                new { entry.ClientId, Ids = ids.Distinct().ToArray() }, transaction, cancellationToken: ct))).ToList();
            if (own.Count != ids.Distinct().Count()) throw new ArgumentException("Every key person of an activity must be one of its client's.", nameof(entry));
            await connection.ExecuteAsync(new CommandDefinition(ClientActivitySql.InsertPerson,
                own.Select(p => new { ActivityId = id, KeyPersonId = p }), transaction, cancellationToken: ct));
        }

        return id;
    }

    /// <summary>Removes a key person still at <paramref name="version"/> from the activities that name them (before the person is deleted).</summary>
    public static Task ForgetKeyPersonAsync(DbConnection connection, DbTransaction transaction, int keyPersonId, int version) =>
        connection.ExecuteAsync(ClientActivitySql.ForgetKeyPerson, new { KeyPersonId = keyPersonId, Version = version }, transaction);
}
