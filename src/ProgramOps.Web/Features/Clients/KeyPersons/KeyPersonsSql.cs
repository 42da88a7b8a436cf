namespace ProgramOps.Web.Features.Clients.KeyPersons;

public static class KeyPersonsSql
{
    public const string Find =
        "SELECT Id, ClientId, Name, Title, Role, Email, Phone, Version FROM KeyPersons WHERE Id = @Id AND ClientId = @ClientId";

    public const string LastChange = "SELECT UpdatedBy, UpdatedAt FROM KeyPersons WHERE Id = @Id";

    public const string Insert =
        """
        INSERT INTO KeyPersons (ClientId, Name, Title, Role, Email, Phone, Version, CreatedAt, UpdatedAt, UpdatedBy)
        VALUES (@ClientId, @Name, @Title, @Role, @Email, @Phone, 1, @Now, @Now, @Actor);
        """;

    public const string Update =
        """
        UPDATE KeyPersons
        SET Name = @Name, Title = @Title, Role = @Role, Email = @Email, Phone = @Phone,
            Version = Version + 1, UpdatedAt = @Now, UpdatedBy = @Actor
        WHERE Id = @Id AND ClientId = @ClientId AND Version = @Version
        """;

    public const string Delete = "DELETE FROM KeyPersons WHERE Id = @Id AND ClientId = @ClientId AND Version = @Version";
}
