namespace ProgramOps.Web.Features.Cohorts;

/// <summary>
/// Takes a cohort's row lock without changing the row, for work that must not run twice at once on one cohort (team
/// formation): the second caller waits and then finds the first one's result. SQLite's write lock does this anyway;
/// SQL Server would let both read "no teams yet".
/// </summary>
public static class CohortRowLock
{
    public static Task TakeAsync(DbConnection connection, DbTransaction transaction, int cohortId, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(CohortsSql.TakeRowLock, new { CohortId = cohortId }, transaction, cancellationToken: ct));
}
