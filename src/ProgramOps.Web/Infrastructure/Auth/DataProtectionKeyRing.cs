using Microsoft.AspNetCore.DataProtection;

namespace ProgramOps.Web.Infrastructure.Auth;

/// <summary>
/// Makes the data-protection key ring exist before the console serves. The framework's key storage is synchronous
/// (<see cref="Microsoft.AspNetCore.DataProtection.Repositories.IXmlRepository"/>): done here, a fresh installation's first
/// key is written at start rather than by the first request that signs a cookie or an API key's secret — which would
/// block that request's thread on the database, or deadlock it behind its own SQLite write transaction.
/// </summary>
public sealed class DataProtectionKeyRing(IDataProtectionProvider protection) : IStartupTask
{
    public Task RunAsync(StartOptions start, CancellationToken ct)
    {
        protection.CreateProtector("ProgramOps.KeyRing").Protect("ready");
        return Task.CompletedTask;
    }
}
