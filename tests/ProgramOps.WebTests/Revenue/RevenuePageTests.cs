using System.Net;
using System.Text;
using Dapper;
using ProgramOps.TestSupport;
using ProgramOps.Web.Features.Clients;
using ProgramOps.Web.Infrastructure.Auth;
using static ProgramOps.WebTests.Clients.ClientPages;

namespace ProgramOps.WebTests.Revenue;

public sealed class RevenuePageTests(ProgramOpsFactory factory) : IClassFixture<ProgramOpsFactory>
{
    /// <summary>A client of <paramref name="csType"/> with whole-year contracts (status, seats, price, fiscal year started).</summary>
    private async Task<int> ClientWithContractsAsync(string name, CsType csType, params (string Status, int Seats, int Price, int Year)[] contracts)
    {
        var id = await TestData.ClientAsync(factory.Db, new ClientInput { Name = name, Kind = ClientKind.Employer, CsType = csType, EligiblePopulation = 100 });
        await factory.Db.InTransactionAsync(async (c, t) =>
        {
            foreach (var (status, seats, price, year) in contracts)
            {
                await c.ExecuteAsync(
                    """
                    INSERT INTO Contracts (ClientId, ProgramName, Seats, PricePerSeatJpy, StartDate, EndDate, AutoRenew, Status, Version, CreatedAt, UpdatedAt, UpdatedBy)
                    VALUES (@id, '禁煙プログラム', @seats, @price, @start, @end, 0, @status, 1, @now, @now, 'seed')
                    """,
                    new { id, seats, price, status, start = new DateOnly(year, 4, 1), end = new DateOnly(year + 1, 3, 31), now = DateTimeOffset.UtcNow }, t);
            }
        });
        return id;
    }

    [Fact]
    public async Task BizDev_sees_retention_and_churn_worked_by_hand_and_the_clients_behind_each_figure()
    {
        // FY2025: growth ¥300,000 → ¥450,000, downsell ¥500,000 → ¥300,000, churn of ¥200,000, and a new client.
        var grew = await ClientWithContractsAsync("継続増額商事", CsType.AccompanyRoi, ("Ended", 10, 30_000, 2024), ("Ended", 15, 30_000, 2025));
        var shrank = await ClientWithContractsAsync("継続減額工業", CsType.AccompanyRoi, ("Ended", 20, 25_000, 2024), ("Ended", 12, 25_000, 2025));
        var lost = await ClientWithContractsAsync("解約物産", CsType.AccompanyRoi, ("Ended", 8, 25_000, 2024));
        var added = await ClientWithContractsAsync("新規電機", CsType.AccompanyRoi, ("Ended", 10, 20_000, 2025));
        var bizDev = await factory.SignedInClientAsync(Roles.BizDev);

        var page = await GetDocumentAsync(bizDev, "/revenue?by=cstype");
        var row = page.QuerySelector("table[data-testid=revenue-figures] tr[data-period='2025年度'][data-group='CsType.AccompanyRoi']")!;
        var drill = await GetDocumentAsync(bizDev, row.QuerySelector("[data-figure=opening] a")!.GetAttribute("href")!);
        var churned = await GetDocumentAsync(bizDev, row.QuerySelector("[data-figure=lost] a")!.GetAttribute("href")!);

        Assert.Equal("3", row.QuerySelector("[data-figure=opening]")!.TextContent.Trim());
        Assert.Equal("60.0%", row.QuerySelector("[data-figure=grr]")!.TextContent.Trim());
        Assert.Equal("75.0%", row.QuerySelector("[data-figure=nrr]")!.TextContent.Trim());
        Assert.Equal("33.3%", row.QuerySelector("[data-figure=logo-churn]")!.TextContent.Trim());
        Assert.Equal("20.0%", row.QuerySelector("[data-figure=revenue-churn]")!.TextContent.Trim());
        Assert.Equal("1", row.QuerySelector("[data-figure=new]")!.TextContent.Trim());
        Assert.Contains("伴走型×ROI", row.TextContent);
        Assert.Contains("<svg", page.QuerySelector("[data-testid=revenue-chart]")!.InnerHtml);
        Assert.Contains("LTV ＝ 年間売上 × 想定取引期間", page.QuerySelector("[data-testid=revenue-ltv]")!.TextContent);
        Assert.Equal([shrank.ToString(), grew.ToString(), lost.ToString(), added.ToString()],
            drill.QuerySelectorAll("[data-testid=revenue-clients] tbody tr").Select(r => r.GetAttribute("data-client")));
        Assert.Contains("減額（ダウンセル）", drill.QuerySelector($"tr[data-client='{shrank}']")!.TextContent);
        Assert.Contains("新規（対象外）", drill.QuerySelector($"tr[data-client='{added}']")!.TextContent);
        Assert.Equal([lost.ToString()], churned.QuerySelectorAll("[data-testid=revenue-clients] tbody tr").Select(r => r.GetAttribute("data-client")));
        Assert.DoesNotContain("AccompanyRoi", page.Body!.TextContent);
        Assert.DoesNotContain("Column.", page.Body.TextContent);
    }

