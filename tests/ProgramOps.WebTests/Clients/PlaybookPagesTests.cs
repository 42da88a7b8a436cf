using System.Net;
using Dapper;
using ProgramOps.TestSupport;
using ProgramOps.Web.Features.Actions;
using ProgramOps.Web.Features.Clients;
using ProgramOps.Web.Infrastructure.Auth;
using static ProgramOps.WebTests.Clients.ClientPages;

namespace ProgramOps.WebTests.Clients;

/// <summary>The playbook pages (Admin) and playbook tasks worked from the action queue.</summary>
public sealed class PlaybookPagesTests(ProgramOpsFactory factory) : IClassFixture<ProgramOpsFactory>
{
    private async Task<int> PlaybookIdAsync(string segment, string csType)
    {
        await using var c = await factory.Db.OpenAsync();
        return await c.ExecuteScalarAsync<int>("SELECT Id FROM Playbooks WHERE Segment = @segment AND CsType = @csType", new { segment, csType });
    }

    [Fact]
    public async Task The_seeded_playbooks_are_listed_in_each_language()
    {
        var admin = await factory.SignedInClientAsync(Roles.Admin);

        var japanese = await GetDocumentAsync(admin, "/admin/playbooks?culture=ja&ui-culture=ja");
        var english = await GetDocumentAsync(admin, "/admin/playbooks?culture=en&ui-culture=en");

        Assert.Equal(8, japanese.QuerySelectorAll("section[data-playbook]").Length);
        Assert.Contains("キックオフ会議を設定し", japanese.QuerySelector("main")!.TextContent);
        Assert.Contains("契約開始", japanese.QuerySelector("main")!.TextContent);
        Assert.Contains("Set up the kick-off meeting", english.QuerySelector("main")!.TextContent);
        Assert.DoesNotContain("キックオフ", english.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task Admin_adds_a_task_once_however_often_the_form_is_posted_then_edits_it_and_a_stale_edit_is_refused()
    {
        var admin = await factory.SignedInClientAsync(Roles.Admin);
        var playbook = await PlaybookIdAsync("Smb", "AccompanyUpsell");
        var url = $"/admin/playbooks/{playbook}/tasks";
        var form = FormFields(await GetDocumentAsync(admin, url), new Dictionary<string, string>
        {
            ["Input.Anchor"] = "Renewal60", ["Input.OffsetDays"] = "-3", ["Input.OwnerRole"] = "BizDev",
            ["Input.InstructionJa"] = "更新見積もりを送る", ["Input.InstructionEn"] = "Send the renewal quote",
        });

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, url, form)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, url, form)).StatusCode);

        await using var c = await factory.Db.OpenAsync();
        var id = await c.ExecuteScalarAsync<int>("SELECT Id FROM PlaybookTasks WHERE PlaybookId = @playbook AND InstructionEn = 'Send the renewal quote'", new { playbook });
        Assert.Equal(1, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM PlaybookTasks WHERE InstructionEn = 'Send the renewal quote'"));
        var edit = FormFields(await GetDocumentAsync(admin, $"{url}/{id}"), new Dictionary<string, string> { ["Input.OffsetDays"] = "-5" });
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, $"{url}/{id}", edit)).StatusCode);
        Assert.Equal(-5, await c.ExecuteScalarAsync<int>("SELECT OffsetDays FROM PlaybookTasks WHERE Id = @id", new { id }));
        Assert.Equal(2, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM AuditLog WHERE EntityType = 'PlaybookTask' AND EntityId = @id", new { id = id.ToString() }));

        var stale = await PostAsync(admin, $"{url}/{id}", edit);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Equal(-5, await c.ExecuteScalarAsync<int>("SELECT OffsetDays FROM PlaybookTasks WHERE Id = @id", new { id }));
    }

    [Fact]
    public async Task A_task_without_its_English_instruction_or_with_a_bar_is_refused_naming_the_fields()
    {
        var admin = await factory.SignedInClientAsync(Roles.Admin);
        var url = $"/admin/playbooks/{await PlaybookIdAsync("Smb", "MidTouch")}/tasks";
        var form = FormFields(await GetDocumentAsync(admin, url), new Dictionary<string, string>
        {
            ["Input.Anchor"] = "CohortEnd", ["Input.OffsetDays"] = "400", ["Input.InstructionJa"] = "報告|送付", ["Input.InstructionEn"] = "",
        });

        var response = await PostAsync(admin, url, form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.NotEmpty(page.QuerySelector("[data-valmsg-for='Input.InstructionEn']")!.TextContent.Trim());
        Assert.NotEmpty(page.QuerySelector("[data-valmsg-for='Input.InstructionJa']")!.TextContent.Trim());
        Assert.NotEmpty(page.QuerySelector("[data-valmsg-for='Input.OffsetDays']")!.TextContent.Trim());
        await using var c = await factory.Db.OpenAsync();
        Assert.Equal(0, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM PlaybookTasks WHERE InstructionJa = '報告|送付'"));
    }

    [Fact]
    public async Task BizDev_completes_a_playbook_task_and_it_appears_in_the_clients_timeline_in_the_completers_language()
    {
        var (bizDev, _) = await factory.SignedInUserAsync(Roles.BizDev);
        var clientId = await SeedClientAsync(factory, new ClientInput { Name = "プレイブック商事", Kind = ClientKind.Employer, EligiblePopulation = 100 });
        var actionId = await factory.Db.InTransactionAsync(async (c, t) =>
        {
            await CsActions.OpenOnceAsync(c, t, [CsActionRequest.PlaybookTask(1, clientId, "k1", "更新提案を準備する", "Prepare the renewal proposal", new DateOnly(2026, 12, 1), null, null, null)],
                "system", DateTimeOffset.UtcNow, CancellationToken.None);
            return await c.ExecuteScalarAsync<int>("SELECT Id FROM CsActions WHERE ClientId = @clientId AND Kind = 'PlaybookTask'", new { clientId }, t);
        });
        var queue = await GetDocumentAsync(bizDev, $"/actions?client={clientId}&culture=en&ui-culture=en");
        Assert.Contains("Prepare the renewal proposal", queue.QuerySelector($"tr[data-action='{actionId}']")!.TextContent);

        var done = await PostAsync(bizDev, $"/actions?handler=Complete&id={actionId}&culture=en&ui-culture=en",
            FormFields(queue, new Dictionary<string, string> { ["note"] = "Proposal sent to HR" }, $"tr[data-action='{actionId}'] form[action*='handler=Complete']"));

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var details = await GetDocumentAsync(bizDev, $"/clients/details/{clientId}");
        var entry = Assert.Single(details.QuerySelectorAll("#activity .timeline-entry"));
        Assert.Equal("TaskCompleted", entry.GetAttribute("data-kind"));
        Assert.Contains("Prepare the renewal proposal", entry.TextContent);
        Assert.Contains("Proposal sent to HR", entry.TextContent);
    }
}
