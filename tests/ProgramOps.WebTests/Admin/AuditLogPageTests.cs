using System.Net;
using Dapper;
using ProgramOps.TestSupport;
using ProgramOps.Web.Features.Clients;
using ProgramOps.Web.Infrastructure.Auth;
using static ProgramOps.WebTests.Clients.ClientPages;

namespace ProgramOps.WebTests.Admin;

public sealed class AuditLogPageTests(ProgramOpsFactory factory) : IClassFixture<ProgramOpsFactory>
{
    [Theory]
    [InlineData(Roles.Viewer)]
    [InlineData(Roles.BizDev)]
    [InlineData(Roles.ProgramCS)]
    public async Task Only_admins_see_the_audit_log(string role)
    {
        var client = await factory.SignedInClientAsync(role);

        var response = await client.GetAsync("/admin/audit");

        Assert.StartsWith("/account/accessdenied", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Writes_show_up_with_who_made_them_and_filters_narrow_them()
    {
        var bizDev = await factory.SignedInClientAsync(Roles.BizDev);
        var form = await GetDocumentAsync(bizDev, "/clients/create");
        var created = await PostAsync(bizDev, "/clients/create", FormFields(form, new Dictionary<string, string>
        {
            ["Input.Name"] = "監査テスト株式会社", ["Input.EligiblePopulation"] = "10",
        }));
        var clientId = created.Headers.Location!.OriginalString.Split('/').Last();
        var admin = await factory.SignedInClientAsync(Roles.Admin);

        var all = await GetDocumentAsync(admin, "/admin/audit");
        var byRecord = await GetDocumentAsync(admin, $"/admin/audit?entityType=Client&entityId={clientId}");
        var byOtherUser = await GetDocumentAsync(admin, $"/admin/audit?entityType=Client&entityId={clientId}&user=nobody");

        Assert.Contains("監査テスト株式会社", all.QuerySelector("table.audit")!.TextContent);
        var row = Assert.Single(byRecord.QuerySelectorAll("table.audit tbody tr"));
        Assert.Contains("作成", row.TextContent);
        Assert.Contains("bizdev", row.TextContent);
        Assert.Contains("対象者数: — → 10", row.TextContent);
        Assert.Equal("記録された変更はありません。", byOtherUser.QuerySelector(".empty")!.TextContent);
    }

    [Fact]
    public async Task Date_filters_use_tokyo_days()
    {
        var admin = await factory.SignedInClientAsync(Roles.Admin);
        await using (var connection = await factory.Db.OpenAsync())
        {
            // 23:30 UTC on 30 April is 08:30 on 1 May in Tokyo.
            await connection.ExecuteAsync(
                "INSERT INTO AuditLog (OccurredAt, UserName, EntityType, EntityId, Action) VALUES (@At, 'tz-test', 'Test', '1', 'Updated')",
                new { At = new DateTimeOffset(2026, 4, 30, 23, 30, 0, TimeSpan.Zero) });
        }

        var may = await GetDocumentAsync(admin, "/admin/audit?user=tz-test&from=2026-05-01&to=2026-05-01");
        var april = await GetDocumentAsync(admin, "/admin/audit?user=tz-test&from=2026-04-30&to=2026-04-30");

        Assert.Single(may.QuerySelectorAll("table.audit tbody tr"));
        Assert.NotNull(april.QuerySelector(".empty"));
    }

    [Fact]
    public async Task Older_pages_continue_where_the_last_one_ended()
    {
        await using (var connection = await factory.Db.OpenAsync())
        {
            await connection.ExecuteAsync(
                "INSERT INTO AuditLog (OccurredAt, UserName, EntityType, EntityId, Action) VALUES (@At, 'paging-test', 'Test', @Id, 'Updated')",
                Enumerable.Range(1, 75).Select(i => new { At = DateTimeOffset.UtcNow, Id = i.ToString() }));
        }

        var admin = await factory.SignedInClientAsync(Roles.Admin);
        var first = await GetDocumentAsync(admin, "/admin/audit?user=paging-test");
        var older = await GetDocumentAsync(admin, first.QuerySelector("a[rel=next]")!.GetAttribute("href")!);

        Assert.Equal(50, first.QuerySelectorAll("table.audit tbody tr").Length);
        Assert.Equal(25, older.QuerySelectorAll("table.audit tbody tr").Length);
        Assert.Null(older.QuerySelector("a[rel=next]"));
        Assert.Contains("Test #1", older.QuerySelectorAll("table.audit tbody tr").Last().TextContent);
    }

    [Fact]
    public async Task Date_only_pages_continue_where_the_last_one_ended_even_within_one_instant()
    {
        await using (var connection = await factory.Db.OpenAsync())
        {
            // 30 rows share one instant and 45 follow a second apart: the page boundary falls inside the tie.
            var start = new DateTimeOffset(2020, 2, 1, 15, 0, 0, TimeSpan.Zero);
            await connection.ExecuteAsync(
                "INSERT INTO AuditLog (OccurredAt, UserName, EntityType, EntityId, Action) VALUES (@At, 'date-paging', 'Test', @Id, 'Updated')",
                Enumerable.Range(1, 75).Select(i => new { At = i <= 30 ? start : start.AddSeconds(i), Id = i.ToString() }));
        }

        var admin = await factory.SignedInClientAsync(Roles.Admin);
        var first = await GetDocumentAsync(admin, "/admin/audit?from=2020-02-02&to=2020-02-02");
        var older = await GetDocumentAsync(admin, first.QuerySelector("a[rel=next]")!.GetAttribute("href")!);

        var ids = first.QuerySelectorAll("table.audit tbody tr").Concat(older.QuerySelectorAll("table.audit tbody tr"))
            .Select(row => System.Text.RegularExpressions.Regex.Match(row.TextContent, @"Test #(\d+)").Groups[1].Value).ToList();
        Assert.Equal(Enumerable.Range(1, 75).Reverse().Select(i => i.ToString()), ids);
        Assert.Null(older.QuerySelector("a[rel=next]"));
    }

    [Fact]
    public async Task A_clients_page_shows_its_own_history()
    {
        var id = await SeedClientAsync(factory, new ClientInput { Name = "履歴表示株式会社", EligiblePopulation = 5, CsStyles = [CsStyle.ProjectManagement] });
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);
        var edit = await GetDocumentAsync(cs, $"/clients/edit/{id}");
        await PostAsync(cs, $"/clients/edit/{id}", FormFields(edit, new Dictionary<string, string> { ["Input.EligiblePopulation"] = "6" }));

        var details = await GetDocumentAsync(cs, $"/clients/details/{id}");

        Assert.Contains("対象者数: 5 → 6", details.QuerySelector("table.audit")!.TextContent);
    }
}
