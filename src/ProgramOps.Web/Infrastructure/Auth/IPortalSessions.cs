using System.Security.Claims;

namespace ProgramOps.Web.Infrastructure.Auth;

/// <summary>
/// What a portal cookie is checked against on every request (the account as issued, not disabled, its client not
/// churned). The portal feature provides it; the cookie handler here only asks.
/// </summary>
public interface IPortalSessions
{
    Task<bool> IsCurrentAsync(ClaimsPrincipal principal, CancellationToken ct = default);
}
