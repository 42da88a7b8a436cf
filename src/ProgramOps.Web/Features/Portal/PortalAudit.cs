namespace ProgramOps.Web.Features.Portal;

/// <summary>The audit log's words for what client users do and what staff do to their accounts (worded in AdminText).</summary>
public static class PortalAudit
{
    public const string Entity = "PortalUser";
    public const string Invited = "PortalInvited";
    public const string InvitationAccepted = "PortalInvitationAccepted";
    public const string PageViewed = "PortalPageViewed";
    public const string CodesAllowed = "PortalCodesAllowed";
    public const string CodesRefused = "PortalCodesRefused";
}
