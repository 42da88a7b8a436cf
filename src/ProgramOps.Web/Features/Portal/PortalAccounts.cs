using System.Globalization;
using System.Security.Claims;
using ProgramOps.Web.Features.Clients;

namespace ProgramOps.Web.Features.Portal;

/// <summary>Client users' accounts as sessions see them: the principal a sign-in issues and the check on every request.</summary>
public sealed class PortalAccounts(Db db, LocalClock clock) : IPortalSessions
{
    private sealed class Session
    {
        public int ClientId { get; init; }
        public string SecurityStamp { get; init; } = "";
        public bool IsDisabled { get; init; }
    }

    public async Task<PortalUser?> FindByEmailAsync(string email, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.QuerySingleOrDefaultAsync<PortalUser>(new CommandDefinition(PortalSql.FindUserByEmail, new { Email = email.Trim() }, cancellationToken: ct));
    }

    /// <summary>The session holds while the account is as issued (same stamp, same client), not disabled, and its client has not churned.</summary>
    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        if (!int.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id)) return false;
        await using var c = await db.OpenAsync(ct);
        var session = await c.QuerySingleOrDefaultAsync<Session>(new CommandDefinition(PortalSql.FindSession, new { Id = id }, cancellationToken: ct));
        if (session is null || session.IsDisabled) return false;
        if (session.SecurityStamp != principal.FindFirstValue(ClaimNames.SecurityStamp)) return false;
        if (session.ClientId.ToString(CultureInfo.InvariantCulture) != principal.FindFirstValue(ClaimNames.ClientId)) return false;
        return !await IsChurnedAsync(c, session.ClientId, ct);
    }

    /// <summary>A churned client's users are refused at sign-in and signed out on their next request (the derived status, not a flag).</summary>
    public async Task<bool> IsChurnedAsync(int clientId, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await IsChurnedAsync(c, clientId, ct);
    }

    private async Task<bool> IsChurnedAsync(DbConnection c, int clientId, CancellationToken ct)
    {
        var terms = await c.QueryAsync<(int ClientId, DateOnly StartDate, DateOnly EndDate, ContractStatus Status)>(
            new CommandDefinition(ClientsSql.TermsOfClients, new { ClientIds = new[] { clientId } }, cancellationToken: ct));
        return ClientStatusRules.Derive(terms.Select(t => new ContractTerm(t.StartDate, t.EndDate, t.Status)), clock.Today) == ClientStatus.Churned;
    }

    public static ClaimsPrincipal PrincipalFor(PortalUser user)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id.ToString(CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, user.Email),
            new(ClaimNames.DisplayName, user.DisplayName),
            new(ClaimNames.SecurityStamp, user.SecurityStamp),
            new(ClaimNames.ClientId, user.ClientId.ToString(CultureInfo.InvariantCulture)),
        };
        return new ClaimsPrincipal(new ClaimsIdentity(claims, AuthSchemes.Portal));
    }
}
