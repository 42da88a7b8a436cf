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
public sealed record Checked(RosterEncoding Encoding, int RowsRead, int Admitted, int Rejected, int AdmittedWithWarnings) : CheckOutcome;

/// <summary>
/// One pass over a stored roster inside the caller's transaction: read it row by row (<see cref="RosterPass"/>),
/// store every problem and warning with the person it is about, and hand each admitted row to the caller — who stores
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
        var (opened, stopped) = await RosterPass.OpenAsync(connection, transaction, import, cohort, currentYear, ct);
        if (opened is null) return stopped!;

        await using var pass = opened;
        using var problems = new PreparedCommand(connection, transaction, ImportsSql.InsertProblem,
            ("ImportId", DbType.Int32), ("Line", DbType.Int32), ("Problem", DbType.String), ("Field", DbType.String),
            ("ColumnName", DbType.String), ("Value", DbType.String), ("FirstLine", DbType.Int32),
            ("EmployeeNumber", DbType.String), ("PersonName", DbType.String), ("IsWarning", DbType.Boolean));
        problems.Set("ImportId", import.Id);
        int admitted = 0, rejected = 0, warned = 0;
        try
        {
            await foreach (var record in pass.RowsAsync(ct))
            {
                if (record is ValidRosterRecord row)
                {
                    admitted++;
                    if (row.Warnings.Count > 0)
                    {
                        warned++;
                        await StoreAsync(problems, row.Line, row.Warnings, row.Person, pass.Header, ct);
                    }
                    if (onAdmitted is not null) await onAdmitted(row);
                }
                else
                {
                    rejected++;
                    var invalid = (InvalidRosterRecord)record;
                    await StoreAsync(problems, invalid.Line, invalid.Problems, invalid.Person, pass.Header, ct);
                }

                if ((admitted + rejected) % ProgressEvery == 0) onProgress?.Invoke(import.FileBytes == 0 ? 1 : (double)pass.Position / import.FileBytes);
            }
        }
        catch (Exception unreadable) when (RosterPass.Failure(unreadable) is { } failed)
        {
            return failed;
        }

        return new Checked(pass.Encoding, admitted + rejected, admitted, rejected, warned);
    }

    private static async Task StoreAsync(
        PreparedCommand problems, int line, IReadOnlyList<RosterRowProblem> found, RosterPerson person, RosterHeaderMap header, CancellationToken ct)
    {
        problems.Set("Line", line).Set("EmployeeNumber", NullIfEmpty(person.EmployeeNumber)).Set("PersonName", NullIfEmpty(person.Name));
        foreach (var problem in found)
        {
            var column = problem.Column ?? (problem.Field is { } field && header.ColumnOf(field) is { } index ? header.Columns[index].Header : null);
            await problems.Set("Problem", problem.Problem.ToString()).Set("Field", problem.Field?.ToString())
                .Set("ColumnName", column is null ? null : RosterLimits.Echo(column)).Set("Value", RosterLimits.Echo(problem.Value))
                .Set("FirstLine", problem.FirstLine).Set("IsWarning", problem.IsWarning).ExecuteAsync(ct);
        }
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
