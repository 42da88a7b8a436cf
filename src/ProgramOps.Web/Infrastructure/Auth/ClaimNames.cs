namespace ProgramOps.Web.Infrastructure.Auth;

public static class ClaimNames
{
    public const string DisplayName = "programops:display_name";
    public const string SecurityStamp = "programops:security_stamp";
    public const string MustChangePassword = "programops:must_change_password";
}
