namespace ProgramOps.Web.Features.Clients;

public enum ClientSort
{
    Name,
    Kind,
    Population,
    Updated,
}

public static class ClientsSql
{
    private const string ListFilter =
        """
        FROM Clients c
        LEFT JOIN Users cs ON cs.Id = c.CsOwnerId
        LEFT JOIN Users bd ON bd.Id = c.BizDevOwnerId
        WHERE (@Search IS NULL OR c.Name LIKE @Search ESCAPE '\' OR c.NameKana LIKE @Search ESCAPE '\')
          AND (@Kind IS NULL OR c.Kind = @Kind)
          AND (@Segment IS NULL OR c.Segment = @Segment)
          AND (@StyleBit IS NULL OR (c.CsStyles & @StyleBit) <> 0)
          AND (@OwnerId IS NULL OR c.CsOwnerId = @OwnerId OR c.BizDevOwnerId = @OwnerId)
          AND (@IncludeArchived = 1 OR c.IsArchived = 0)
        """;

    /// <summary>Only needed for a page past the last one, which has no row to carry the total.</summary>
    public const string Count = "SELECT COUNT(*) " + ListFilter;

    /// <summary>
    /// The list page; the ORDER BY comes from a fixed set of columns, never from user text. Each row also
    /// carries the total number of matches (a window count), so one scan serves both the page and the pager.
    /// </summary>
    public static string List(SqlDialect dialect, ClientSort sort, bool descending)
    {
        var direction = descending ? "DESC" : "ASC";
        var orderBy = sort switch
        {
            ClientSort.Kind => $"c.Kind {direction}, c.Name, c.Id",
            ClientSort.Population => $"c.EligiblePopulation {direction}, c.Id",
            ClientSort.Updated => $"c.UpdatedAt {direction}, c.Id",
            // By reading (フリガナ), as a Japanese list is read, not by the kanji's code points; clients without one follow.
            _ => $"CASE WHEN c.NameKana IS NULL THEN 1 ELSE 0 END, c.NameKana {direction}, c.Name {direction}, c.Id {direction}",
        };
        return $"""
            SELECT c.Id, c.Name, c.NameKana, c.Kind, c.Segment, c.EligiblePopulation, c.CsStyles, c.IsArchived, c.UpdatedAt,
                   cs.DisplayName AS CsOwnerName, bd.DisplayName AS BizDevOwnerName, COUNT(*) OVER () AS TotalCount
            {ListFilter}
            {dialect.OrderAndPage(orderBy)}
            """;
    }

    /// <summary>Contract terms of the listed clients, from which each one's status is derived.</summary>
    public const string TermsOfClients =
        "SELECT ClientId, StartDate, EndDate, Status FROM Contracts WHERE ClientId IN @ClientIds";

    public const string Find =
        """
        SELECT c.Id, c.Name, c.NameKana, c.Kind, c.Segment, c.EligiblePopulation, c.CsType, c.CsStyles, c.TouchModel, c.TouchModelSetByHand,
               c.CsOwnerId, c.BizDevOwnerId, c.ParentClientId, c.Notes, c.IsArchived, c.Version,
               c.CreatedAt, c.UpdatedAt, c.UpdatedBy,
               cs.DisplayName AS CsOwnerName, bd.DisplayName AS BizDevOwnerName, p.Name AS ParentName
        FROM Clients c
        LEFT JOIN Users cs ON cs.Id = c.CsOwnerId
        LEFT JOIN Users bd ON bd.Id = c.BizDevOwnerId
        LEFT JOIN Clients p ON p.Id = c.ParentClientId
        WHERE c.Id = @Id
        """;

    public const string LastChange = "SELECT UpdatedBy, UpdatedAt FROM Clients WHERE Id = @Id";

    public const string ParentOf = "SELECT ParentClientId FROM Clients WHERE Id = @Id";

    public const string Insert =
        """
        INSERT INTO Clients (Name, NameKana, Kind, Segment, EligiblePopulation, CsType, CsStyles, TouchModel, TouchModelSetByHand,
                             CsOwnerId, BizDevOwnerId, ParentClientId, Notes, IsArchived, Version, CreatedAt, UpdatedAt, UpdatedBy)
        VALUES (@Name, @NameKana, @Kind, @Segment, @EligiblePopulation, @CsType, @CsStyles, @TouchModel, @TouchModelSetByHand,
                @CsOwnerId, @BizDevOwnerId, @ParentClientId, @Notes, 0, 1, @Now, @Now, @Actor);
        """;

    public const string Update =
        """
        UPDATE Clients
        SET Name = @Name, NameKana = @NameKana, Kind = @Kind, Segment = @Segment, EligiblePopulation = @EligiblePopulation,
            CsType = @CsType, CsStyles = @CsStyles, TouchModel = @TouchModel, TouchModelSetByHand = @TouchModelSetByHand,
            CsOwnerId = @CsOwnerId,
            BizDevOwnerId = @BizDevOwnerId, ParentClientId = @ParentClientId, Notes = @Notes,
            Version = Version + 1, UpdatedAt = @Now, UpdatedBy = @Actor
        WHERE Id = @Id AND Version = @Version
        """;

    public const string SetArchived =
        """
        UPDATE Clients SET IsArchived = @IsArchived, Version = Version + 1, UpdatedAt = @Now, UpdatedBy = @Actor
        WHERE Id = @Id AND Version = @Version
        """;

    public const string CountContracts = "SELECT COUNT(*) FROM Contracts WHERE ClientId = @Id";

    public const string CountMembers = "SELECT COUNT(*) FROM Clients WHERE ParentClientId = @Id";

    public const string Delete = "DELETE FROM Clients WHERE Id = @Id AND Version = @Version";

    public const string ParentCandidates =
        "SELECT Id, Name FROM Clients WHERE IsArchived = 0 AND Kind <> 'Employer' AND Id <> @ExceptId ORDER BY Name";

    public const string KeyPersonsOfClient =
        """
        SELECT Id, ClientId, Name, Title, Role, Email, Phone, Version
        FROM KeyPersons WHERE ClientId = @ClientId ORDER BY Role, Name, Id
        """;

    public const string ContractsOfClient =
        """
        SELECT ct.Id, ct.ClientId, ct.ProgramId, ct.ProgramName, ct.Seats, ct.PricePerSeatJpy, ct.StartDate, ct.EndDate, ct.AutoRenew, ct.Status, ct.Version,
               COALESCE((SELECT SUM(cc.Capacity) FROM CohortContracts cc WHERE cc.ContractId = ct.Id), 0) AS SeatsUsed
        FROM Contracts ct WHERE ct.ClientId = @ClientId ORDER BY ct.EndDate DESC, ct.Id DESC
        """;
}
