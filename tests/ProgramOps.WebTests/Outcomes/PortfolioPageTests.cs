using System.Net;
using System.Text;
using Dapper;
using ProgramOps.TestSupport;
using ProgramOps.Web.Infrastructure.Auth;
using static ProgramOps.WebTests.Clients.ClientPages;

namespace ProgramOps.WebTests.Outcomes;

public sealed class PortfolioPageTests(ProgramOpsFactory factory) : IClassFixture<ProgramOpsFactory>
{
    [Theory]
    [InlineData(Roles.BizDev)]
    [InlineData(Roles.Viewer)]
    public async Task Staff_see_each_clients_part_of_each_cohort_with_the_quit_rate_its_report_gives_and_its_interval(string role)
    {
        var cohort = await OutcomeTestCohort.CreateAsync(factory.Db, $"横断{role}", new DateOnly(2026, 6, 1));
        await using (var c = await factory.Db.OpenAsync())
        {
            await c.ExecuteAsync("UPDATE Contracts SET EligiblePopulation = 400, EligiblePopulationAsOf = '2026-04-01' WHERE Id = @ContractId", new { cohort.ContractId });
        }

        var client = await factory.SignedInClientAsync(role);

        var page = await GetDocumentAsync(client, $"/outcomes?clientId={cohort.ClientId}");

        var row = page.QuerySelector($"table[data-testid=portfolio] tr[data-cohort='{cohort.CohortId}']")!;
        Assert.Contains("42.9%", row.QuerySelector("[data-figure=itt]")!.TextContent);
        Assert.Contains("12/28", row.QuerySelector("[data-figure=itt]")!.TextContent);
        Assert.Contains("95%信頼区間", row.QuerySelector("[data-figure=itt]")!.TextContent);
        Assert.Contains("71.4%", row.QuerySelector("[data-figure=completion]")!.TextContent);
        Assert.Equal("+25", row.QuerySelector("[data-figure=nps]")!.TextContent.Trim());
        Assert.Contains("7.0%", row.QuerySelector("[data-figure=participation]")!.TextContent);
        Assert.NotNull(row.QuerySelector($"a[href='/outcomes/{cohort.CohortId}/{cohort.ClientId}']"));
        Assert.Contains("<svg", page.QuerySelector("[data-testid=portfolio-chart]")!.InnerHtml);
        Assert.Contains("終了", row.TextContent);
        Assert.DoesNotContain("Completed", page.Body!.TextContent);
        Assert.DoesNotContain("Portfolio.", page.Body.TextContent);
    }

    [Fact]
    public async Task A_small_clients_part_of_a_cohort_is_listed_with_its_figures_hidden()
    {
        var cohort = await OutcomeTestCohort.CreateAsync(factory.Db, "横断少人数", new DateOnly(2026, 6, 1));
        var smallClient = await TestData.ClientAsync(factory.Db, new Web.Features.Clients.ClientInput { Name = "横断小規模商事", Kind = Web.Features.Clients.ClientKind.Employer, EligiblePopulation = 20 });
        var contract = await TestData.ActiveContractAsync(factory.Db, smallClient, 5);
        await using (var c = await factory.Db.OpenAsync())
        {
            await c.ExecuteAsync("INSERT INTO CohortContracts (CohortId, ContractId, Capacity) VALUES (@CohortId, @contract, 5)", new { cohort.CohortId, contract });
            var ids = await TestData.ParticipantsAsync(factory.Db, cohort.CohortId, contract, 3);
            await c.ExecuteAsync("UPDATE Participants SET State = 'Completed', Outcome = 'Succeeded' WHERE Id IN @ids", new { ids });
        }

        var page = await GetDocumentAsync(await factory.SignedInClientAsync(Roles.BizDev), $"/outcomes?clientId={smallClient}");

        var row = page.QuerySelector($"tr[data-cohort='{cohort.CohortId}']")!;
        Assert.Equal("—", row.QuerySelector("[data-figure=itt]")!.TextContent.Trim());
        Assert.DoesNotContain("3", row.QuerySelector("td.num")!.TextContent);
        Assert.Null(page.QuerySelector("[data-testid=portfolio-chart]"));
    }

    [Fact]
    public async Task The_list_filters_by_period_and_sorts_by_quit_rate_and_its_csv_carries_the_intervals_and_is_audited()
    {
        var early = await OutcomeTestCohort.CreateAsync(factory.Db, "横断早期", new DateOnly(2025, 3, 3));
        var late = await OutcomeTestCohort.CreateAsync(factory.Db, "横断後期", new DateOnly(2025, 9, 1));
        await using (var c = await factory.Db.OpenAsync())
        {
            // The later cohort's client did better: two more of its completers quit.
            await c.ExecuteAsync("""
                UPDATE Participants SET Outcome = 'Succeeded'
                WHERE Id IN (SELECT Id FROM Participants WHERE CohortId = @CohortId AND Outcome = 'NotSucceeded' ORDER BY Id LIMIT 2)
                """, new { late.CohortId });
        }

        var bizDev = await factory.SignedInClientAsync(Roles.BizDev);
        var period = await GetDocumentAsync(bizDev, "/outcomes?from=2025-01-01&to=2025-06-30");
        var sorted = await GetDocumentAsync(bizDev, "/outcomes?from=2025-01-01&to=2025-12-31&sort=itt&dir=desc");
        var csv = await bizDev.GetAsync("/outcomes?handler=Export&from=2025-01-01&to=2025-12-31&sort=itt&dir=desc");

        Assert.Equal([early.CohortId.ToString()], period.QuerySelectorAll("table[data-testid=portfolio] tbody tr").Select(r => r.GetAttribute("data-cohort")));
        Assert.Equal([late.CohortId.ToString(), early.CohortId.ToString()],
            sorted.QuerySelectorAll("table[data-testid=portfolio] tbody tr").Select(r => r.GetAttribute("data-cohort")));
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var lines = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("成功率 95%信頼区間 下限", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("横断後期禁煙コホート,横断後期健康保険組合,", lines[1]);
        Assert.Contains(",50.0,", lines[1]);
        await using var db = await factory.Db.OpenAsync();
        Assert.Equal(1, await db.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM AuditLog WHERE Action = 'PortfolioExported'"));
    }

    [Fact]
    public async Task The_client_page_lists_its_cohorts_with_their_headline_figures_and_links_to_their_reports()
    {
        var cohort = await OutcomeTestCohort.CreateAsync(factory.Db, "顧客成果", new DateOnly(2026, 6, 1));

        var page = await GetDocumentAsync(await factory.SignedInClientAsync(Roles.BizDev), $"/clients/details/{cohort.ClientId}");

        var row = page.QuerySelector($"[data-testid=client-results] tr[data-cohort='{cohort.CohortId}']")!;
        Assert.Contains("42.9%", row.QuerySelector("[data-figure=itt]")!.TextContent);
        Assert.NotNull(row.QuerySelector($"a[href='/outcomes/{cohort.CohortId}/{cohort.ClientId}']"));
    }

    [Fact]
    public async Task The_reports_menu_opens_the_portfolio()
    {
        var page = await GetDocumentAsync(await factory.SignedInClientAsync(Roles.ProgramCS), "/");

        Assert.NotNull(page.QuerySelector("nav.mainnav a[href='/outcomes']"));
    }
}
