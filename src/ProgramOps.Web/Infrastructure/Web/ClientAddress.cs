namespace ProgramOps.Web.Infrastructure.Web;

/// <summary>The client's address as sign-in lockouts and rate limits count it (the proxy's X-Forwarded-For applied).</summary>
public static class ClientAddress
{
    public static string Of(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
