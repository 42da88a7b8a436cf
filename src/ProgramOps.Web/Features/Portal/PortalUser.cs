namespace ProgramOps.Web.Features.Portal;

/// <summary>A client user: someone of a client (HR, a health-insurance society's staff) who signs in on the portal.</summary>
public sealed record PortalUser
{
    public int Id { get; init; }
    public int ClientId { get; init; }
    public required string Email { get; init; }
    public required string DisplayName { get; init; }

    /// <summary>Null until the invitation is accepted.</summary>
    public string? PasswordHash { get; init; }

    public bool IsDisabled { get; init; }

    /// <summary>Staff allow this user to download the invitation letters of their cohorts.</summary>
    public bool MayHoldCodes { get; init; }

    public required string SecurityStamp { get; init; }
    public int Version { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public string UpdatedBy { get; init; } = "";

    /// <summary>How the audit log names a client user: never mistaken for a staff user name.</summary>
    public string AuditName => AuditNameOf(Email);

    public static string AuditNameOf(string email) => AuthSchemes.PortalUserName(email);
}
