using System.Globalization;

namespace ProgramOps.Web.Infrastructure.Web;

/// <summary>
/// The console's own start switches (<c>--migrate-only</c>, <c>--demo</c>, <c>--demo-clients N</c>, <c>--backup FILE</c>),
/// taken out of the arguments before the host sees them: the host's command-line configuration would
/// otherwise read the next argument (say <c>--urls</c>) as a switch's value.
/// </summary>
public sealed record StartOptions(bool MigrateOnly, bool Demo, int? DemoClients, string[] HostArguments)
{
    /// <summary>Where <c>--backup</c> writes an online copy of the SQLite database before the process exits.</summary>
    public string? BackupTo { get; init; }

    public static StartOptions Parse(string[] args)
    {
        var host = new List<string>();
        var (migrateOnly, demo, demoClients, backupTo) = (false, false, (int?)null, (string?)null);
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--migrate-only":
                    migrateOnly = true;
                    break;
                case "--demo":
                    demo = true;
                    break;
                case "--demo-clients":
                    demoClients = i + 1 < args.Length && int.TryParse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
                        ? n
                        : throw new ArgumentException("--demo-clients needs a positive number of clients, e.g. --demo-clients 10000.");
                    break;
                case "--backup":
                    backupTo = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal)
                        ? args[++i]
                        : throw new ArgumentException("--backup needs the file to write, e.g. --backup /var/backups/programops-2026-11-30.db.");
                    break;
                default:
                    host.Add(args[i]);
                    break;
            }
        }

        return new StartOptions(migrateOnly, demo, demoClients, host.ToArray()) { BackupTo = backupTo };
    }
}
