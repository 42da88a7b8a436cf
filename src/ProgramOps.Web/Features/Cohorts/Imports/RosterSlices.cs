using System.Data;
using System.Diagnostics;
using ProgramOps.Web.Features.Cohorts.Roster;
using ProgramOps.Web.Features.Participants;

namespace ProgramOps.Web.Features.Cohorts.Imports;

/// <summary>What a pass over a roster writes: its problems (the check), and its admitted people too (the commit).</summary>
/// <param name="Enrol">Where admitted people are enrolled; null for a check, which enrols nobody.</param>
/// <param name="ResumeAfterLine">For a commit cut off before: the last line its slices wrote, which are not written again.</param>
/// <param name="EnrolledBefore">For a commit cut off before: how many people its slices enrolled.</param>
/// <param name="HoldAsync">Run first in every slice's transaction: false when the work is no longer this worker's.</param>
public sealed record RosterPassWrites(
    AdmissionSource? Enrol, int? ResumeAfterLine, int EnrolledBefore, Func<DbConnection, DbTransaction, CancellationToken, Task<bool>> HoldAsync);

/// <summary>
/// Writes a pass over a roster in slices, each slice one transaction. A slice ends when another writer of the console
/// waits for SQLite's single write lock (once the slice has held it for <see cref="HoldAtLeast"/>), or at
/// <see cref="MaxRowsPerSlice"/> rows: event batches and staff saves are not held up for seconds behind a 100,000-row
/// roster (issue 17). Every commit of a slice rewrites the index pages it touched, so slices are few: with nobody
/// waiting the roster goes in a few large transactions, and under a stream of writers in about ten a second.
/// A commit records in each slice the last line written (<c>CommittedThroughLine</c>); cut off by a crash, it resumes
/// after it.
/// </summary>
/// <param name="header">The file's header; null when the file could not be read, and only an earlier check's problems are cleared.</param>
public sealed class RosterSlices(Db db, int importId, RosterPassWrites writes, RosterHeaderMap? header) : IAsyncDisposable
{
    /// <summary>The most a slice holds: bounds what a crash loses and, on SQL Server, the locks one transaction takes.</summary>
    public const int MaxRowsPerSlice = 20_000;

    /// <summary>How long a slice holds the write lock before it gives way to a waiting writer.</summary>
    public static readonly TimeSpan HoldAtLeast = TimeSpan.FromMilliseconds(100);

    private DbWrite? slice;
    private ParticipantAdmission? admission;
    private PreparedCommand? problems;
    private bool started;
    private int rowsInSlice;
    private long sliceBegan;
    private int lastLine;
    private int enrolled;

    /// <summary>Writes a decided row, ending the slice when it is due. False when the work is no longer this worker's.</summary>
    public async Task<bool> AddAsync(RosterRecord record, CancellationToken ct)
    {
        if (record.Line <= writes.ResumeAfterLine) return true;
        if (slice is null && !await BeginAsync(ct)) return false;

        await WriteAsync(slice!, record, ct);
        lastLine = record.Line;
        rowsInSlice++;
        if (rowsInSlice >= MaxRowsPerSlice || (db.WritersWaiting && Stopwatch.GetElapsedTime(sliceBegan) >= HoldAtLeast)) await EndSliceAsync(ct);
        return true;
    }

    /// <summary>Commits the last slice; on a new check, this clears the problems of an earlier one even if the file has no rows.</summary>
    public async Task<bool> FinishAsync(CancellationToken ct)
    {
        if (slice is null && started) return true;
        if (slice is null && !await BeginAsync(ct)) return false;
        await EndSliceAsync(ct);
        return true;
    }

    public async ValueTask DisposeAsync() => await CloseAsync();

    private async Task<bool> BeginAsync(CancellationToken ct)
    {
        slice = await db.BeginWriteAsync(ct);
        sliceBegan = Stopwatch.GetTimestamp();
        var (c, t) = (slice.Connection, slice.Transaction);
        if (!await writes.HoldAsync(c, t, ct))
        {
            await CloseAsync();
            return false;
        }

        if (!started && writes.ResumeAfterLine is null)
            await c.ExecuteAsync(new CommandDefinition(ImportsSql.DeleteProblems, new { ImportId = importId }, t, cancellationToken: ct));
        started = true;
        if (writes.Enrol is { } source) admission = new ParticipantAdmission(c, t, source);
        return true;
    }

    private async Task WriteAsync(DbWrite write, RosterRecord record, CancellationToken ct)
    {
        switch (record)
        {
            case ValidRosterRecord row:
                if (row.Warnings.Count > 0) await StoreProblemsAsync(write, row.Line, row.Warnings, row.Person, ct);
                if (admission is null) return;
                await admission.AdmitAsync(new AdmittedPerson(row.Line, row.EmployeeNumber, row.Name, row.Kana, row.Email, row.Department, row.BirthYear), ct);
                enrolled++;
                return;
            case InvalidRosterRecord invalid:
                await StoreProblemsAsync(write, invalid.Line, invalid.Problems, invalid.Person, ct);
                return;
        }
    }

    private async Task EndSliceAsync(CancellationToken ct)
    {
        var write = slice!;
        if (writes.Enrol is not null && rowsInSlice > 0)
        {
            await write.Connection.ExecuteAsync(new CommandDefinition(ImportsSql.RecordSlice, new
            {
                Id = importId, Line = lastLine, RowsImported = writes.EnrolledBefore + enrolled,
            }, write.Transaction, cancellationToken: ct));
        }

        await write.CommitAsync(ct);
        await CloseAsync();
    }

    private async Task CloseAsync()
    {
        admission?.Dispose();
        problems?.Dispose();
        (admission, problems, rowsInSlice) = (null, null, 0);
        if (slice is not null) await slice.DisposeAsync();
        slice = null;
    }

    private async Task StoreProblemsAsync(DbWrite write, int line, IReadOnlyList<RosterRowProblem> found, RosterPerson person, CancellationToken ct)
    {
        problems ??= new PreparedCommand(write.Connection, write.Transaction, ImportsSql.InsertProblem,
                ("ImportId", DbType.Int32), ("Line", DbType.Int32), ("Problem", DbType.String), ("Field", DbType.String),
                ("ColumnName", DbType.String), ("Value", DbType.String), ("FirstLine", DbType.Int32),
                ("EmployeeNumber", DbType.String), ("PersonName", DbType.String), ("IsWarning", DbType.Boolean))
            .Set("ImportId", importId);
        problems.Set("Line", line).Set("EmployeeNumber", NullIfEmpty(person.EmployeeNumber)).Set("PersonName", NullIfEmpty(person.Name));
        foreach (var problem in found)
        {
            var column = problem.Column ?? (problem.Field is { } field && header?.ColumnOf(field) is { } index ? header.Columns[index].Header : null);
            await problems.Set("Problem", problem.Problem.ToString()).Set("Field", problem.Field?.ToString())
                .Set("ColumnName", column is null ? null : RosterLimits.Echo(column)).Set("Value", RosterLimits.Echo(problem.Value))
                .Set("FirstLine", problem.FirstLine).Set("IsWarning", problem.IsWarning).ExecuteAsync(ct);
        }
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
