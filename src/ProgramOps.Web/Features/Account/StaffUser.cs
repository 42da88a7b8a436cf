namespace ProgramOps.Web.Features.Account;

public sealed record StaffUser
{
    public int Id { get; init; }
    public required string UserName { get; init; }
    public required string DisplayName { get; init; }
    public string? Email { get; init; }
    public required string PasswordHash { get; init; }
    public bool IsDisabled { get; init; }
    public bool MustChangePassword { get; init; }
    public int FailedSignInCount { get; init; }
    public DateTimeOffset? LockoutEndsAt { get; init; }
    public required string SecurityStamp { get; init; }
    public int Version { get; init; }
    public IReadOnlyList<string> Roles { get; init; } = [];
}
