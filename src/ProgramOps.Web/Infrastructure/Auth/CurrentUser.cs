using System.Security.Claims;

namespace ProgramOps.Web.Infrastructure.Auth;

/// <summary>The staff member a write is attributed to.</summary>
public interface ICurrentUser
{
    int? Id { get; }
    string UserName { get; }
}

public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public int? Id => int.TryParse(Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public string UserName => Principal?.Identity?.IsAuthenticated == true ? Principal.Identity.Name ?? "?" : "system";
}
