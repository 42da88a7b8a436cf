namespace ProgramOps.Web.Infrastructure.Jobs;

public static class JobRunsSql
{
    public static string Start(SqlDialect dialect) =>
        $"""
        INSERT INTO JobRuns (JobName, StartedAt, TriggeredBy) VALUES (@JobName, @Now, @TriggeredBy);
        {dialect.SelectNewId}
        """;

    public const string Finish =
        "UPDATE JobRuns SET FinishedAt = @Now, Items = @Items, Refused = @Refused, Conflicts = @Conflicts, Error = @Error WHERE Id = @Id";

    /// <summary>The latest run of each job.</summary>
    public const string Latest =
        """
        SELECT r.JobName, r.StartedAt, r.FinishedAt, r.Items, r.Refused, r.Conflicts, r.Error, r.TriggeredBy
        FROM JobRuns r
        WHERE r.Id = (SELECT MAX(l.Id) FROM JobRuns l WHERE l.JobName = r.JobName)
        """;
}
