namespace ProgramOps.Web.Features.Account;

public enum SignInOutcome
{
    SignedIn,
    WrongCredentials,
    LockedOut,
    Disabled,
}

/// <summary>Wrong passwords from one client address for one user, and until when that address is locked out of that account.</summary>
public sealed record SignInLockout(int FailedCount, DateTimeOffset? LockedUntil)
{
    public static readonly SignInLockout None = new(0, null);
}

/// <summary>
/// Repeated wrong passwords from one address lock that address out of the account for a while; the account itself
/// stays open from everywhere else (guessing from many addresses is slowed by the sign-in rate limit per user name).
/// The rule has no I/O.
/// </summary>
public sealed record LockoutPolicy(int MaxFailedAttempts, TimeSpan LockoutDuration)
{
    public static readonly LockoutPolicy Default = new(5, TimeSpan.FromMinutes(15));

    public bool IsLockedOut(SignInLockout lockout, DateTimeOffset now) => lockout.LockedUntil is { } end && end > now;

    /// <summary>The count and lockout end to store after a wrong password.</summary>
    public SignInLockout AfterFailure(SignInLockout lockout, DateTimeOffset now)
    {
        var failures = lockout.FailedCount + 1;
        return failures >= MaxFailedAttempts ? new SignInLockout(0, now + LockoutDuration) : new SignInLockout(failures, null);
    }
}
