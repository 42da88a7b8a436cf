namespace ProgramOps.Web.Features.Programs;

public static class ProgramsSql
{
    /// <summary>Every program with its newest version; the catalogue is small (tens of programs), so no paging.</summary>
    public const string List =
        """
        SELECT p.Id, p.Code, v.Id AS VersionId, v.VersionNumber, v.Status, v.Definition,
               (SELECT COUNT(*) FROM ProgramVersions d WHERE d.ProgramId = p.Id AND d.Status = 'Draft') AS Drafts
        FROM Programs p
        JOIN ProgramVersions v ON v.ProgramId = p.Id
        WHERE v.VersionNumber = (SELECT MAX(x.VersionNumber) FROM ProgramVersions x WHERE x.ProgramId = p.Id)
        ORDER BY p.Code
        """;

    public const string FindProgram = "SELECT Id, Code, CreatedAt, CreatedBy FROM Programs WHERE Id = @Id";

    public const string Versions =
        """
        SELECT Id, ProgramId, VersionNumber, Status, Definition, PublishedAt, PublishedBy, Version, UpdatedAt, UpdatedBy
        FROM ProgramVersions WHERE ProgramId = @ProgramId ORDER BY VersionNumber DESC
        """;

    public const string FindVersion =
        """
        SELECT Id, ProgramId, VersionNumber, Status, Definition, PublishedAt, PublishedBy, Version, UpdatedAt, UpdatedBy
        FROM ProgramVersions WHERE Id = @Id AND ProgramId = @ProgramId
        """;

    public const string CodeTaken = "SELECT COUNT(*) FROM Programs WHERE Code = @Code";

    public const string InsertProgram =
        "INSERT INTO Programs (Code, CreatedAt, CreatedBy) VALUES (@Code, @Now, @Actor);";

    public const string InsertVersion =
        """
        INSERT INTO ProgramVersions (ProgramId, VersionNumber, Status, Definition, Version, CreatedAt, UpdatedAt, UpdatedBy)
        VALUES (@ProgramId, @VersionNumber, 'Draft', @Definition, 1, @Now, @Now, @Actor);
        """;

    public const string NextVersionNumber =
        "SELECT COALESCE(MAX(VersionNumber), 0) + 1 FROM ProgramVersions WHERE ProgramId = @ProgramId";

    public const string DraftOf = "SELECT Id FROM ProgramVersions WHERE ProgramId = @ProgramId AND Status = 'Draft'";

    public const string SaveDraft =
        """
        UPDATE ProgramVersions SET Definition = @Definition, Version = Version + 1, UpdatedAt = @Now, UpdatedBy = @Actor
        WHERE Id = @Id AND Status = 'Draft' AND Version = @Version
        """;

    /// <summary>Publishing freezes the draft; the version published before it stops taking new cohorts.</summary>
    public const string RetirePublished =
        """
        UPDATE ProgramVersions SET Status = 'Retired', Version = Version + 1, UpdatedAt = @Now, UpdatedBy = @Actor
        WHERE ProgramId = @ProgramId AND Status = 'Published'
        """;

    public const string Publish =
        """
        UPDATE ProgramVersions
        SET Status = 'Published', PublishedAt = @Now, PublishedBy = @Actor, Version = Version + 1, UpdatedAt = @Now, UpdatedBy = @Actor
        WHERE Id = @Id AND Status = 'Draft' AND Version = @Version
        """;

    public const string Retire =
        """
        UPDATE ProgramVersions SET Status = 'Retired', Version = Version + 1, UpdatedAt = @Now, UpdatedBy = @Actor
        WHERE Id = @Id AND Status = 'Published' AND Version = @Version
        """;

    public const string LastChange = "SELECT UpdatedBy, UpdatedAt FROM ProgramVersions WHERE Id = @Id";
}
