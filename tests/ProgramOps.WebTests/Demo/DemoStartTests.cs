using System.Net;
using Dapper;
using Microsoft.AspNetCore.Hosting;
using ProgramOps.TestSupport;
using ProgramOps.Web.Features.Demo;
using ProgramOps.Web.Infrastructure.Auth;

namespace ProgramOps.WebTests.Demo;

/// <summary>The console started with demo data (as <c>--demo</c> does, through configuration <c>Demo:Clients</c>).</summary>
public sealed class DemoConsoleFactory : ProgramOpsFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Demo:Clients", DemoStartOptions.DefaultClients.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

public sealed class DemoStartTests(DemoConsoleFactory factory) : IClassFixture<DemoConsoleFactory>
{
    [Fact]
    public async Task Starts_with_a_completed_and_a_running_cohort_whose_pages_and_actions_are_alive()
    {
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);

        await using var connection = await factory.Db.OpenAsync();
        var cohorts = (await connection.QueryAsync<(int Id, string Status)>("SELECT Id, Status FROM Cohorts ORDER BY Id")).ToList();
        Assert.Equal(["Completed", "Running", "Enrolling", "Enrolling", "Planned"], cohorts.Select(c => c.Status));
        foreach (var (id, _) in cohorts) Assert.Equal(HttpStatusCode.OK, (await cs.GetAsync($"/cohorts/details/{id}")).StatusCode);
        var actions = await cs.GetStringAsync("/actions");
        var openAtRisk = await connection.QueryAsync<long>("SELECT ParticipantId FROM CsActions WHERE Kind = 'ParticipantAtRisk' AND Status = 'Open'");
        Assert.NotEmpty(openAtRisk);
        Assert.Contains(openAtRisk, id => actions.Contains($"/participants/{id}\"", StringComparison.Ordinal));

        // The app's feedback was routed by the rules a new installation starts with, not before there were any.
        Assert.True(await connection.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM FeedbackItems f WHERE f.Source = 'ParticipantApp' AND EXISTS (SELECT 1 FROM RoutingDecisionRules r JOIN RoutingDecisions d ON d.Id = r.DecisionId WHERE d.FeedbackItemId = f.Id)") > 0);
    }
}
