using Dapper;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProgramOps.Web.Features.Cohorts;
using ProgramOps.Web.Features.Cohorts.Imports;
using ProgramOps.Web.Infrastructure.Data;

namespace ProgramOps.Bench.Bare.Pages;

/// <summary>What the cohort page reads — the cohort, its seats, counts by state, exits by week, teams, milestones and
/// the first page of imports — with the console's own statements, printed as plain tables.</summary>
public sealed class CohortModel(BareDatabase database) : PageModel
{
    public List<(string Name, List<IDictionary<string, object>> Rows)> Sections { get; } = [];

    public async Task OnGetAsync(int id)
    {
        await using var connection = await database.OpenAsync();
        var statements = new (string Name, string Sql, object Parameters)[]
        {
            ("cohort", CohortsSql.Find, new { Id = id }),
            ("seats", CohortsSql.ContractsOfCohort, new { Id = id }),
            ("by state", CohortsSql.ParticipantsByState, new { Id = id }),
            ("exits", CohortsSql.ExitOrigins(SqlDialect.For(DatabaseProvider.Sqlite)), new { Id = id }),
            ("teams", CohortsSql.TeamCount, new { Id = id }),
            ("milestones", CohortsSql.ReachedMilestones, new { Id = id }),
            ("imports", ImportsSql.OfCohort(SqlDialect.For(DatabaseProvider.Sqlite)), new { CohortId = id, Skip = 0, Take = 10 }),
        };
        foreach (var (name, sql, parameters) in statements)
        {
            Sections.Add((name, [.. (await connection.QueryAsync(sql, parameters)).Cast<IDictionary<string, object>>()]));
        }
    }
}
