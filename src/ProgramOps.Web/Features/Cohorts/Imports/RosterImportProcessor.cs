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

    private async Task PreviewAsync(int importId, CancellationToken ct)
    {
        var (import, cohort) = await LoadAsync(importId, ct);
        var writes = new RosterPassWrites(Enrol: null, ResumeAfterLine: null, EnrolledBefore: 0,
            (c, t, token) => HoldLeaseAsync(c, t, importId, RosterImportStatus.Validating, token));
        var outcome = await RosterImportCheck.RunAsync(db, import, cohort, clock.Today.Year, writes, expectedFingerprint: null,
            fraction => progress.Report(importId, fraction), ct);
        // A preview redone because the cohort changed under a commit, or after an interruption, keeps saying so.
        var notice = import.Notice is { Code: ImportNoticeCode.ChangedSincePreview or ImportNoticeCode.Interrupted } kept ? kept : null;
        await FinishAsync(importId, RosterImportStatus.Validating, (c, t) => RecordCheckAsync(c, t, importId, outcome, notice, ct), ct);
    }

    /// <summary>
    /// Enrols the previewed roster in slices (<see cref="RosterSlices"/>), then records the commit. A commit starting
    /// afresh first makes sure nothing that decided the preview changed (else it writes nothing and the roster is
    /// checked again); one cut off by a crash resumes after its last slice.
    /// </summary>
    private async Task CommitAsync(int importId, CancellationToken ct)
    {
        var (import, cohort) = await LoadAsync(importId, ct);
        var resuming = import.CommittedThroughLine is not null;
        if (!resuming)
        {
            // The window may have closed (or the late-joiner cut-off passed) since the upload.
            if (cohort.ImportRefusalOn(clock.Today) is { } refusal)
            {
                await FinishAsync(importId, RosterImportStatus.Committing,
                    (c, t) => RecordCheckAsync(c, t, importId, new CheckFailed(cohort.NoticeOf(refusal)), null, ct), ct);
                return;
            }

            // Checked before fingerprints were kept: checked again rather than trusted.
            if (import.AdmissionFingerprint is null)
            {
                await RecordAsync(importId, RosterImportStatus.Queued, new ImportNotice(ImportNoticeCode.ChangedSincePreview), ct);
                return;
            }
        }

        var actor = import.CommittedBy ?? TransitionCause.System;
        var writes = new RosterPassWrites(
            new AdmissionSource(import.CohortId, import.ContractId, import.ClientId, import.Id, clock.UtcNow, actor),
            import.CommittedThroughLine, import.RowsImported, (c, t, token) => HoldLeaseAsync(c, t, importId, RosterImportStatus.Committing, token));
        var outcome = await RosterImportCheck.RunAsync(db, import, cohort, clock.Today.Year, writes,
            resuming ? null : import.AdmissionFingerprint, fraction => progress.Report(importId, fraction), ct);
        switch (outcome)
        {
            case AdmissionsChanged:
                // Others enrolled people or took seats since the preview: commit nothing the person did not see.
                await RecordAsync(importId, RosterImportStatus.Queued, new ImportNotice(ImportNoticeCode.ChangedSincePreview), ct);
                return;
            case Checked result:
                await FinishAsync(importId, RosterImportStatus.Committing, (c, t) => RecordCommitAsync(c, t, import, cohort, result, actor, ct), ct);
                return;
            case WorkTakenOver:
                return;
            default:
                throw new InvalidOperationException($"Roster import {importId} read differently at its commit than at its preview: {outcome}.");
        }
    }

    private async Task RecordCommitAsync(DbConnection c, DbTransaction t, RosterImport import, ImportCohort cohort, Checked result, string actor, CancellationToken ct)
    {
        // Rows the preview admitted that the commit could not (a contract or cohort changed while it ran) are among the
        // import's problems, and its page says how many.
        var notice = result.Admitted < import.RowsValid ? new ImportNotice(ImportNoticeCode.ChangedDuringCommit, Rows: import.RowsValid - result.Admitted) : null;
        await c.ExecuteAsync(new CommandDefinition(ImportsSql.RecordCommit, new
        {
            import.Id, result.RowsRead, RowsValid = result.Admitted, RowsInvalid = result.Rejected, RowsWithWarnings = result.AdmittedWithWarnings,
            RowsImported = result.Admitted, FailureReason = notice?.ToJson(), Now = clock.UtcNow,
        }, t, cancellationToken: ct));
        await c.ExecuteAsync(new CommandDefinition(ImportsSql.DeleteChunks, new { ImportId = import.Id }, t, cancellationToken: ct));
        await audit.RecordAsync(c, t, new AuditEntry("Cohort", import.CohortId.ToString(), "RosterImported",
            CodedText.Encode(AuditSummaries.RosterImported, import.FileName, result.Admitted, import.Id, import.ClientName)), import.CommittedById, actor);
        // A running cohort's teams already meet: late joiners are placed at once.
        if (cohort.Status == CohortStatus.Running) await teams.FormAsync(c, t, import.CohortId, actor, import.CommittedById, ct);
    }

    /// <summary>The last step of a check or commit, in one transaction with the lease held (else another worker finishes it).</summary>
    private Task FinishAsync(int importId, RosterImportStatus working, Func<DbConnection, DbTransaction, Task> record, CancellationToken ct) =>
        db.InTransactionAsync(async (c, t) =>
        {
            if (await HoldLeaseAsync(c, t, importId, working, ct)) await record(c, t);
        }, ct);

    private async Task<(RosterImport Import, ImportCohort Cohort)> LoadAsync(int importId, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var import = await RosterImport.FindAsync(c, null, importId, ct) ?? throw new InvalidOperationException($"Roster import {importId} does not exist.");
        var cohort = await c.QuerySingleAsync<ImportCohort>(new CommandDefinition(ImportsSql.Cohort, new { Id = import.CohortId }, cancellationToken: ct));
        return (import, cohort);
    }

    private Task RecordCheckAsync(DbConnection c, DbTransaction t, int importId, CheckOutcome outcome, ImportNotice? notice, CancellationToken ct)
    {
        if (outcome is WorkTakenOver) return Task.CompletedTask;
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
            RowsInvalid = invalid, RowsWithWarnings = warned, FailureReason = failure?.ToJson(),
            AdmissionFingerprint = (outcome as Checked)?.AdmissionFingerprint, Now = clock.UtcNow,
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
