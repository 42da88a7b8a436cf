using System.Net;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using ProgramOps.TestSupport;
using ProgramOps.Web.Features.Account;
using ProgramOps.Web.Infrastructure.Auth;

namespace ProgramOps.WebTests.Account;

/// <summary>Behind the (loopback) proxy, each visitor's address comes from X-Forwarded-For; lockouts count per (user, address).</summary>
public sealed class LockoutPerAddressTests(ProgramOpsFactory factory) : IClassFixture<ProgramOpsFactory>
{
    private sealed class BehindLoopbackProxy : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Loopback;
                return nextMiddleware();
            });
            next(app);
        };
    }

    private HttpClient ClientFrom(WebApplicationFactory<Program> app, string address)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    [Fact]
    public async Task Wrong_passwords_from_one_address_lock_that_address_out_but_not_the_account_elsewhere()
    {
        using var app = factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IStartupFilter, BehindLoopbackProxy>()));
        var userName = await factory.CreateUserAsync(Roles.Admin);
        var attacker = ClientFrom(app, "203.0.113.7");
        for (var i = 0; i < LockoutPolicy.Default.MaxFailedAttempts; i++) await ProgramOpsFactory.SignInAsync(attacker, userName, "guess" + i);

        var lockedOut = await ProgramOpsFactory.SignInAsync(attacker, userName, ProgramOpsFactory.UserPassword);
        Assert.Equal(HttpStatusCode.OK, lockedOut.StatusCode);
        var fromOffice = await ProgramOpsFactory.SignInAsync(ClientFrom(app, "198.51.100.20"), userName, ProgramOpsFactory.UserPassword);
        Assert.Equal(HttpStatusCode.Redirect, fromOffice.StatusCode);

        await using (var c = await factory.Db.OpenAsync())
        {
            var locked = await c.QuerySingleAsync<(string ClientAddress, string? LockedUntil)>(
                "SELECT l.ClientAddress, l.LockedUntil FROM SignInLockouts l JOIN Users u ON u.Id = l.UserId WHERE u.UserName = @userName", new { userName });
            Assert.Equal("203.0.113.7", locked.ClientAddress);
            Assert.NotNull(locked.LockedUntil);
            Assert.Equal(1, await c.ExecuteScalarAsync<int>(
                "SELECT COUNT(*) FROM AuditLog WHERE Action = 'LockedOut' AND Summary = '203.0.113.7' AND EntityId = (SELECT CAST(Id AS TEXT) FROM Users WHERE UserName = @userName)", new { userName }));
        }
    }

}
