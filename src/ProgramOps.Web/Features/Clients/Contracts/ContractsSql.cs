namespace ProgramOps.Web.Features.Clients.Contracts;

public static class ContractsSql
{
    public const string Find =
        """
        SELECT Id, ClientId, ProgramId, ProgramName, Seats, PricePerSeatJpy, StartDate, EndDate, AutoRenew, Status,
               EligiblePopulation, EligiblePopulationAsOf, FeePerIttSuccessJpy, FeePerVerifiedSuccessJpy, FeePerCompleterJpy, Version
        FROM Contracts WHERE Id = @Id AND ClientId = @ClientId
        """;

    public const string LastChange = "SELECT UpdatedBy, UpdatedAt FROM Contracts WHERE Id = @Id";

    public const string Insert =
        """
        INSERT INTO Contracts (ClientId, ProgramId, ProgramName, Seats, PricePerSeatJpy, StartDate, EndDate, AutoRenew, Status,
                               EligiblePopulation, EligiblePopulationAsOf, FeePerIttSuccessJpy, FeePerVerifiedSuccessJpy, FeePerCompleterJpy,
                               Version, CreatedAt, UpdatedAt, UpdatedBy)
        VALUES (@ClientId, @ProgramId, @ProgramName, @Seats, @PricePerSeatJpy, @StartDate, @EndDate, @AutoRenew, @Status,
                @EligiblePopulation, @EligiblePopulationAsOf, @FeePerIttSuccessJpy, @FeePerVerifiedSuccessJpy, @FeePerCompleterJpy,
                1, @Now, @Now, @Actor);
        """;

    public const string Update =
        """
        UPDATE Contracts
        SET ProgramId = @ProgramId, ProgramName = @ProgramName, Seats = @Seats, PricePerSeatJpy = @PricePerSeatJpy, StartDate = @StartDate,
            EndDate = @EndDate, AutoRenew = @AutoRenew, Status = @Status,
            EligiblePopulation = @EligiblePopulation, EligiblePopulationAsOf = @EligiblePopulationAsOf,
            FeePerIttSuccessJpy = @FeePerIttSuccessJpy, FeePerVerifiedSuccessJpy = @FeePerVerifiedSuccessJpy, FeePerCompleterJpy = @FeePerCompleterJpy,
            Version = Version + 1, UpdatedAt = @Now, UpdatedBy = @Actor
        WHERE Id = @Id AND ClientId = @ClientId AND Version = @Version
        """;

    /// <summary>Only drafts are deleted; a contract that was ever in force stays as a business record.</summary>
    public const string DeleteDraft =
        "DELETE FROM Contracts WHERE Id = @Id AND ClientId = @ClientId AND Version = @Version AND Status = 'Draft'";

    /// <summary>Active contracts ending within the window, with the client's BizDev owner.</summary>
    public const string EndingSoon =
        """
        SELECT ct.Id, ct.ClientId, ct.EndDate, c.BizDevOwnerId, ct.ProgramName
        FROM Contracts ct JOIN Clients c ON c.Id = ct.ClientId
        WHERE ct.Status = 'Active' AND c.IsArchived = 0 AND ct.EndDate >= @Today AND ct.EndDate <= @Until
        """;

    /// <summary>Contracts no program is chosen for yet: matched by name at start, or flagged for a person.</summary>
    public const string WithoutProgram = "SELECT Id, ClientId, ProgramName FROM Contracts WHERE ProgramId IS NULL ORDER BY Id";

    /// <summary>The name matching's choice; only while no one has chosen a program.</summary>
    public const string SetMatchedProgram =
        """
        UPDATE Contracts SET ProgramId = @ProgramId, Version = Version + 1, UpdatedAt = @Now, UpdatedBy = @Actor
        WHERE Id = @Id AND ProgramId IS NULL
        """;

    /// <summary>Every program's code and each version's definition (its names), to match contracts' program names against.</summary>
    public const string ProgramNames =
        "SELECT p.Id AS ProgramId, p.Code, v.Definition FROM Programs p JOIN ProgramVersions v ON v.ProgramId = p.Id ORDER BY p.Id, v.VersionNumber";

    /// <summary>The programs a contract can be for: each with its newest version's definition (for its name in the reader's language).</summary>
    public const string ProgramChoices =
        """
        SELECT p.Id AS ProgramId, p.Code, v.Definition
        FROM Programs p JOIN ProgramVersions v ON v.ProgramId = p.Id
        WHERE v.VersionNumber = (SELECT MAX(x.VersionNumber) FROM ProgramVersions x WHERE x.ProgramId = p.Id)
        ORDER BY p.Code
        """;

    /// <summary>Contracts still waiting for a person to choose their program, with their client.</summary>
    public const string Unassigned =
        """
        SELECT ct.Id, ct.ClientId, c.Name AS ClientName, ct.ProgramName, ct.Status, ct.StartDate, ct.EndDate, ct.Seats
        FROM Contracts ct JOIN Clients c ON c.Id = ct.ClientId
        WHERE ct.ProgramId IS NULL
        ORDER BY c.Name, ct.StartDate, ct.Id
        """;
}
