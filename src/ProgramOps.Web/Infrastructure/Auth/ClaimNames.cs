namespace ProgramOps.Web.Infrastructure.Auth;

public static class ClaimNames
{
    public const string DisplayName = "programops:display_name";
    public const string SecurityStamp = "programops:security_stamp";
    public const string MustChangePassword = "programops:must_change_password";

    /// <summary>The client a portal session belongs to: every portal query is scoped by it.</summary>
    public const string ClientId = "programops:client_id";
}
