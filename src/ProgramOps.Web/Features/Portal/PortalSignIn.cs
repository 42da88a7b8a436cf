using System.Globalization;
using Microsoft.AspNetCore.Identity;
using ProgramOps.Web.Features.Account;

namespace ProgramOps.Web.Features.Portal;

/// <summary>
/// Checks a client user's e-mail and password with the staff lockout rule (<see cref="LockoutPolicy"/>: five wrong
/// passwords from one address lock that address out of the account for 15 minutes), and audits every attempt.
/// A disabled account, one not yet accepted, or one whose client churned is refused like a wrong password.
/// </summary>
public sealed class PortalSignIn(Db db, PortalAccounts accounts, AuditTrail audit, TimeProvider time, IPasswordHasher<PortalUser> hasher)
{
    private readonly SignInLockouts _lockouts = new(db.Dialect, PortalSql.Lockouts);

    public async Task<(SignInOutcome Outcome, PortalUser? User)> CheckAsync(string email, string password, string clientAddress, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var user = await accounts.FindByEmailAsync(email, ct);
        if (user?.PasswordHash is null)
        {
            // Still hash once, so an unknown address takes as long to refuse as a wrong password.
            hasher.VerifyHashedPassword(Nobody, DummyHash.Value, password);
            await RecordAsync(user, "SignInFailed", clientAddress, email, ct);
            return (SignInOutcome.WrongCredentials, null);
        }

        if (user.IsDisabled || await accounts.IsChurnedAsync(user.ClientId, ct))
        {
            await RecordAsync(user, "SignInFailed", clientAddress, email, ct);
            return (SignInOutcome.Disabled, null);
        }

        var lockout = await _lockouts.FindAsync(user.Id, clientAddress, db, ct);
        if (_lockouts.IsLockedOut(lockout, now))
        {
            await RecordAsync(user, "SignInFailed", clientAddress, email, ct);
            return (SignInOutcome.LockedOut, null);
        }

        var verdict = hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            var after = await db.InTransactionAsync(async (c, t) =>
            {
                var after = await _lockouts.RecordFailureAsync(c, t, user.Id, clientAddress, lockout, now);
                await Audit(c, t, user, after.LockedUntil is null ? "SignInFailed" : "LockedOut", clientAddress, email);
                return after;
            }, ct);
            return (after.LockedUntil is null ? SignInOutcome.WrongCredentials : SignInOutcome.LockedOut, null);
        }

        await db.InTransactionAsync(async (c, t) =>
        {
            if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
                await c.ExecuteAsync(PortalSql.RehashPassword, new { user.Id, PasswordHash = hasher.HashPassword(user, password) }, t);
            await _lockouts.ClearAsync(c, t, user.Id, clientAddress);
            await Audit(c, t, user, "SignedIn", clientAddress, email);
        }, ct);
        return (SignInOutcome.SignedIn, user);
    }

    /// <summary>A new password through an invitation opens the account from every address.</summary>
    public static Task ClearLockoutsAsync(DbConnection c, DbTransaction t, SqlDialect dialect, int userId) =>
        new SignInLockouts(dialect, PortalSql.Lockouts).ClearAllAsync(c, t, userId);

    /// <summary>Signing out changes the stamp, so a copy of the cookie stops working everywhere at once.</summary>
    public Task SignOutAsync(int userId, string email, CancellationToken ct) =>
        db.InTransactionAsync(async (c, t) =>
        {
            await c.ExecuteAsync(PortalSql.RotateSecurityStamp, new { Id = userId, SecurityStamp = Account.UserAccounts.NewSecurityStamp() }, t);
            await audit.RecordAsync(c, t, new AuditEntry(PortalAudit.Entity, userId.ToString(CultureInfo.InvariantCulture), "SignedOut"), null, PortalUser.AuditNameOf(email));
        }, ct);

    private Task RecordAsync(PortalUser? user, string action, string clientAddress, string email, CancellationToken ct) =>
        db.InTransactionAsync((c, t) => Audit(c, t, user, action, clientAddress, email), ct);

    /// <summary>A failure for an unknown address is recorded under what was typed (bounded), so guessing shows in the log.</summary>
    private Task Audit(DbConnection c, DbTransaction t, PortalUser? user, string action, string clientAddress, string email)
    {
        var typed = email.Trim();
        var name = PortalUser.AuditNameOf(user?.Email ?? typed[..Math.Min(typed.Length, 100)]);
        return audit.RecordAsync(c, t, new AuditEntry(PortalAudit.Entity, user?.Id.ToString(CultureInfo.InvariantCulture) ?? "-", action, clientAddress), null, name);
    }

    private static readonly PortalUser Nobody = new() { Email = "", DisplayName = "", SecurityStamp = "" };

    private static class DummyHash
    {
        public static readonly string Value = new PasswordHasher<PortalUser>().HashPassword(Nobody, Guid.NewGuid().ToString());
    }
}
