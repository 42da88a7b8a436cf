namespace ProgramOps.Web.Features.Demo;

/// <summary>
/// The start options that ask for demo data: <c>--demo</c> (a small set for trying the console),
/// <c>--demo-clients N</c> or configuration <c>Demo:Clients</c> (larger sets for benchmarks).
/// </summary>
public static class DemoStartOptions
{
    public const int DefaultClients = 60;

    /// <summary>Enough for several full teams and a readable participant list.</summary>
    public const int ParticipantsPerCohort = 48;

    /// <summary>How many demo clients to load, or null when none were asked for.</summary>
    public static int? RequestedClients(StartOptions start, IConfiguration configuration) =>
        start.DemoClients
        ?? (configuration.GetValue<int?>("Demo:Clients") is > 0 and var configured ? configured : (int?)null)
        ?? (start.Demo ? DefaultClients : (int?)null);

    public static IServiceCollection AddDemo(this IServiceCollection services) => services.AddStartupTask<DemoStartTask>();

    /// <summary>Loads the requested demo set into an empty database; a no-op otherwise.</summary>
    public static async Task LoadWhenRequestedAsync(IServiceProvider services, IConfiguration configuration, StartOptions start)
    {
        if (RequestedClients(start, configuration) is not { } clients) return;
        await ActivatorUtilities.CreateInstance<DemoDataLoader>(services).LoadIfEmptyAsync(clients);
        await using var scope = services.CreateAsyncScope();
        await ActivatorUtilities.CreateInstance<DemoCohortLoader>(scope.ServiceProvider).LoadIfNoProgramsAsync(ParticipantsPerCohort);
        // The demo's contracts name their programs as text, as contracts did before they referred to one.
        await ActivatorUtilities.CreateInstance<Clients.Contracts.ContractProgramMatching>(scope.ServiceProvider).MatchAsync(CancellationToken.None);
    }
}

/// <summary>Loads demo data at start when it was asked for.</summary>
public sealed class DemoStartTask(IServiceProvider services, IConfiguration configuration) : IStartupTask
{
    public Task RunAsync(StartOptions start, CancellationToken ct) => DemoStartOptions.LoadWhenRequestedAsync(services, configuration, start);
}
