using System.Globalization;

namespace ProgramOps.Web.Features.Events;

/// <summary>Registers an integration's API key inside the caller's transaction, audited (the Admin page and the demo's base app).</summary>
public static class ApiKeyRegistration
{
    /// <returns>The key's row id, which the events it signs are stored under.</returns>
    public static async Task<int> InsertAsync(
        DbConnection c, DbTransaction t, SqlDialect dialect, AuditTrail audit, string name, NewApiKey key, DateTimeOffset now, int? actorUserId, string actor)
    {
        var id = await c.ExecuteScalarAsync<int>(EventsSql.InsertApiKey(dialect), new { Name = name, key.KeyId, key.ProtectedSecret, Now = now, Actor = actor }, t);
        await audit.RecordAsync(c, t, new AuditEntry("ApiKey", id.ToString(CultureInfo.InvariantCulture), "Created", $"{name} ({key.KeyId})"), actorUserId, actor);
        return id;
    }
}
