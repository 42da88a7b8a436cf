namespace ProgramOps.Web.Features.Feedback;

public static class RoutingRulesSql
{
    public const string All =
        """
        SELECT Id, Position, Name, NameJa, Destination, Weight, Conditions, IsEnabled, Version, UpdatedAt, UpdatedBy
        FROM RoutingRules ORDER BY Position, Id
        """;

    public const string Find =
        """
        SELECT Id, Position, Name, NameJa, Destination, Weight, Conditions, IsEnabled, Version, UpdatedAt, UpdatedBy
        FROM RoutingRules WHERE Id = @Id
        """;

    public const string Count = "SELECT COUNT(*) FROM RoutingRules";

    public const string Insert =
        """
        INSERT INTO RoutingRules (Position, Name, NameJa, Destination, Weight, Conditions, IsEnabled, Version, CreatedAt, UpdatedAt, UpdatedBy)
        VALUES (@Position, @Name, @NameJa, @Destination, @Weight, @Conditions, @IsEnabled, 1, @Now, @Now, @Actor);
        """;

    public const string Update =
        """
        UPDATE RoutingRules SET Position = @Position, Name = @Name, NameJa = @NameJa, Destination = @Destination, Weight = @Weight,
               Conditions = @Conditions, IsEnabled = @IsEnabled, Version = Version + 1, UpdatedAt = @Now, UpdatedBy = @Actor
        WHERE Id = @Id AND Version = @Version
        """;

    public const string LastChange = "SELECT UpdatedBy, UpdatedAt FROM RoutingRules WHERE Id = @Id";

    /// <summary>
    /// Per rule: how often it fired in a routing decision, and how many of those items a person then moved
    /// to a destination other than the one the rule voted for. A high share marks a rule that is wrong.
    /// </summary>
    public const string OverrideRateByRule =
        """
        SELECT r.Id, r.Position, r.Name, r.NameJa, r.Destination, r.IsEnabled,
               COUNT(dr.DecisionId) AS Fired,
               SUM(CASE WHEN o.FeedbackItemId IS NOT NULL AND i.Destination <> dr.Destination THEN 1 ELSE 0 END) AS Overridden
        FROM RoutingRules r
        LEFT JOIN RoutingDecisionRules dr ON dr.RuleId = r.Id
        LEFT JOIN RoutingDecisions d ON d.Id = dr.DecisionId
        LEFT JOIN FeedbackItems i ON i.Id = d.FeedbackItemId
        LEFT JOIN (SELECT DISTINCT FeedbackItemId FROM RoutingDecisions WHERE Kind = 'Override') o ON o.FeedbackItemId = i.Id
        GROUP BY r.Id, r.Position, r.Name, r.NameJa, r.Destination, r.IsEnabled
        ORDER BY r.Position, r.Id
        """;
}
