using ProgramOps.Web.Features.Cohorts.Roster;

namespace ProgramOps.Web.Features.Cohorts.Imports;

/// <summary>
/// One read of a stored roster, row by row, each row decided: valid and admitted to the cohort, or rejected with its
/// problems. The preview, the commit and the preview's list of people all read through it, so they agree on every row.
/// Holds one chunk of the file and the keys seen so far, never the file or the cohort's rows.
/// </summary>
public sealed class RosterPass : IAsyncDisposable
{
    private readonly Stream file;
    private readonly RosterReader reader;
    private readonly RosterAdmission admission;

    private RosterPass(Stream file, RosterReader reader, RosterAdmission admission) =>
        (this.file, this.reader, this.admission) = (file, reader, admission);

    public RosterHeaderMap Header => reader.Header;

    public RosterEncoding Encoding => reader.Encoding;

    /// <inheritdoc cref="RosterAdmission.Fingerprint"/>
    public long AdmissionFingerprint => admission.Fingerprint;

    /// <summary>The bytes of the stored file read so far.</summary>
    public long Position => file.Position;

    /// <summary>Opens the file with the import's encoding and mapping; or says why its rows cannot be read.</summary>
    public static async Task<(RosterPass? Pass, CheckOutcome? Stopped)> OpenAsync(
        DbConnection connection, RosterImport import, ImportCohort cohort, int currentYear, CancellationToken ct)
    {
        var admission = await AdmissionAsync(connection, import, cohort, ct);
        var file = RosterFileStore.OpenRead(connection, import.Id);
        RosterReader reader;
        try
        {
            reader = await RosterReader.OpenAsync(file, new RosterReadOptions
            {
                CurrentYear = currentYear,
                Encoding = import.RequestedEncoding,
                Mapping = StoredColumnMapping.FromJson(import.ColumnMapping),
                ExpectedRows = ExpectedRows(import),
            }, ct);
        }
        catch (Exception unreadable) when (Failure(unreadable) is { } failed)
        {
            await file.DisposeAsync();
            return (null, failed);
        }

        var pass = new RosterPass(file, reader, admission);
        if (reader.Header.Columns.Count == 0) return (null, await StopAsync(pass, new CheckFailed(new ImportNotice(ImportNoticeCode.Empty))));
        if (!reader.Header.IsComplete) return (null, await StopAsync(pass, new ColumnsNeedMapping()));
        return (pass, null);
    }

    /// <summary>The rows in file order: admitted <see cref="ValidRosterRecord"/>s and <see cref="InvalidRosterRecord"/>s.</summary>
    /// <exception cref="RosterEncodingException">Part of the file does not decode.</exception>
    /// <exception cref="RosterLimitException">A line is far too long.</exception>
    public async IAsyncEnumerable<RosterRecord> RowsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var record in reader.ReadAsync(ct)) yield return record is ValidRosterRecord valid ? admission.Admit(valid) : record;
    }

    /// <summary>
    /// The rows of a checked file as its check counted them; before that, a guess from its size (a roster line takes at
    /// least about <see cref="LeastBytesPerRow"/> bytes), no more than <see cref="MostRowsExpected"/> so that a large file
    /// that turns out not to be a roster takes no room it never fills.
    /// </summary>
    private static int ExpectedRows(RosterImport import) =>
        import.RowsRead > 0 ? import.RowsRead : (int)Math.Min(import.FileBytes / LeastBytesPerRow, MostRowsExpected);

    private const int LeastBytesPerRow = 64;
    private const int MostRowsExpected = 200_000;

    /// <summary>The failure a read stopped with, as the import's notice; null for anything that is not the file's fault.</summary>
    public static CheckFailed? Failure(Exception stopped) => stopped switch
    {
        RosterEncodingException e => new CheckFailed(new ImportNotice(ImportNoticeCode.InvalidEncoding, e.Encoding, e.Line)),
        RosterLimitException e => new CheckFailed(ImportNotice.Of(e)),
        _ => null,
    };

    public async ValueTask DisposeAsync()
    {
        await reader.DisposeAsync();
        await file.DisposeAsync();
    }

    private static async Task<CheckOutcome> StopAsync(RosterPass pass, CheckOutcome outcome)
    {
        await pass.DisposeAsync();
        return outcome;
    }

    private static async Task<RosterAdmission> AdmissionAsync(
        DbConnection connection, RosterImport import, ImportCohort cohort, CancellationToken ct)
    {
        var clientCohorts = (await connection.QueryAsync<(int Id, string Name, DateOnly EnrolmentOpens, DateOnly StartDate, string Definition)>(
                new CommandDefinition(ImportsSql.CohortsOfClient, new { import.ClientId }, cancellationToken: ct)))
            .Select(c => ImportCohort.PeriodOf(c.Id, c.Name, c.EnrolmentOpens, c.StartDate, c.Definition))
            .ToList();
        var period = cohort.Period;
        var takingPart = await connection.QueryAsync<TakingPart>(new CommandDefinition(ImportsSql.TakingPart,
            new { import.ClientId, CohortIds = RosterAdmission.CohortsToCheck(period, clientCohorts), ImportId = import.Id }, cancellationToken: ct));
        var seats = await connection.QuerySingleOrDefaultAsync<(int Capacity, int Taken)>(new CommandDefinition(ImportsSql.Seats,
            new { CohortId = cohort.Id, import.ContractId, ImportId = import.Id }, cancellationToken: ct));
        return new RosterAdmission(period, clientCohorts, takingPart, Math.Max(0, seats.Capacity - seats.Taken));
    }
}
