using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace ProgramOps.Web.Features.Account;

public sealed record SignInResult(SignInOutcome Outcome, StaffUser? User = null, DateTimeOffset? LockedUntil = null);

/// <summary>Checks a user name and password, applying lockout, and records the attempt.</summary>
public sealed class StaffSignIn(Db db, UserAccounts accounts, AuditTrail audit, TimeProvider time, IPasswordHasher<StaffUser> hasher)
{
    private readonly SignInLockouts _lockouts = new(db.Dialect, AccountSql.Lockouts);

    /// <summary>Checks the password of <paramref name="userName"/> tried from <paramref name="clientAddress"/>, counting failures per (user, address).</summary>
    public async Task<SignInResult> CheckAsync(string userName, string password, string clientAddress, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var user = await accounts.FindByUserNameAsync(userName.Trim(), ct);
        if (user is null)
        {
            // Still hash once, so a missing account takes as long to refuse as a wrong password.
            hasher.VerifyHashedPassword(new StaffUser { UserName = "", DisplayName = "", PasswordHash = "", SecurityStamp = "" }, DummyHash.Value, password);
            return new SignInResult(SignInOutcome.WrongCredentials);
        }

        if (user.IsDisabled) return new SignInResult(SignInOutcome.Disabled);
        var lockout = await _lockouts.FindAsync(user.Id, clientAddress, db, ct);
        if (_lockouts.IsLockedOut(lockout, now)) return new SignInResult(SignInOutcome.LockedOut, LockedUntil: lockout.LockedUntil);

        var verdict = hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            var after = await db.InTransactionAsync(async (c, t) =>
            {
                var after = await _lockouts.RecordFailureAsync(c, t, user.Id, clientAddress, lockout, now);
                if (after.LockedUntil is not null) await c.ExecuteAsync(AccountSql.RecordLockout, new { after.LockedUntil, UserId = user.Id }, t);
                await audit.RecordAsync(c, t,
                    new AuditEntry("User", user.Id.ToString(), after.LockedUntil is null ? "SignInFailed" : "LockedOut", clientAddress),
                    user.Id, user.UserName);
                return after;
            }, ct);
            return after.LockedUntil is null
                ? new SignInResult(SignInOutcome.WrongCredentials)
                : new SignInResult(SignInOutcome.LockedOut, LockedUntil: after.LockedUntil);
        }

        var rehashed = verdict == PasswordVerificationResult.SuccessRehashNeeded ? hasher.HashPassword(user, password) : user.PasswordHash;
        await db.InTransactionAsync(async (c, t) =>
        {
            await c.ExecuteAsync(AccountSql.RecordSuccessfulSignIn, new { rehashed, user.Id }, t);
            await _lockouts.ClearAsync(c, t, user.Id, clientAddress);
            await audit.RecordAsync(c, t, new AuditEntry("User", user.Id.ToString(), "SignedIn"), user.Id, user.UserName);
        }, ct);
        return new SignInResult(SignInOutcome.SignedIn, user);
    }

    /// <summary>An administrator's unlock or password reset opens the account again from every address.</summary>
    public static Task ClearLockoutsAsync(DbConnection connection, DbTransaction transaction, SqlDialect dialect, int userId) =>
        new SignInLockouts(dialect, AccountSql.Lockouts).ClearAllAsync(connection, transaction, userId);

    public static ClaimsPrincipal PrincipalFor(StaffUser user)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id.ToString()),
            new(ClaimTypes.Name, user.UserName),
            new(ClaimNames.DisplayName, user.DisplayName),
            new(ClaimNames.SecurityStamp, user.SecurityStamp),
        };
        if (user.MustChangePassword) claims.Add(new Claim(ClaimNames.MustChangePassword, "true"));
        claims.AddRange(user.Roles.Select(role => new Claim(ClaimTypes.Role, role)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
    }

    private static class DummyHash
    {
        public static readonly string Value = new PasswordHasher<StaffUser>().HashPassword(
            new StaffUser { UserName = "", DisplayName = "", PasswordHash = "", SecurityStamp = "" }, Guid.NewGuid().ToString());
    }
}
