using Microsoft.AspNetCore.Hosting;
using ProgramOps.Web.Features.Demo;

namespace ProgramOps.TestSupport;

/// <summary>The console started with demo data (as <c>--demo</c> does, through configuration <c>Demo:Clients</c>).</summary>
public sealed class DemoConsoleFactory : ProgramOpsFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Demo:Clients", DemoStartOptions.DefaultClients.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
