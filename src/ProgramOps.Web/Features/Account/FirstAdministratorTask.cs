using Microsoft.Extensions.Options;

namespace ProgramOps.Web.Features.Account;

/// <summary>On an empty database, creates the first administrator and prints its one-time password once.</summary>
public sealed class FirstAdministratorTask(AdministratorBootstrap bootstrap, IOptions<BootstrapOptions> options) : IStartupTask
{
    public async Task RunAsync(StartOptions start, CancellationToken ct)
    {
        var configured = options.Value.AdminPassword;
        var oneTimePassword = await bootstrap.EnsureAdministratorAsync(configured, ct);
        if (oneTimePassword is null || !string.IsNullOrWhiteSpace(configured)) return;

        // Printed once, to the console only (not to log files): it is needed exactly once.
        Console.WriteLine();
        Console.WriteLine("  ProgramOps: first administrator created.");
        Console.WriteLine($"    user name: {AdministratorBootstrap.AdminUserName}");
        Console.WriteLine($"    one-time password: {oneTimePassword}");
        Console.WriteLine("  You will be asked to choose a new password at first sign-in.");
        Console.WriteLine();
    }
}
