namespace ProgramOps.Web.Features.Account;

public enum SignInOutcome
{
    SignedIn,
    WrongCredentials,
    LockedOut,
    Disabled,
}

/// <summary>Repeated wrong passwords lock an account for a while; the rule has no I/O.</summary>
public sealed record LockoutPolicy(int MaxFailedAttempts, TimeSpan LockoutDuration)
{
    public static readonly LockoutPolicy Default = new(5, TimeSpan.FromMinutes(15));

    public bool IsLockedOut(StaffUser user, DateTimeOffset now) => user.LockoutEndsAt is { } end && end > now;

    /// <summary>The failure count and lockout end to store after a wrong password.</summary>
    public (int FailedCount, DateTimeOffset? LockoutEndsAt) AfterFailure(StaffUser user, DateTimeOffset now)
    {
        var failures = user.FailedSignInCount + 1;
        return failures >= MaxFailedAttempts ? (0, now + LockoutDuration) : (failures, null);
    }
}
