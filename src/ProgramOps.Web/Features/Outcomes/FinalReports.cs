namespace ProgramOps.Web.Features.Outcomes;

/// <summary>Whether a cohort's clients have their final outcome reports: what the cohort's Reported step waits for.</summary>
public static class FinalReports
{
    public static Task<int> ClientsWithoutOneAsync(DbConnection c, int cohortId, CancellationToken ct, DbTransaction? t = null) =>
        c.ExecuteScalarAsync<int>(new CommandDefinition(OutcomesSql.ClientsWithoutFinalReport, new { CohortId = cohortId }, t, cancellationToken: ct));
}
