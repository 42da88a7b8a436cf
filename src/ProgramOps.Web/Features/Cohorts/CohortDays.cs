using ProgramOps.Web.Features.Programs;

namespace ProgramOps.Web.Features.Cohorts;

/// <summary>One cohort on the program day it is in, as a daily job walks it.</summary>
public sealed record CohortDay(int CohortId, string CohortName, int Version, ProgramDefinition Program, DateOnly StartDate, DateOnly Today);

/// <summary>The cohorts a daily job walks, each with its program and today in the program's time zone.</summary>
public static class CohortDays
{
    private sealed record CohortRow
    {
        public int Id { get; init; }
        public required string Name { get; init; }
        public DateOnly StartDate { get; init; }
        public int Version { get; init; }
        public required string Definition { get; init; }
    }

    /// <summary>The running cohorts on the day <paramref name="now"/> falls on in each program's time zone.</summary>
    public static Task<IReadOnlyList<CohortDay>> RunningAsync(Db db, DateTimeOffset now, CancellationToken ct) => LoadAsync(db, CohortsSql.Running, now, ct);

    /// <param name="cohorts">A query of the cohorts' Id, Name, StartDate, Version and program version Definition.</param>
    public static async Task<IReadOnlyList<CohortDay>> LoadAsync(Db db, string cohorts, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<CohortRow>(new CommandDefinition(cohorts, cancellationToken: ct));
        return [.. rows.Select(row =>
        {
            var program = ProgramDefinitionJson.Deserialize(row.Definition);
            return new CohortDay(row.Id, row.Name, row.Version, program, row.StartDate, program.DateAt(now));
        })];
    }
}
