using Microsoft.Extensions.Options;
using ProgramOps.Web.Features.Account;
using ProgramOps.Web.Features.Demo;

namespace ProgramOps.Web.Infrastructure.Web;

public static class StartupTasks
{
    /// <summary>
    /// Migrates the database, creates the first administrator and loads demo data when asked
    /// (<c>--demo</c>, <c>--demo-clients N</c>). Returns false when the process
    /// should exit instead of serving (<c>--migrate-only</c>, <c>--backup FILE</c>).
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

        var bootstrap = services.GetRequiredService<AdministratorBootstrap>();
        var options = services.GetRequiredService<IOptions<BootstrapOptions>>().Value;
        var oneTimePassword = await bootstrap.EnsureAdministratorAsync(options.AdminPassword);
        if (oneTimePassword is not null && string.IsNullOrWhiteSpace(options.AdminPassword))
        {
            // Printed once, to the console only (not to log files): it is needed exactly once.
            Console.WriteLine();
            Console.WriteLine("  ProgramOps: first administrator created.");
            Console.WriteLine($"    user name: {AdministratorBootstrap.AdminUserName}");
            Console.WriteLine($"    one-time password: {oneTimePassword}");
            Console.WriteLine("  You will be asked to choose a new password at first sign-in.");
            Console.WriteLine();
        }

        await DemoStartOptions.LoadWhenRequestedAsync(services, app.Configuration, start);
        return true;
    }
}
