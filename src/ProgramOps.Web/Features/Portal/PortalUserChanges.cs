using System.Globalization;

namespace ProgramOps.Web.Features.Portal;

/// <summary>
/// What staff change on a client user, each only while the account is at the version they saw (false otherwise) and
/// audited. Disabling takes a new security stamp, so the user's session ends on their next request.
/// </summary>
public sealed class PortalUserChanges(Db db, AuditTrail audit, ICurrentUser staff, TimeProvider time)
{
    public Task<bool> SetDisabledAsync(int clientId, int id, int version, bool disabled, CancellationToken ct) =>
        WriteAsync(PortalSql.SetDisabled, clientId, id, version, new { IsDisabled = disabled, SecurityStamp = Account.UserAccounts.NewSecurityStamp() },
            disabled ? "Disabled" : "Enabled", ct);

    public Task<bool> SetMayHoldCodesAsync(int clientId, int id, int version, bool allowed, CancellationToken ct) =>
        WriteAsync(PortalSql.SetMayHoldCodes, clientId, id, version, new { MayHoldCodes = allowed },
            allowed ? PortalAudit.CodesAllowed : PortalAudit.CodesRefused, ct);

    private Task<bool> WriteAsync(string sql, int clientId, int id, int version, object fields, string action, CancellationToken ct) =>
        db.InTransactionAsync(async (c, t) =>
        {
            var parameters = new DynamicParameters(fields);
            parameters.AddDynamicParams(new { Id = id, ClientId = clientId, Version = version, Now = time.GetUtcNow(), Actor = staff.UserName });
            if (await c.ExecuteAsync(new CommandDefinition(sql, parameters, t, cancellationToken: ct)) != 1) return false;
            await audit.RecordAsync(c, t, new AuditEntry(PortalAudit.Entity, id.ToString(CultureInfo.InvariantCulture), action, $"client #{clientId}"));
            return true;
        }, ct);
}
