namespace ProgramOps.Web.Infrastructure.Web;

/// <summary>
/// Work a feature does once at start, after the migrations and before the console serves (the first administrator,
/// demo data). Features register theirs (<see cref="StartupTasks.AddStartupTask{T}"/>); they run in registration order.
/// </summary>
public interface IStartupTask
{
    Task RunAsync(StartOptions start, CancellationToken ct);
}

public static class StartupTasks
{
    public static IServiceCollection AddStartupTask<T>(this IServiceCollection services) where T : class, IStartupTask =>
        services.AddScoped<IStartupTask, T>();

    /// <summary>
    /// Migrates the database and runs every feature's start-up task. Returns false when the process should exit
    /// instead of serving (<c>--migrate-only</c>, <c>--backup FILE</c>).
    /// </summary>
    public static async Task<bool> PrepareAsync(this WebApplication app, StartOptions start)
    {
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        if (start.BackupTo is { } backupFile)
        {
            SqliteBackup.Run(services.GetRequiredService<Db>(), backupFile);
            Console.WriteLine($"  ProgramOps: backup written to {Path.GetFullPath(backupFile)} (integrity ok).");
            return false;
        }

        services.GetRequiredService<DatabaseMigrator>().Migrate();
        if (start.MigrateOnly) return false;

        foreach (var task in services.GetServices<IStartupTask>()) await task.RunAsync(start, app.Lifetime.ApplicationStopping);
        return true;
    }
}
