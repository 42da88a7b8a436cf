using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using ProgramOps.Web.Infrastructure.Jobs;
using Quartz;

namespace ProgramOps.UnitTests.Jobs;

public sealed class SchedulerStartTests
{
    private sealed class Lifetime : IHostApplicationLifetime
    {
        private readonly CancellationTokenSource started = new();
        private readonly CancellationTokenSource stopping = new();
        public CancellationToken ApplicationStarted => started.Token;
        public CancellationToken ApplicationStopping => stopping.Token;
        public CancellationToken ApplicationStopped => CancellationToken.None;
        public bool StopRequested => stopping.IsCancellationRequested;
        public void Start() => started.Cancel();
        public void StopApplication() => stopping.Cancel();
    }

    private sealed class FailingFactory : ISchedulerFactory
    {
        public int Asked { get; private set; }

        public ValueTask<IScheduler> GetScheduler(CancellationToken cancellationToken = default)
        {
            Asked++;
            throw new SchedulerConfigException("the job store's tables are missing");
        }

        public ValueTask<List<IScheduler>> GetAllSchedulers(CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public ValueTask<IScheduler?> LookupScheduler(string schedulerName, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }

    [Fact]
    public async Task The_scheduler_is_created_only_once_the_console_has_started_and_one_that_cannot_start_stops_the_console()
    {
        var lifetime = new Lifetime();
        var factory = new FailingFactory();
        var start = new SchedulerStart(lifetime, factory, NullLogger<SchedulerStart>.Instance);

        await start.StartAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, factory.Asked);

        lifetime.Start();
        await start.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal(1, factory.Asked);
        Assert.True(lifetime.StopRequested);
    }
}
