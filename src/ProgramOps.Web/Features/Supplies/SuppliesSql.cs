using ProgramOps.Web.Features.Participants;

namespace ProgramOps.Web.Features.Supplies;

public enum ShipmentSort
{
    Due,
    Participant,
    Week,
    Status,
}

public static class SuppliesSql
{
    /// <summary>The cohorts whose participants are sent supplies: enrolling (first kits) and running.</summary>
    public const string SupplyingCohorts =
        """
        SELECT co.Id, co.Name, co.StartDate, co.Version, v.Definition
        FROM Cohorts co JOIN ProgramVersions v ON v.Id = co.ProgramVersionId
        WHERE co.Status IN ('Enrolling', 'Running')
        ORDER BY co.Id
        """;

    /// <summary>
    /// One program shipment for every participant of a cohort who receives supplies and does not have it yet: one
    /// statement per cohort and week, however many participants (the unique index on participant and week guards it).
    /// </summary>
    public static readonly string CreateDue =
        $"""
        INSERT INTO Shipments (ParticipantId, CohortId, Week, Item, ItemEn, DueOn, Status, Version, CreatedAt, UpdatedAt, UpdatedBy)
        SELECT p.Id, p.CohortId, @Week, @Item, @ItemEn, @DueOn, 'Due', 1, @Now, @Now, @Actor
        FROM Participants p
        WHERE p.CohortId = @CohortId AND p.State IN {ParticipantStates.EnrolledSql}
          AND NOT EXISTS (SELECT 1 FROM Shipments s WHERE s.ParticipantId = p.Id AND s.Week = @Week)
        """;

    // The problem a shipment has now, as the reason code of its CS action (null: none). A parcel is overdue when it
    // was exported or shipped on or before the given days and has not moved on since.
    private const string ProblemOf =
        """
        CASE WHEN s.Status = 'Returned' THEN 'ShipmentReturned'
             WHEN s.Status = 'AddressProblem' THEN 'ShipmentAddressProblem'
             WHEN s.Status = 'Exported' AND s.ExportedOn <= @ExportedOnOrBefore THEN 'ShipmentNotShipped'
             WHEN s.Status = 'Shipped' AND s.ShippedOn <= @ShippedOnOrBefore THEN 'ShipmentNotDelivered'
        END
        """;

    /// <summary>Shipments with a problem and no open action yet (those with one are followed up already).</summary>
    public const string ProblemsWithoutAction =
        $"""
        SELECT s.Id, s.Item, s.ItemEn, s.Week, s.ParticipantId, s.CohortId, p.ClientId, {ProblemOf} AS Problem
        FROM Shipments s JOIN Participants p ON p.Id = s.ParticipantId
        WHERE s.Status IN ('Returned', 'AddressProblem', 'Exported', 'Shipped')
          AND {ProblemOf} IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM CsActions a WHERE a.ShipmentId = s.Id AND a.Status IN ('Open', 'Snoozed'))
        ORDER BY s.Id
        """;

    /// <summary>Every shipment that has a problem now, with the problem (its CS action's reason code).</summary>
    public const string CurrentProblems =
        $"""
        SELECT s.Id, {ProblemOf} AS Problem
        FROM Shipments s
        WHERE s.Status IN ('Returned', 'AddressProblem', 'Exported', 'Shipped') AND {ProblemOf} IS NOT NULL
        """;

    private const string ListFilter =
        """
        WHERE (@CohortId IS NULL OR s.CohortId = @CohortId)
          AND (@ClientId IS NULL OR p.ClientId = @ClientId)
          AND (@Item IS NULL OR s.Item LIKE @Item ESCAPE '\' OR s.ItemEn LIKE @Item ESCAPE '\')
          AND (@Week IS NULL OR s.Week = @Week)
          AND (@Search IS NULL OR p.InvitationCode = @Code OR p.FullName LIKE @Search ESCAPE '\' OR p.Kana LIKE @Search ESCAPE '\')
          AND (@ParticipantId IS NULL OR s.ParticipantId = @ParticipantId)
        """;

    private const string StatusFilter = " AND (@Status IS NULL OR s.Status = @Status)";

    private const string ListFrom = " FROM Shipments s JOIN Participants p ON p.Id = s.ParticipantId ";

    public const string Count = "SELECT COUNT(*)" + ListFrom + ListFilter + StatusFilter;

    /// <summary>How many shipments the filter finds in each status (all statuses, whatever the status filter).</summary>
    public const string CountByStatus = "SELECT s.Status, COUNT(*) AS Shipments" + ListFrom + ListFilter + " GROUP BY s.Status";

    public static string List(SqlDialect dialect, ShipmentSort sort, bool descending)
    {
        var direction = descending ? "DESC" : "ASC";
        var orderBy = sort switch
        {
            ShipmentSort.Participant => $"p.Kana {direction}, p.FullName {direction}, s.Id",
            ShipmentSort.Week => $"s.Week {direction}, s.Id",
            ShipmentSort.Status => $"s.Status {direction}, s.Id",
            _ => $"s.DueOn {direction}, s.Id",
        };
        return $"""
            SELECT s.Id, s.ParticipantId, p.FullName, p.Kana, p.InvitationCode, s.Week, s.Item, s.ItemEn, s.DueOn, s.Status, s.TrackingNumber,
                   s.ShippedOn, s.DeliveredOn, co.Name AS CohortName, c.Name AS ClientName
            {ListFrom}
            JOIN Cohorts co ON co.Id = s.CohortId
            JOIN Clients c ON c.Id = p.ClientId
            {ListFilter}{StatusFilter}
            {dialect.OrderAndPage(orderBy)}
            """;
    }

