using ProgramOps.Web.Features.Programs;

namespace ProgramOps.Web.Features.Cohorts;

/// <summary>One running cohort on the program day it is in, as a daily job walks it.</summary>
public sealed record CohortDay(int CohortId, string CohortName, int Version, ProgramDefinition Program, DateOnly StartDate, DateOnly Today);

public static class RunningCohorts
{
    private sealed record CohortRow
    {
        public int Id { get; init; }
        public required string Name { get; init; }
        public DateOnly StartDate { get; init; }
        public int Version { get; init; }
        public required string Definition { get; init; }
    }

    /// <summary>The running cohorts, each with its program and the day <paramref name="now"/> is in the program's time zone.</summary>
    public static async Task<IReadOnlyList<CohortDay>> OnTheirDayAsync(Db db, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<CohortRow>(new CommandDefinition(CohortsSql.Running, cancellationToken: ct));
        return [.. rows.Select(row =>
        {
            var program = ProgramDefinitionJson.Deserialize(row.Definition);
            return new CohortDay(row.Id, row.Name, row.Version, program, row.StartDate, program.DateAt(now));
        })];
    }
}
