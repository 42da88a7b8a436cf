using System.Data;
using ProgramOps.Web.Features.Cohorts.Roster;
using ProgramOps.Web.Features.Participants;
using ProgramOps.Web.Features.Teams;
using ProgramOps.Web.Infrastructure.Text;

namespace ProgramOps.Web.Features.Cohorts.Imports;

/// <summary>
/// The background half of an import: checks a queued upload into a preview, and commits a previewed one. Each is
/// one transaction, so a failure or a killed process leaves the import as it was before, to be run again.
/// </summary>
public sealed class RosterImportProcessor(
    Db db, LocalClock clock, AuditTrail audit, CohortTeams teams, ImportProgressBoard progress, ImportWorkerIdentity worker,
    ILogger<RosterImportProcessor> logger)
{
    /// <summary>Claims the import from the queue, or does nothing when another worker was first.</summary>
    public async Task RunAsync(int importId, RosterImportStatus queued, CancellationToken ct)
    {
        var working = queued == RosterImportStatus.Queued ? RosterImportStatus.Validating : RosterImportStatus.Committing;
        if (!await ClaimAsync(importId, queued, working, ct)) return;
        try
        {
            if (working == RosterImportStatus.Validating) await PreviewAsync(importId, ct);
            else await CommitAsync(importId, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Roster import {ImportId} failed while {Step}", importId, working);
            // The transaction rolled back: a failed commit leaves the preview as it was, to be committed again.
            var back = working == RosterImportStatus.Committing ? RosterImportStatus.Previewed : RosterImportStatus.Failed;
            await RecordAsync(importId, back, new ImportNotice(ImportNoticeCode.Unexpected), ct);
        }
        finally
        {
            progress.Finish(importId);
        }
    }

    private async Task PreviewAsync(int importId, CancellationToken ct) => await db.InTransactionAsync(async (c, t) =>
    {
        if (!await HoldLeaseAsync(c, t, importId, RosterImportStatus.Validating, ct)) return;
        var (import, cohort) = await LoadAsync(c, t, importId, ct);
        var outcome = await RosterImportCheck.RunAsync(c, t, import, cohort, clock.Today.Year, onAdmitted: null,
            fraction => progress.Report(importId, fraction), ct);
        // A preview redone because the cohort changed under a commit, or after an interruption, keeps saying so.
        var notice = import.Notice is { Code: ImportNoticeCode.ChangedSincePreview or ImportNoticeCode.Interrupted } kept ? kept : null;
        await RecordCheckAsync(c, t, importId, outcome, notice, ct);
    }, ct);

    private async Task CommitAsync(int importId, CancellationToken ct)
    {
        var committed = await db.InTransactionAsync(async (c, t) =>
        {
            // Reclaimed by another worker meanwhile: that worker commits, this one does nothing.
            if (!await HoldLeaseAsync(c, t, importId, RosterImportStatus.Committing, ct)) return true;
            var (import, cohort) = await LoadAsync(c, t, importId, ct);
            // The window may have closed (or the late-joiner cut-off passed) since the upload.
            if (cohort.ImportRefusalOn(clock.Today) is { } refusal)
            {
                await RecordCheckAsync(c, t, importId, new CheckFailed(cohort.NoticeOf(refusal)), null, ct);
                return true;
            }

            using var admission = new ParticipantAdmission(c, t, new AdmissionSource(
                import.CohortId, import.ContractId, import.ClientId, import.Id, clock.UtcNow, import.CommittedBy ?? TransitionCause.System));
            var admitted = 0;
            var outcome = await RosterImportCheck.RunAsync(c, t, import, cohort, clock.Today.Year, async row =>
            {
                await admission.AdmitAsync(new AdmittedPerson(row.Line, row.EmployeeNumber, row.Name, row.Kana, row.Email, row.Department, row.BirthYear), ct);
                if (++admitted % 1_000 == 0) progress.Report(importId, (double)admitted / Math.Max(1, import.RowsValid));
            }, onProgress: null, ct);

            // Others enrolled people or took seats since the preview: commit nothing the person did not see.
            if (outcome is not Checked result || result.Admitted != import.RowsValid) return false;

            await c.ExecuteAsync(new CommandDefinition(ImportsSql.RecordCommit, new
            {
                Id = importId, result.RowsRead, RowsValid = result.Admitted, RowsInvalid = result.Rejected, RowsWithWarnings = result.AdmittedWithWarnings,
                RowsImported = result.Admitted, Now = clock.UtcNow,
            }, t, cancellationToken: ct));
            await c.ExecuteAsync(new CommandDefinition(ImportsSql.DeleteChunks, new { ImportId = importId }, t, cancellationToken: ct));
            await audit.RecordAsync(c, t, new AuditEntry("Cohort", import.CohortId.ToString(), "RosterImported",
                CodedText.Encode(AuditSummaries.RosterImported, import.FileName, result.Admitted, importId, import.ClientName)), import.CommittedById, import.CommittedBy ?? TransitionCause.System);
            // A running cohort's teams already meet: late joiners are placed at once.
            if (cohort.Status == CohortStatus.Running) await teams.FormAsync(c, t, import.CohortId, import.CommittedBy ?? TransitionCause.System, import.CommittedById, ct);
            return true;
        }, ct);

        if (!committed) await RecordAsync(importId, RosterImportStatus.Queued, new ImportNotice(ImportNoticeCode.ChangedSincePreview), ct);
    }


    private static async Task<(RosterImport Import, ImportCohort Cohort)> LoadAsync(DbConnection c, DbTransaction t, int importId, CancellationToken ct)
    {
        var import = await RosterImport.FindAsync(c, t, importId, ct) ?? throw new InvalidOperationException($"Roster import {importId} does not exist.");
        var cohort = await c.QuerySingleAsync<ImportCohort>(new CommandDefinition(ImportsSql.Cohort, new { Id = import.CohortId }, t, cancellationToken: ct));
        return (import, cohort);
    }

    private Task RecordCheckAsync(DbConnection c, DbTransaction t, int importId, CheckOutcome outcome, ImportNotice? notice, CancellationToken ct)
    {
        var (status, encoding, read, valid, invalid, warned, failure) = outcome switch
        {
            Checked r => (RosterImportStatus.Previewed, (RosterEncoding?)r.Encoding, r.RowsRead, r.Admitted, r.Rejected, r.AdmittedWithWarnings, notice),
            ColumnsNeedMapping => (RosterImportStatus.NeedsMapping, null, 0, 0, 0, 0, notice),
            CheckFailed f => (RosterImportStatus.Failed, f.Notice.Encoding, 0, 0, 0, 0, f.Notice),
            _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
        };
        return c.ExecuteAsync(new CommandDefinition(ImportsSql.RecordCheck, new
        {
            Id = importId, Status = status.ToString(), DetectedEncoding = encoding?.ToString(), RowsRead = read, RowsValid = valid,
            RowsInvalid = invalid, RowsWithWarnings = warned, FailureReason = failure?.ToJson(), Now = clock.UtcNow,
        }, t, cancellationToken: ct));
    }

    private Task RecordAsync(int importId, RosterImportStatus status, ImportNotice notice, CancellationToken ct) =>
        db.InTransactionAsync(async (c, t) =>
        {
            await c.ExecuteAsync(new CommandDefinition(ImportsSql.SetStatusWithNotice, new
            {
                Id = importId, Status = status.ToString(), FailureReason = notice.ToJson(), Now = clock.UtcNow,
            }, t, cancellationToken: ct));
        }, ct);

    private async Task<bool> ClaimAsync(int importId, RosterImportStatus from, RosterImportStatus to, CancellationToken ct) =>
        await db.InTransactionAsync((c, t) => c.ExecuteAsync(new CommandDefinition(ImportsSql.Claim, new
        {
            Id = importId, From = from.ToString(), Status = to.ToString(), Worker = worker.ToString(), LeaseUntil = clock.UtcNow + ImportLeases.Duration, Now = clock.UtcNow,
        }, t, cancellationToken: ct)), ct) == 1;

    private async Task<bool> HoldLeaseAsync(DbConnection c, DbTransaction t, int importId, RosterImportStatus working, CancellationToken ct) =>
        await c.ExecuteAsync(new CommandDefinition(ImportsSql.HoldLease, new
        {
            Id = importId, Status = working.ToString(), Worker = worker.ToString(), LeaseUntil = clock.UtcNow + ImportLeases.Duration,
        }, t, cancellationToken: ct)) == 1;
}
