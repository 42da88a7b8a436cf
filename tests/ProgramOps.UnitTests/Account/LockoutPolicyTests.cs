using ProgramOps.Web.Features.Account;

namespace ProgramOps.UnitTests.Account;

public sealed class LockoutPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly LockoutPolicy Policy = new(MaxFailedAttempts: 3, LockoutDuration: TimeSpan.FromMinutes(10));

    [Fact]
    public void A_failure_below_the_limit_counts_without_locking()
    {
        var (count, lockedUntil) = Policy.AfterFailure(new SignInLockout(1, null), Now);

        Assert.Equal(2, count);
        Assert.Null(lockedUntil);
    }

    [Fact]
    public void The_failure_that_reaches_the_limit_locks_for_the_duration_and_resets_the_count()
    {
        var (count, lockedUntil) = Policy.AfterFailure(new SignInLockout(2, null), Now);

        Assert.Equal(0, count);
        Assert.Equal(Now.AddMinutes(10), lockedUntil);
    }

    [Fact]
    public void Locked_until_the_end_and_free_from_the_end_on()
    {
        var lockout = new SignInLockout(0, Now.AddMinutes(5));

        Assert.True(Policy.IsLockedOut(lockout, Now));
        Assert.True(Policy.IsLockedOut(lockout, Now.AddMinutes(5).AddTicks(-1)));
        Assert.False(Policy.IsLockedOut(lockout, Now.AddMinutes(5)));
        Assert.False(Policy.IsLockedOut(SignInLockout.None, Now));
    }

    [Fact]
    public void The_default_allows_five_attempts_and_locks_for_fifteen_minutes()
    {
        Assert.Equal(5, LockoutPolicy.Default.MaxFailedAttempts);
        Assert.Equal(TimeSpan.FromMinutes(15), LockoutPolicy.Default.LockoutDuration);
    }
}
