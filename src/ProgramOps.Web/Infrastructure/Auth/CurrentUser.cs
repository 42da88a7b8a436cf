using System.Security.Claims;

namespace ProgramOps.Web.Infrastructure.Auth;

/// <summary>The staff member a write is attributed to (or, on the portal, the client user, who has no staff id).</summary>
public interface ICurrentUser
{
    int? Id { get; }
    string UserName { get; }
}

public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    private bool IsPortal => Principal?.Identity?.AuthenticationType == AuthSchemes.Portal;

    /// <summary>A client user's id is not a staff user's: it is never written where a staff id goes.</summary>
    public int? Id => !IsPortal && int.TryParse(Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public string UserName => Principal?.Identity?.IsAuthenticated != true ? "system"
        : IsPortal ? AuthSchemes.PortalUserName(Principal.Identity.Name ?? "?")
        : Principal.Identity.Name ?? "?";
}
