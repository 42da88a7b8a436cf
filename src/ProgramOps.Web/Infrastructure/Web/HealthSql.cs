namespace ProgramOps.Web.Infrastructure.Web;

public static class HealthSql
{
    /// <summary>DbUp's journal: one row per applied migration script.</summary>
    public const string CountAppliedMigrations = "SELECT COUNT(*) FROM SchemaVersions";
}