    [Fact]
    public async Task The_page_keeps_its_figures_only_while_no_contract_or_client_changes()
    {
        var id = await ClientWithContractsAsync("再計算商事", CsType.AccompanyUpsell, ("Ended", 10, 10_000, 2024), ("Ended", 10, 10_000, 2025));
        var bizDev = await factory.SignedInClientAsync(Roles.BizDev);
        async Task<string> OpeningOf2025Async()
        {
            var page = await GetDocumentAsync(bizDev, "/revenue?by=cstype");
            return page.QuerySelector("table[data-testid=revenue-figures] tr[data-period='2025年度'][data-group='CsType.AccompanyUpsell'] [data-figure=nrr]")!.TextContent.Trim();
        }

        Assert.Equal("100.0%", await OpeningOf2025Async());
        Assert.Equal("100.0%", await OpeningOf2025Async());

        // Every change raises the row's version, as the contract and client forms do.
        await using (var c = await factory.Db.OpenAsync())
            await c.ExecuteAsync("UPDATE Contracts SET Seats = 15, Version = Version + 1 WHERE ClientId = @id AND StartDate = @start", new { id, start = new DateOnly(2025, 4, 1) });
        Assert.Equal("150.0%", await OpeningOf2025Async());

        await using (var c = await factory.Db.OpenAsync())
            await c.ExecuteAsync("UPDATE Clients SET Name = '改名後商事', Version = Version + 1 WHERE Id = @id", new { id });
        var drill = await GetDocumentAsync(bizDev, "/revenue?by=cstype&fy=2025&group=CsType.AccompanyUpsell");
        Assert.Contains("改名後商事", drill.QuerySelector($"[data-testid=revenue-clients] tr[data-client='{id}']")!.TextContent);
    }

    [Fact]
    public async Task The_figures_and_the_clients_behind_one_download_as_csv_and_each_download_is_audited()
    {
        await ClientWithContractsAsync("出力継続株式会社", CsType.MidTouch, ("Ended", 10, 10_000, 2024), ("Active", 10, 10_000, 2025));
        var bizDev = await factory.SignedInClientAsync(Roles.BizDev);

        var figures = await bizDev.GetAsync("/revenue?handler=Export&by=cstype");
        var clients = await bizDev.GetAsync("/revenue?handler=ExportClients&by=cstype&fy=2025&group=CsType.MidTouch");

        Assert.Equal(HttpStatusCode.OK, figures.StatusCode);
        var figureLines = Encoding.UTF8.GetString(await figures.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("期間,対象,期首の顧客数,期首の売上（年額）", figureLines[0]);
        Assert.Contains(figureLines, l => l.StartsWith("2025年度,ミッドタッチ型,1,100000,100000,100000,100.0,100.0,0,0.0,0,0.0,0,0", StringComparison.Ordinal));
        var clientLines = Encoding.UTF8.GetString(await clients.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, clientLines.Length);
        Assert.StartsWith("2025年度,出力継続株式会社,", clientLines[1]);
        await using var db = await factory.Db.OpenAsync();
        Assert.Equal(1, await db.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM AuditLog WHERE Action = 'RevenueExported'"));
        Assert.Equal(1, await db.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM AuditLog WHERE Action = 'RevenueClientsExported'"));
    }

    [Fact]
    public async Task Quarters_and_another_fiscal_year_start_are_offered_and_out_of_range_values_are_refused()
    {
        var bizDev = await factory.SignedInClientAsync(Roles.Admin);

        var quarters = await GetDocumentAsync(bizDev, "/revenue?length=quarter&startMonth=1");
        var refused = await bizDev.GetAsync("/revenue?startMonth=13");

        Assert.Equal(IndexQuarters, quarters.QuerySelectorAll("table[data-testid=revenue-figures] tbody tr[data-group=all]").Length);
        Assert.Contains(quarters.QuerySelectorAll("table[data-testid=revenue-figures] tbody tr"), r => r.GetAttribute("data-period")!.Contains("第4四半期"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    private const int IndexQuarters = ProgramOps.Web.Features.Revenue.IndexModel.Quarters;

    [Theory]
    [InlineData(Roles.ProgramCS)]
    [InlineData(Roles.Viewer)]
    public async Task Only_bizdev_and_admins_see_the_revenue_menu(string role)
    {
        var other = await GetDocumentAsync(await factory.SignedInClientAsync(role), "/");
        var bizDev = await GetDocumentAsync(await factory.SignedInClientAsync(Roles.BizDev), "/");

        Assert.Null(other.QuerySelector("nav.mainnav a[href='/revenue']"));
        Assert.NotNull(bizDev.QuerySelector("nav.mainnav a[href='/revenue']"));
    }
}
