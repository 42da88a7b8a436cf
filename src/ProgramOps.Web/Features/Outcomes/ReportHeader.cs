namespace ProgramOps.Web.Features.Outcomes;

/// <summary>The cohort and client a report page is about, or null when the client has no seats in the cohort.</summary>
public sealed record ReportHeader(int CohortId, string CohortName, string CohortStatus, int ClientId, string ClientName)
{
    private sealed class CohortRow
    {
        public string Name { get; init; } = "";
        public string Status { get; init; } = "";
    }

    private sealed class ClientRow
    {
        public int Id { get; init; }
        public string Name { get; init; } = "";
    }

    public static async Task<ReportHeader?> FindAsync(DbConnection c, int cohortId, int clientId, CancellationToken ct)
    {
        var cohort = await c.QuerySingleOrDefaultAsync<CohortRow>(new CommandDefinition(OutcomesSql.Cohort, new { CohortId = cohortId }, cancellationToken: ct));
        if (cohort is null) return null;
        var client = (await c.QueryAsync<ClientRow>(new CommandDefinition(OutcomesSql.CohortClients, new { CohortId = cohortId }, cancellationToken: ct)))
            .SingleOrDefault(x => x.Id == clientId);
        return client is null ? null : new ReportHeader(cohortId, cohort.Name, cohort.Status, clientId, client.Name);
    }
}
