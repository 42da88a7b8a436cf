using System.Globalization;

namespace ProgramOps.Web.Features.Demo;

/// <summary>
/// The start options that ask for demo data: <c>--demo</c> (a small set for trying the console),
/// <c>--demo-clients N</c> or configuration <c>Demo:Clients</c> (larger sets for benchmarks).
/// </summary>
public static class DemoStartOptions
{
    public const int DefaultClients = 60;

    /// <summary>How many demo clients to load, or null when none were asked for.</summary>
    public static int? RequestedClients(string[] args, IConfiguration configuration)
    {
        var index = Array.IndexOf(args, "--demo-clients");
        if (index >= 0)
        {
            return index + 1 < args.Length && int.TryParse(args[index + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var fromArgs) && fromArgs > 0
                ? fromArgs
                : throw new ArgumentException("--demo-clients needs a positive number of clients, e.g. --demo-clients 10000.");
        }

        if (configuration.GetValue<int?>("Demo:Clients") is > 0 and var configured) return configured;
        return args.Contains("--demo") ? DefaultClients : null;
    }

    /// <summary>Loads the requested demo set into an empty database; a no-op otherwise.</summary>
    public static async Task LoadWhenRequestedAsync(IServiceProvider services, IConfiguration configuration, string[] args)
    {
        if (RequestedClients(args, configuration) is not { } clients) return;
        await ActivatorUtilities.CreateInstance<DemoDataLoader>(services).LoadIfEmptyAsync(clients);
    }
}
