namespace ProgramOps.Web.Features.Clients.Contracts;

public static class ContractsSql
{
    public const string Find =
        """
        SELECT Id, ClientId, ProgramName, Seats, PricePerSeatJpy, StartDate, EndDate, AutoRenew, Status,
               EligiblePopulation, EligiblePopulationAsOf, FeePerIttSuccessJpy, FeePerVerifiedSuccessJpy, FeePerCompleterJpy, Version
        FROM Contracts WHERE Id = @Id AND ClientId = @ClientId
        """;

    public const string LastChange = "SELECT UpdatedBy, UpdatedAt FROM Contracts WHERE Id = @Id";

    public const string Insert =
        """
        INSERT INTO Contracts (ClientId, ProgramName, Seats, PricePerSeatJpy, StartDate, EndDate, AutoRenew, Status,
                               EligiblePopulation, EligiblePopulationAsOf, FeePerIttSuccessJpy, FeePerVerifiedSuccessJpy, FeePerCompleterJpy,
                               Version, CreatedAt, UpdatedAt, UpdatedBy)
        VALUES (@ClientId, @ProgramName, @Seats, @PricePerSeatJpy, @StartDate, @EndDate, @AutoRenew, @Status,
                @EligiblePopulation, @EligiblePopulationAsOf, @FeePerIttSuccessJpy, @FeePerVerifiedSuccessJpy, @FeePerCompleterJpy,
                1, @Now, @Now, @Actor);
        """;

    public const string Update =
        """
        UPDATE Contracts
        SET ProgramName = @ProgramName, Seats = @Seats, PricePerSeatJpy = @PricePerSeatJpy, StartDate = @StartDate,
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
}
