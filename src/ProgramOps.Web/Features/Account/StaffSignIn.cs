using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace ProgramOps.Web.Features.Account;

public sealed record SignInResult(SignInOutcome Outcome, StaffUser? User = null, DateTimeOffset? LockedUntil = null);

/// <summary>Checks a user name and password, applying lockout, and records the attempt.</summary>
public sealed class StaffSignIn(Db db, UserAccounts accounts, AuditTrail audit, TimeProvider time, IPasswordHasher<StaffUser> hasher)
{
    private readonly LockoutPolicy _policy = LockoutPolicy.Default;

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
        var pair = new { UserId = user.Id, ClientAddress = clientAddress };
        SignInLockout lockout;
        await using (var connection = await db.OpenAsync(ct))
        {
            var stored = await connection.QuerySingleOrDefaultAsync<StoredLockout>(new CommandDefinition(AccountSql.FindLockout, pair, cancellationToken: ct));
            lockout = stored is null ? SignInLockout.None : new SignInLockout(stored.FailedCount, stored.LockedUntil);
        }

        if (_policy.IsLockedOut(lockout, now)) return new SignInResult(SignInOutcome.LockedOut, LockedUntil: lockout.LockedUntil);

        var verdict = hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            var after = _policy.AfterFailure(lockout, now);
            await db.InTransactionAsync(async (c, t) =>
            {
                var values = new { pair.UserId, pair.ClientAddress, after.FailedCount, after.LockedUntil, Now = now };
                if (await c.ExecuteAsync(AccountSql.UpdateLockout, values, t) == 0) await c.ExecuteAsync(AccountSql.InsertLockout, values, t);
                if (after.LockedUntil is not null) await c.ExecuteAsync(AccountSql.RecordLockout, values, t);
                await audit.RecordAsync(c, t,
                    new AuditEntry("User", user.Id.ToString(), after.LockedUntil is null ? "SignInFailed" : "LockedOut", clientAddress),
                    user.Id, user.UserName);
            }, ct);
            return after.LockedUntil is null
                ? new SignInResult(SignInOutcome.WrongCredentials)
                : new SignInResult(SignInOutcome.LockedOut, LockedUntil: after.LockedUntil);
        }

        var rehashed = verdict == PasswordVerificationResult.SuccessRehashNeeded ? hasher.HashPassword(user, password) : user.PasswordHash;
        await db.InTransactionAsync(async (c, t) =>
        {
            await c.ExecuteAsync(AccountSql.RecordSuccessfulSignIn, new { rehashed, user.Id }, t);
            await c.ExecuteAsync(AccountSql.ClearLockout, pair, t);
            await audit.RecordAsync(c, t, new AuditEntry("User", user.Id.ToString(), "SignedIn"), user.Id, user.UserName);
        }, ct);
        return new SignInResult(SignInOutcome.SignedIn, user);
    }

    /// <summary>An administrator's unlock or password reset opens the account again from every address.</summary>
    public static Task ClearLockoutsAsync(DbConnection connection, DbTransaction transaction, int userId) =>
        connection.ExecuteAsync(AccountSql.ClearAllLockouts, new { UserId = userId }, transaction);

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

    private sealed record StoredLockout
    {
        public int FailedCount { get; init; }
        public DateTimeOffset? LockedUntil { get; init; }
    }

    private static class DummyHash
    {
        public static readonly string Value = new PasswordHasher<StaffUser>().HashPassword(
            new StaffUser { UserName = "", DisplayName = "", PasswordHash = "", SecurityStamp = "" }, Guid.NewGuid().ToString());
    }
}
