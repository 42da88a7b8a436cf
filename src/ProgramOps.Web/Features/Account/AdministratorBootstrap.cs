using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using ProgramOps.Web.Infrastructure.Text;

namespace ProgramOps.Web.Features.Account;

public sealed class BootstrapOptions
{
    public const string Section = "Bootstrap";

    /// <summary>
    /// Optional first administrator password for automated deployments. When empty, a random one-time
    /// password is generated and printed once; either way it must be changed at first sign-in.
    /// </summary>
    public string? AdminPassword { get; set; }
}

/// <summary>On an empty database, creates the first administrator so somebody can sign in.</summary>
public sealed class AdministratorBootstrap(Db db, IPasswordHasher<StaffUser> hasher, AuditTrail audit, TimeProvider time, ILogger<AdministratorBootstrap> logger)
{
    public const string AdminUserName = "admin";

    /// <summary>Returns the one-time password when an administrator was created, otherwise null.</summary>
    public async Task<string?> EnsureAdministratorAsync(string? configuredPassword, CancellationToken ct = default)
    {
        var password = string.IsNullOrWhiteSpace(configuredPassword) ? GeneratePassword() : configuredPassword;
        var created = await db.InTransactionAsync(async (c, t) =>
        {
            if (await c.ExecuteScalarAsync<int>(AccountSql.CountUsers, transaction: t) > 0) return false;

            var admin = new StaffUser
            {
                UserName = AdminUserName,
                DisplayName = "Administrator",
                PasswordHash = "",
                SecurityStamp = UserAccounts.NewSecurityStamp(),
                MustChangePassword = true,
                Roles = [Roles.Admin],
            };
            admin = admin with { PasswordHash = hasher.HashPassword(admin, password) };
            var id = await UserAccounts.InsertAsync(c, t, db.Dialect, admin, time.GetUtcNow(), "system");
            await audit.RecordAsync(c, t, new AuditEntry("User", id.ToString(), "Created", CodedText.Encode(AuditSummaries.FirstAdministrator)), null, "system");
            return true;
        }, ct);

        if (!created) return null;
        logger.LogWarning("Created the first administrator account '{UserName}'. Change its password at first sign-in.", AdminUserName);
        return password;
    }

    private static string GeneratePassword() =>
        RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789", 20);
}