    public const string CohortChoices =
        "SELECT Id, Name FROM Cohorts WHERE Status <> 'Planned' ORDER BY StartDate DESC, Id";

    public const string ClientChoices =
        "SELECT DISTINCT c.Id, c.Name FROM Clients c JOIN Contracts ct ON ct.ClientId = c.Id JOIN CohortContracts cc ON cc.ContractId = ct.Id ORDER BY c.Name";

    public const string CountDue = "SELECT COUNT(*) FROM Shipments WHERE Status = 'Due' AND (@CohortId IS NULL OR CohortId = @CohortId)";

    public static string InsertExport(SqlDialect dialect) =>
        $"""
        INSERT INTO ShipmentExports (CohortId, ShipmentCount, CreatedAt, CreatedBy) VALUES (@CohortId, @ShipmentCount, @Now, @Actor);
        {dialect.SelectNewId}
        """;

    public const string AddDueToExport =
        """
        INSERT INTO ShipmentExportLines (ExportId, ShipmentId)
        SELECT @ExportId, s.Id FROM Shipments s WHERE s.Status = 'Due' AND (@CohortId IS NULL OR s.CohortId = @CohortId)
        """;

    public const string MarkExported =
        """
        UPDATE Shipments
        SET Status = 'Exported', ExportId = @ExportId, ExportedOn = @Today, Version = Version + 1, UpdatedAt = @Now, UpdatedBy = @Actor
        WHERE Status = 'Due' AND Id IN (SELECT ShipmentId FROM ShipmentExportLines WHERE ExportId = @ExportId)
        """;

    /// <summary>An export file's rows, as the partner receives them: by shipment id.</summary>
    public const string ExportRows =
        """
        SELECT s.Id, p.InvitationCode, p.FullName, p.Kana, s.Item, s.Week, s.DueOn, co.Name AS CohortName, c.Name AS ClientName
        FROM ShipmentExportLines l
        JOIN Shipments s ON s.Id = l.ShipmentId
        JOIN Participants p ON p.Id = s.ParticipantId
        JOIN Cohorts co ON co.Id = s.CohortId
        JOIN Clients c ON c.Id = p.ClientId
        WHERE l.ExportId = @ExportId
        ORDER BY s.Id
        """;

    public const string FindExport = "SELECT Id, CohortId, ShipmentCount, CreatedAt, CreatedBy FROM ShipmentExports WHERE Id = @Id";

    public static string Exports(SqlDialect dialect) =>
        $"""
        SELECT e.Id, e.CohortId, co.Name AS CohortName, e.ShipmentCount, e.CreatedAt, e.CreatedBy
        FROM ShipmentExports e LEFT JOIN Cohorts co ON co.Id = e.CohortId
        {dialect.OrderAndPage("e.Id DESC")}
        """;

    public const string ExportCount = "SELECT COUNT(*) FROM ShipmentExports";

    /// <summary>The shipments a partner file names (at most a batch of ids at a time).</summary>
    public const string Progress =
        """
        SELECT Id, Version, Status, ExportedOn, ShippedOn, DeliveredOn, TrackingNumber, ProblemNote
        FROM Shipments WHERE Id IN @Ids
        """;

    public const string Move =
        """
        UPDATE Shipments
        SET Status = @Status, ExportedOn = @ExportedOn, ShippedOn = @ShippedOn, DeliveredOn = @DeliveredOn, TrackingNumber = @TrackingNumber,
            ProblemNote = @ProblemNote, Version = Version + 1, UpdatedAt = @Now, UpdatedBy = @Actor
        WHERE Id = @Id AND Version = @Version
        """;

    public const string Find =
        """
        SELECT s.Id, s.ParticipantId, p.FullName, p.Kana, p.InvitationCode, s.CohortId, co.Name AS CohortName, c.Name AS ClientName,
               s.Week, s.Item, s.ItemEn, s.DueOn, s.Status, s.ExportId, s.ExportedOn, s.ShippedOn, s.DeliveredOn, s.TrackingNumber, s.ProblemNote,
               s.Version, s.CreatedAt, s.UpdatedAt, s.UpdatedBy
        FROM Shipments s
        JOIN Participants p ON p.Id = s.ParticipantId
        JOIN Cohorts co ON co.Id = s.CohortId
        JOIN Clients c ON c.Id = p.ClientId
        WHERE s.Id = @Id
        """;

    public const string OfParticipant =
        """
        SELECT Id, Week, Item, ItemEn, DueOn, Status, ShippedOn, DeliveredOn, TrackingNumber
        FROM Shipments WHERE ParticipantId = @ParticipantId ORDER BY Week
        """;

    public const string LastChange = "SELECT UpdatedBy, UpdatedAt FROM Shipments WHERE Id = @Id";
}
