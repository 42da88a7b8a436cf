namespace ProgramOps.Web.Features.Demo;

public static class DemoSql
{
    public const string CountClients = """
        SELECT COUNT(*) FROM Clients
        """;

    public const string FindUserId = """
        SELECT Id FROM Users WHERE UserName = @UserName
        """;

    public static string InsertClient(SqlDialect dialect) => $"""
        INSERT INTO Clients (Name, NameKana, Kind, Segment, EligiblePopulation, CsType, CsStyle, TouchModel,
                             CsOwnerId, BizDevOwnerId, ParentClientId, Notes, IsArchived, Version,
                             CreatedAt, UpdatedAt, UpdatedBy)
        VALUES (@Name, @NameKana, @Kind, @Segment, @EligiblePopulation, @CsType, @CsStyle, @TouchModel,
                @CsOwnerId, @BizDevOwnerId, @ParentClientId, @Notes, 0, 1,
                @CreatedAt, @UpdatedAt, @UpdatedBy);
        {dialect.SelectNewId}
        """;

    public const string InsertKeyPerson = """
        INSERT INTO KeyPersons (ClientId, Name, Title, Role, Email, Phone, Version, CreatedAt, UpdatedAt, UpdatedBy)
        VALUES (@ClientId, @Name, @Title, @Role, @Email, @Phone, 1, @CreatedAt, @UpdatedAt, @UpdatedBy)
        """;

    public const string InsertContract = """
        INSERT INTO Contracts (ClientId, ProgramName, Seats, PricePerSeatJpy, StartDate, EndDate, AutoRenew, Status,
                               Version, CreatedAt, UpdatedAt, UpdatedBy)
        VALUES (@ClientId, @ProgramName, @Seats, @PricePerSeatJpy, @StartDate, @EndDate, @AutoRenew, @Status,
                1, @CreatedAt, @UpdatedAt, @UpdatedBy)
        """;

    public const string CountPrograms = "SELECT COUNT(*) FROM Programs";

    /// <summary>The active contracts with the most seats, for the demo cohorts.</summary>
    public static string LargestActiveContracts(SqlDialect dialect) => $"""
        SELECT ct.Id, c.Name AS ClientName, ct.Seats, c.Kind
        FROM Contracts ct JOIN Clients c ON c.Id = ct.ClientId
        WHERE ct.Status = 'Active' AND c.IsArchived = 0
        {dialect.OrderAndPage("ct.Seats DESC, ct.Id")}
        """;
}
