using System.Data;
using ProgramOps.Web.Features.Cohorts.Roster;

namespace ProgramOps.Web.Features.Cohorts.Imports;

/// <summary>What one pass over a stored roster found.</summary>
public abstract record CheckOutcome;

/// <summary>The header does not say where the required fields are: the person importing must map the columns.</summary>
public sealed record ColumnsNeedMapping : CheckOutcome;

public sealed record CheckFailed(ImportNotice Notice) : CheckOutcome;

/// <param name="Admitted">Rows that are valid and may join the cohort.</param>
/// <param name="Rejected">Rows with a problem, each stored with its problems.</param>
/// <param name="AdmittedWithWarnings">Admitted rows that leave out a wrong optional value.</param>
/// <param name="AdmissionFingerprint">What decided the admissions (<see cref="RosterAdmission.Fingerprint"/>).</param>
public sealed record Checked(RosterEncoding Encoding, int RowsRead, int Admitted, int Rejected, int AdmittedWithWarnings, long AdmissionFingerprint)
    : CheckOutcome;

/// <summary>A commit found that others enrolled people or took seats since the preview: it wrote nothing.</summary>
public sealed record AdmissionsChanged : CheckOutcome;

/// <summary>Another worker took the work over (this one was thought gone): this one stopped writing.</summary>
public sealed record WorkTakenOver : CheckOutcome;

/// <summary>
/// One pass over a stored roster: read it row by row (<see cref="RosterPass"/>) on a connection of its own, and write
/// in slices (<see cref="RosterSlices"/>) every problem and warning with the person it is about, and for a commit each
/// admitted person. The preview and the commit both use this one pass, so what the preview promised is what the
/// commit does; a commit starts only while what decided the preview's admissions is unchanged.
/// </summary>
public static class RosterImportCheck
{
    private const int ProgressEvery = 2_000;

    /// <param name="expectedFingerprint">For a commit starting afresh: the preview's admission fingerprint.</param>
    public static async Task<CheckOutcome> RunAsync(
        Db db, RosterImport import, ImportCohort cohort, int currentYear, RosterPassWrites writes, long? expectedFingerprint,
        Action<double>? onProgress, CancellationToken ct)
    {
        await using var reader = await db.OpenAsync(ct);
        var (opened, stopped) = await RosterPass.OpenAsync(reader, import, cohort, currentYear, ct);
        if (opened is null)
        {
            await using var clearing = new RosterSlices(db, import.Id, writes, header: null);
            return await clearing.FinishAsync(ct) ? stopped! : new WorkTakenOver();
        }

        await using var pass = opened;
        if (expectedFingerprint is { } expected && expected != pass.AdmissionFingerprint) return new AdmissionsChanged();
        await using var slices = new RosterSlices(db, import.Id, writes, pass.Header);
        int admitted = 0, rejected = 0, warned = 0;
        try
        {
            await foreach (var record in pass.RowsAsync(ct))
            {
                if (record is ValidRosterRecord row)
                {
                    admitted++;
                    if (row.Warnings.Count > 0) warned++;
                }
                else
                {
                    rejected++;
                }

                if (!await slices.AddAsync(record, ct)) return new WorkTakenOver();
                if ((admitted + rejected) % ProgressEvery == 0) onProgress?.Invoke(import.FileBytes == 0 ? 1 : (double)pass.Position / import.FileBytes);
            }
        }
        catch (Exception unreadable) when (RosterPass.Failure(unreadable) is { } failed)
        {
            return await slices.FinishAsync(ct) ? failed : new WorkTakenOver();
        }

        if (!await slices.FinishAsync(ct)) return new WorkTakenOver();
        return new Checked(pass.Encoding, admitted + rejected, admitted, rejected, warned, pass.AdmissionFingerprint);
    }
}
