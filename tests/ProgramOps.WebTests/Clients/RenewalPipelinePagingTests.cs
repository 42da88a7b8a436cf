using Dapper;
using ProgramOps.TestSupport;
using ProgramOps.Web.Features.Clients;
using ProgramOps.Web.Infrastructure.Auth;
using ProgramOps.Web.Infrastructure.Time;
using Microsoft.Extensions.DependencyInjection;
using static ProgramOps.WebTests.Clients.ClientPages;

namespace ProgramOps.WebTests.Clients;

/// <summary>The renewal pipeline with more contracts than one page: sorted and paged, while the forecast counts them all.</summary>
public sealed class RenewalPipelinePagingTests(ProgramOpsFactory factory) : IClassFixture<ProgramOpsFactory>
{
    [Fact]
    public async Task Contracts_are_paged_and_sorted_and_the_forecast_counts_every_contract_in_the_window()
    {
        var today = factory.Services.GetRequiredService<LocalClock>().Today;
        var clientId = await SeedClientAsync(factory, new ClientInput { Name = "多数契約商事" });
        var contracts = new List<int>();
        for (var i = 0; i < 30; i++)
        {
            var contract = await TestData.ActiveContractAsync(factory.Db, clientId, 10 + i);
            await using var c = await factory.Db.OpenAsync();
            await c.ExecuteAsync("UPDATE Contracts SET StartDate = @start, EndDate = @end WHERE Id = @contract",
                new { start = today.AddDays(i - 300).ToString("yyyy-MM-dd"), end = today.AddDays(10 + i).ToString("yyyy-MM-dd"), contract });
            contracts.Add(contract);
        }

        var bizDev = await factory.SignedInClientAsync(Roles.BizDev);
        var first = await GetDocumentAsync(bizDev, "/clients/renewals");
        var second = await GetDocumentAsync(bizDev, "/clients/renewals?pageNumber=2");
        var byValue = await GetDocumentAsync(bizDev, "/clients/renewals?sort=value&dir=desc");

        Assert.Equal(contracts.Take(25).Select(c => c.ToString()), first.QuerySelectorAll("#pipeline tr[data-contract]").Select(r => r.GetAttribute("data-contract")!));
        Assert.Equal(contracts.Skip(25).Select(c => c.ToString()), second.QuerySelectorAll("#pipeline tr[data-contract]").Select(r => r.GetAttribute("data-contract")!));
        Assert.Equal(contracts[^1].ToString(), byValue.QuerySelector("#pipeline tr[data-contract]")!.GetAttribute("data-contract"));
        // Every contract's value (seats × 30,000 yen) is in the forecast, not only the first page's.
        var total = Enumerable.Range(0, 30).Sum(i => (10L + i) * 30_000);
        var forecast = second.QuerySelectorAll("#pipeline-months tbody tr").Sum(r => long.Parse(r.QuerySelectorAll("td")[3].TextContent.Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(total, forecast);
    }
}
