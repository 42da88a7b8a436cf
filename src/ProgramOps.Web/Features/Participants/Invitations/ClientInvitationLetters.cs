using System.Globalization;

namespace ProgramOps.Web.Features.Participants.Invitations;

/// <summary>
/// The invitation letters of one client's invited people in a cohort, for that client's own staff to hand out (the client
/// portal, for the users staff allow): the same letters as staff download, printed by chromium, audited on the cohort.
/// </summary>
public sealed class ClientInvitationLetters(Db db, InvitationFiles files, AuditTrail audit, TimeProvider time)
{
    /// <summary>Null when nobody of the client is still invited (NoPrinter: the PDF cannot be printed on this machine).</summary>
    public async Task<(byte[]? Pdf, bool NoPrinter)> PrintAsync(int cohortId, int clientId, CancellationToken ct)
    {
        InvitingCohort? cohort;
        List<Invitee> invited;
        await using (var c = await db.OpenAsync(ct))
        {
            cohort = await c.QuerySingleOrDefaultAsync<InvitingCohort>(new CommandDefinition(InvitationsSql.Cohort, new { CohortId = cohortId }, cancellationToken: ct));
            invited = cohort is null ? [] : (await c.QueryAsync<Invitee>(new CommandDefinition(InvitationsSql.Invited,
                new { CohortId = cohortId, ClientId = clientId, InvitedBefore = time.GetUtcNow() }, cancellationToken: ct))).AsList();
        }

        if (cohort is null || invited.Count == 0) return (null, false);
        var pdf = await files.LettersPdfAsync(cohort, invited, ct);
        if (pdf is null) return (null, true);
        await db.InTransactionAsync((c, t) => audit.RecordAsync(c, t, new AuditEntry("Cohort", cohortId.ToString(CultureInfo.InvariantCulture),
            "InvitationLettersDownloaded", $"{invited.Count} ({invited[0].ClientName})")), ct);
        return (pdf, false);
    }
}
