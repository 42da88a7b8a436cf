using System.Globalization;
using Microsoft.AspNetCore.Identity;
using ProgramOps.Web.Features.Account;

namespace ProgramOps.Web.Features.Portal;

public enum InviteResult
{
    Created,
    AlreadySubmitted,
    EmailTaken,
}

public enum InvitationState
{
    Open,
    Unknown,
    Used,
    Expired,
    Disabled,
}

/// <summary>
/// Staff invite a client user with a single-use link that expires (7 days by default) and sets the password on first
/// use. The link is shown to staff once; only its hash is stored. A new link for the same user closes the earlier one.
/// </summary>
public sealed class PortalInvitations(Db db, AuditTrail audit, TimeProvider time, IPasswordHasher<PortalUser> hasher, ICurrentUser staff)
{
    private sealed class InvitationRow
    {
        public int Id { get; init; }
        public int PortalUserId { get; init; }
        public DateTimeOffset ExpiresAt { get; init; }
        public DateTimeOffset? UsedAt { get; init; }
        public string Email { get; init; } = "";
        public bool IsDisabled { get; init; }
    }

    /// <summary>
    /// A new client user of the client and their link's token (Created); a repeated post of the same form makes no second
    /// account (AlreadySubmitted), and an e-mail that has an account already is refused (EmailTaken).
    /// </summary>
    public Task<(InviteResult Result, string? Token)> InviteAsync(int clientId, string email, string displayName, bool mayHoldCodes, Guid submission, CancellationToken ct) =>
        db.InTransactionAsync<(InviteResult, string?)>(async (c, t) =>
        {
            if (await FormSubmissions.FindAsync(c, t, submission, PortalAudit.Entity) is not null) return (InviteResult.AlreadySubmitted, null);
            if (await c.QuerySingleOrDefaultAsync<PortalUser>(new CommandDefinition(PortalSql.FindUserByEmail, new { Email = email }, t, cancellationToken: ct)) is not null)
                return (InviteResult.EmailTaken, null);
            var now = time.GetUtcNow();
            var userId = await c.ExecuteScalarAsync<int>(new CommandDefinition(PortalSql.InsertUser(db.Dialect), new
            {
                ClientId = clientId, Email = email, DisplayName = displayName, MayHoldCodes = mayHoldCodes,
                SecurityStamp = UserAccounts.NewSecurityStamp(), Now = now, Actor = AuditActor,
            }, t, cancellationToken: ct));
            await FormSubmissions.RecordAsync(c, t, submission, PortalAudit.Entity, userId, now);
            return (InviteResult.Created, await NewLinkAsync(c, t, userId, now, $"client #{clientId} {email}", ct));
        }, ct);

    /// <summary>A new link for a client user of the client (the earlier one stops working); null when there is no such user.</summary>
    public Task<string?> ReinviteAsync(int clientId, int userId, CancellationToken ct) =>
        db.InTransactionAsync(async (c, t) =>
        {
            var user = await c.QuerySingleOrDefaultAsync<PortalUser>(new CommandDefinition(PortalSql.FindUserById, new { Id = userId }, t, cancellationToken: ct));
            if (user is null || user.ClientId != clientId) return null;
            return await NewLinkAsync(c, t, userId, time.GetUtcNow(), $"client #{clientId} {user.Email}", ct);
        }, ct);

    public async Task<(InvitationState State, string Email)> FindAsync(string token, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var row = await c.QuerySingleOrDefaultAsync<InvitationRow>(new CommandDefinition(PortalSql.FindInvitation, new { TokenHash = InvitationTokens.Hash(token) }, cancellationToken: ct));
        return (StateOf(row, time.GetUtcNow()), row?.Email ?? "");
    }

    /// <summary>Uses the link once and sets the password; the returned state is Open when it worked.</summary>
    public Task<(InvitationState State, PortalUser? User)> AcceptAsync(string token, string password, CancellationToken ct) =>
        db.InTransactionAsync<(InvitationState, PortalUser?)>(async (c, t) =>
        {
            var now = time.GetUtcNow();
            var row = await c.QuerySingleOrDefaultAsync<InvitationRow>(new CommandDefinition(PortalSql.FindInvitation, new { TokenHash = InvitationTokens.Hash(token) }, t, cancellationToken: ct));
            var state = StateOf(row, now);
            if (state != InvitationState.Open || await c.ExecuteAsync(new CommandDefinition(PortalSql.UseInvitation, new { row!.Id, Now = now }, t, cancellationToken: ct)) != 1)
                return (state == InvitationState.Open ? InvitationState.Used : state, null);

            var user = await c.QuerySingleAsync<PortalUser>(new CommandDefinition(PortalSql.FindUserById, new { Id = row.PortalUserId }, t, cancellationToken: ct));
            user = user with { PasswordHash = hasher.HashPassword(user, password), SecurityStamp = UserAccounts.NewSecurityStamp() };
            await c.ExecuteAsync(new CommandDefinition(PortalSql.SetPassword, new { user.Id, user.PasswordHash, user.SecurityStamp, Now = now, Actor = user.AuditName }, t, cancellationToken: ct));
            await PortalSignIn.ClearLockoutsAsync(c, t, db.Dialect, user.Id);
            await audit.RecordAsync(c, t, new AuditEntry(PortalAudit.Entity, user.Id.ToString(CultureInfo.InvariantCulture), PortalAudit.InvitationAccepted), null, user.AuditName);
            return (InvitationState.Open, user);
        }, ct);

    /// <summary>The staff member inviting (invitations are made on a staff page).</summary>
    private string AuditActor => staff.UserName;

    private async Task<string> NewLinkAsync(DbConnection c, DbTransaction t, int userId, DateTimeOffset now, string summary, CancellationToken ct)
    {
        var token = InvitationTokens.New();
        await c.ExecuteAsync(new CommandDefinition(PortalSql.CloseOpenInvitations, new { PortalUserId = userId, Now = now }, t, cancellationToken: ct));
        await c.ExecuteAsync(new CommandDefinition(PortalSql.InsertInvitation, new
        {
            PortalUserId = userId, TokenHash = InvitationTokens.Hash(token), ExpiresAt = now + InvitationTokens.DefaultLifetime, Now = now, Actor = AuditActor,
        }, t, cancellationToken: ct));
        await audit.RecordAsync(c, t, new AuditEntry(PortalAudit.Entity, userId.ToString(CultureInfo.InvariantCulture), PortalAudit.Invited, summary));
        return token;
    }

    private static InvitationState StateOf(InvitationRow? row, DateTimeOffset now) => row switch
    {
        null => InvitationState.Unknown,
        { IsDisabled: true } => InvitationState.Disabled,
        { UsedAt: not null } => InvitationState.Used,
        _ when row.ExpiresAt <= now => InvitationState.Expired,
        _ => InvitationState.Open,
    };
}
