namespace ProgramOps.Web.Infrastructure.Auth;

public static class DataProtectionSql
{
    public const string AllKeys = "SELECT Xml FROM DataProtectionKeys ORDER BY CreatedAt";

    public const string InsertKey =
        "INSERT INTO DataProtectionKeys (FriendlyName, Xml, CreatedAt) VALUES (@friendlyName, @xml, @now)";
}
