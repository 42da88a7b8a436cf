using System.Data;
using ProgramOps.Web.Features.Cohorts.Roster;
using ProgramOps.Web.Features.Demo;

namespace ProgramOps.Web.Features.Cohorts.Imports;

/// <summary>What one pass over a stored roster found.</summary>
public abstract record CheckOutcome;

/// <summary>The header does not say where the required fields are: the person importing must map the columns.</summary>
public sealed record ColumnsNeedMapping : CheckOutcome;

public sealed record CheckFailed(ImportNotice Notice) : CheckOutcome;

/// <param name="Admitted">Rows that are valid and may join the cohort.</param>
/// <param name="Rejected">Rows with a problem, each stored with its problems.</param>
public sealed record Checked(RosterEncoding Encoding, int RowsRead, int Admitted, int Rejected) : CheckOutcome;

/// <summary>
/// One pass over a stored roster inside the caller's transaction: decode and read it row by row, check each row
/// and whether it may join the cohort, store every problem, and hand each admitted row to the caller — who stores
/// nothing (the preview) or the participant (the commit). Both use this one pass, so what the preview promised is
/// what the commit does.
/// </summary>
public static class RosterImportCheck
{
    private const int ProgressEvery = 2_000;

    public static async Task<CheckOutcome> RunAsync(
        DbConnection connection, DbTransaction transaction, RosterImport import, ImportCohort cohort, int currentYear,
        Func<ValidRosterRecord, ValueTask>? onAdmitted, Action<double>? onProgress, CancellationToken ct)
    {
        await connection.ExecuteAsync(new CommandDefinition(ImportsSql.DeleteProblems, new { ImportId = import.Id }, transaction, cancellationToken: ct));
        var admission = await AdmissionAsync(connection, transaction, import, cohort, ct);

        await using var file = RosterFileStore.OpenRead(connection, transaction, import.Id);
        RosterReader reader;
        try
        {
            reader = await RosterReader.OpenAsync(file, new RosterReadOptions
            {
                CurrentYear = currentYear,
                Encoding = import.RequestedEncoding,
                Mapping = StoredColumnMapping.FromJson(import.ColumnMapping),
            }, ct);
        }
        catch (RosterEncodingException e)
        {
            return new CheckFailed(new ImportNotice(ImportNoticeCode.InvalidEncoding, e.Encoding, e.Line));
        }
        catch (RosterLimitException e)
        {
            return new CheckFailed(ImportNotice.Of(e));
        }

        await using (reader)
        {
            if (reader.Header.Columns.Count == 0) return new CheckFailed(new ImportNotice(ImportNoticeCode.Empty));
            if (!reader.Header.IsComplete) return new ColumnsNeedMapping();

            using var problems = new PreparedCommand(connection, transaction, ImportsSql.InsertProblem,
                ("ImportId", DbType.Int32), ("Line", DbType.Int32), ("Problem", DbType.String), ("Field", DbType.String),
                ("ColumnName", DbType.String), ("Value", DbType.String), ("FirstLine", DbType.Int32));
            problems.Set("ImportId", import.Id);
            int admitted = 0, rejected = 0;
            try
            {
                await foreach (var record in reader.ReadAsync(ct))
                {
                    var decided = record is ValidRosterRecord valid ? admission.Admit(valid) : record;
                    if (decided is ValidRosterRecord row)
                    {
                        admitted++;
                        if (onAdmitted is not null) await onAdmitted(row);
                    }
                    else
                    {
                        rejected++;
                        await StoreAsync(problems, (InvalidRosterRecord)decided, reader.Header, ct);
                    }

                    if ((admitted + rejected) % ProgressEvery == 0) onProgress?.Invoke(import.FileBytes == 0 ? 1 : (double)file.Position / import.FileBytes);
                }
            }
            catch (RosterEncodingException e)
            {
                return new CheckFailed(new ImportNotice(ImportNoticeCode.InvalidEncoding, e.Encoding, e.Line));
            }
            catch (RosterLimitException e)
            {
                return new CheckFailed(ImportNotice.Of(e));
            }

            return new Checked(reader.Encoding, admitted + rejected, admitted, rejected);
        }
    }

    private static async Task<RosterAdmission> AdmissionAsync(
        DbConnection connection, DbTransaction transaction, RosterImport import, ImportCohort cohort, CancellationToken ct)
    {
        var clientCohorts = (await connection.QueryAsync<(int Id, string Name, DateOnly EnrolmentOpens, DateOnly StartDate, string Definition)>(
                new CommandDefinition(ImportsSql.CohortsOfClient, new { import.ClientId }, transaction, cancellationToken: ct)))
            .Select(c => ImportCohort.PeriodOf(c.Id, c.Name, c.EnrolmentOpens, c.StartDate, c.Definition))
            .ToList();
        var period = cohort.Period;
        var takingPart = await connection.QueryAsync<TakingPart>(new CommandDefinition(ImportsSql.TakingPart,
            new { import.ClientId, CohortIds = RosterAdmission.CohortsToCheck(period, clientCohorts) }, transaction, cancellationToken: ct));
        var seats = await connection.QuerySingleOrDefaultAsync<(int Capacity, int Taken)>(new CommandDefinition(ImportsSql.Seats,
            new { CohortId = cohort.Id, import.ContractId }, transaction, cancellationToken: ct));
        return new RosterAdmission(period, clientCohorts, takingPart, Math.Max(0, seats.Capacity - seats.Taken));
    }

    private static async Task StoreAsync(PreparedCommand problems, InvalidRosterRecord record, RosterHeaderMap header, CancellationToken ct)
    {
        foreach (var problem in record.Problems)
        {
            var column = problem.Column ?? (problem.Field is { } field && header.ColumnOf(field) is { } index ? header.Columns[index].Header : null);
            await problems.Set("Line", record.Line).Set("Problem", problem.Problem.ToString()).Set("Field", problem.Field?.ToString())
                .Set("ColumnName", column is null ? null : RosterLimits.Echo(column)).Set("Value", RosterLimits.Echo(problem.Value)).Set("FirstLine", problem.FirstLine).ExecuteAsync(ct);
        }
    }
}
