namespace ProgramOps.Web.Features.Outcomes;

/// <summary>
/// Draft figures shown outside the company (the client portal) follow the issuing rule: a draft whose population differs
/// from one of the client's issued reports by 1 to k − 1 people is not shown, since subtracting one from the other
/// would tell about those few (<see cref="DifferencingGuard"/>).
/// </summary>
public sealed class DraftDifferencing(Db db)
{
    private sealed class IssuedPopulation
    {
        public int VersionNumber { get; init; }
        public int Population { get; init; }
        public int Shared { get; init; }
    }

    public async Task<DifferencingConflict?> CheckAsync(ClientReport report, CancellationToken ct)
    {
        int? scopeClient = report.Scope == ReportScopeKind.ClientSlice ? report.ClientId : null;
        var scope = new { CohortIds = new[] { report.CohortId }, ClientId = scopeClient, ReportClientId = report.ClientId };
        await using var c = await db.OpenAsync(ct);
        var population = await c.ExecuteScalarAsync<int>(new CommandDefinition(OutcomesSql.PopulationSize, scope, cancellationToken: ct));
        var issued = await c.QueryAsync<IssuedPopulation>(new CommandDefinition(OutcomesSql.IssuedPopulations, scope, cancellationToken: ct));
        return DifferencingGuard.Check(population, issued.Select(i => (i.VersionNumber, i.Population, i.Shared)), report.K);
    }
}
