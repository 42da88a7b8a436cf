namespace ProgramOps.Web.Features.Clients.Plans;

public static class AccountPlansSql
{
    public const string Find =
        "SELECT ClientId, Goals, SuccessCriteria, LastReviewedOn, NextReviewOn, Version, UpdatedAt, UpdatedBy FROM AccountPlans WHERE ClientId = @ClientId";

    public const string Stakeholders =
        """
        SELECT kp.Id, kp.Name FROM AccountPlanStakeholders s JOIN KeyPersons kp ON kp.Id = s.KeyPersonId
        WHERE s.ClientId = @ClientId ORDER BY kp.Name, kp.Id
        """;

    /// <summary>The client's first plan; refused (no row) when someone made one meanwhile.</summary>
    public const string Insert =
        """
        INSERT INTO AccountPlans (ClientId, Goals, SuccessCriteria, LastReviewedOn, NextReviewOn, Version, CreatedAt, UpdatedAt, UpdatedBy)
        SELECT @ClientId, @Goals, @SuccessCriteria, @LastReviewedOn, @NextReviewOn, 1, @Now, @Now, @Actor
        WHERE NOT EXISTS (SELECT 1 FROM AccountPlans WHERE ClientId = @ClientId)
        """;

    public const string Update =
        """
        UPDATE AccountPlans
        SET Goals = @Goals, SuccessCriteria = @SuccessCriteria, LastReviewedOn = @LastReviewedOn, NextReviewOn = @NextReviewOn,
            Version = Version + 1, UpdatedAt = @Now, UpdatedBy = @Actor
        WHERE ClientId = @ClientId AND Version = @Version
        """;

    public const string ClearStakeholders = "DELETE FROM AccountPlanStakeholders WHERE ClientId = @ClientId";

    public const string InsertStakeholder = "INSERT INTO AccountPlanStakeholders (ClientId, KeyPersonId) VALUES (@ClientId, @KeyPersonId)";

    /// <summary>A key person removed from the client is no longer a stakeholder; only while the person is at the remover's version.</summary>
    public const string ForgetStakeholder =
        """
        DELETE FROM AccountPlanStakeholders
        WHERE KeyPersonId = @KeyPersonId AND EXISTS (SELECT 1 FROM KeyPersons WHERE Id = @KeyPersonId AND Version = @Version)
        """;

    public const string LastChange = "SELECT UpdatedBy, UpdatedAt FROM AccountPlans WHERE ClientId = @Id";
}
