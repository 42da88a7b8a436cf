using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ProgramOps.Web.Infrastructure.Web;

/// <summary>Ready when the database answers and the migration journal is there.</summary>
public sealed class DatabaseHealthCheck(Db db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await using var connection = await db.OpenAsync(ct);
            var scripts = await connection.ExecuteScalarAsync<int>(new CommandDefinition(HealthSql.CountAppliedMigrations, cancellationToken: ct));
            return HealthCheckResult.Healthy($"{db.Provider}, {scripts} migrations applied");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy($"{db.Provider} is not reachable", ex);
        }
    }
}
