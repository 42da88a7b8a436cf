using System.Net;
using Dapper;
using ProgramOps.TestSupport;
using ProgramOps.Web.Features.Actions;
using ProgramOps.Web.Infrastructure.Auth;
using static ProgramOps.WebTests.Clients.ClientPages;
using static ProgramOps.WebTests.Imports.ImportPages;

namespace ProgramOps.WebTests.Actions;

public sealed class ActionQueueTests(ProgramOpsFactory factory) : IClassFixture<ProgramOpsFactory>
{
    private async Task<int> AtRiskActionAsync(string tag)
    {
        var (cohortId, contractId, clientId) = await EnrollingCohortAsync(factory, tag);
        var id = (await TestData.ParticipantsAsync(factory.Db, cohortId, contractId, 1))[0];
        return await factory.Db.InTransactionAsync(async (c, t) =>
        {
            await CsActions.OpenManyAsync(c, t, [CsActionRequest.AtRisk(id, cohortId, clientId, 4, new DateOnly(2026, 1, 2))], "system", DateTimeOffset.UtcNow, CancellationToken.None);
            // The same condition again opens nothing new.
            await CsActions.OpenManyAsync(c, t, [CsActionRequest.AtRisk(id, cohortId, clientId, 5, new DateOnly(2026, 1, 3))], "system", DateTimeOffset.UtcNow, CancellationToken.None);
            return await c.ExecuteScalarAsync<int>("SELECT Id FROM CsActions WHERE ParticipantId = @id", new { id }, t);
        });
    }

    [Fact]
    public async Task Cs_takes_an_action_then_completes_it_with_a_note()
    {
        var actionId = await AtRiskActionAsync("対応");
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);
        var queue = await GetDocumentAsync(cs, "/actions");
        var row = $"tr[data-action='{actionId}']";
        Assert.Contains("overdue", queue.QuerySelector(row)!.ClassName);

        await PostAsync(cs, $"/actions?handler=Take&id={actionId}", FormFields(queue, formSelector: $"{row} form[action*='handler=Take']"));
        queue = await GetDocumentAsync(cs, "/actions?scope=mine");
        Assert.NotNull(queue.QuerySelector(row));

        var noNote = await PostAsync(cs, $"/actions?handler=Complete&id={actionId}", FormFields(queue, formSelector: $"{row} form[action*='handler=Complete']"));
        Assert.Contains("対応内容を入力してください", (await ReadDocumentAsync(noNote)).QuerySelector(".error-summary")!.TextContent);
        var done = await PostAsync(cs, $"/actions?handler=Complete&id={actionId}",
            FormFields(queue, new Dictionary<string, string> { ["note"] = "電話で状況を確認、明日からチェックイン再開" }, $"{row} form[action*='handler=Complete']"));

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Null((await GetDocumentAsync(cs, "/actions")).QuerySelector(row));
        Assert.Contains("電話で状況を確認", (await GetDocumentAsync(cs, "/actions?closed=true")).QuerySelector(row)!.TextContent);
        await using var c = await factory.Db.OpenAsync();
        Assert.Equal(1, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM CsActions WHERE Id = @actionId OR ConditionKey = (SELECT ConditionKey FROM CsActions WHERE Id = @actionId)", new { actionId }));
    }

    [Fact]
    public async Task A_snooze_needs_a_future_day_and_a_stale_form_changes_nothing()
    {
        var actionId = await AtRiskActionAsync("保留");
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);
        var queue = await GetDocumentAsync(cs, "/actions");
        var form = $"tr[data-action='{actionId}'] form[action*='handler=Snooze']";

        var past = await PostAsync(cs, $"/actions?handler=Snooze&id={actionId}", FormFields(queue, new Dictionary<string, string> { ["until"] = "2020-01-01" }, form));
        Assert.Contains("明日以降", (await ReadDocumentAsync(past)).QuerySelector(".error-summary")!.TextContent);

        var snoozed = await PostAsync(cs, $"/actions?handler=Snooze&id={actionId}", FormFields(queue, new Dictionary<string, string> { ["until"] = "2099-01-01" }, form));
        Assert.Equal(HttpStatusCode.Redirect, snoozed.StatusCode);
        var stale = await PostAsync(cs, $"/actions?handler=Snooze&id={actionId}", FormFields(queue, new Dictionary<string, string> { ["until"] = "2099-02-01" }, form));
        Assert.NotNull((await ReadDocumentAsync(stale)).QuerySelector(".conflict"));
    }

    [Fact]
    public async Task BizDev_takes_and_completes_a_renewal_action_of_theirs_but_not_a_CS_action()
    {
        var (bizDev, userName) = await factory.SignedInUserAsync(Roles.BizDev);
        var (_, contractId, clientId) = await EnrollingCohortAsync(factory, "更新対応");
        var atRisk = await AtRiskActionAsync("更新対応外");
        var renewal = await factory.Db.InTransactionAsync(async (c, t) =>
        {
            var owner = await c.ExecuteScalarAsync<int>("SELECT Id FROM Users WHERE UserName = @userName", new { userName }, t);
            await CsActions.OpenManyAsync(c, t, [CsActionRequest.Renewal(contractId, clientId, null, 90, 88, new DateOnly(2026, 1, 2))], "system", DateTimeOffset.UtcNow, CancellationToken.None);
            return await c.ExecuteScalarAsync<int>("SELECT Id FROM CsActions WHERE ContractId = @contractId AND Kind = 'ContractRenewal'", new { contractId }, t);
        });
        var queue = await GetDocumentAsync(bizDev, "/actions");
        Assert.NotNull(queue.QuerySelector($"tr[data-action='{renewal}'] form[action*='handler=Complete']"));
        Assert.Null(queue.QuerySelector($"tr[data-action='{atRisk}'] form"));

        var taken = await PostAsync(bizDev, $"/actions?handler=Take&id={renewal}", FormFields(queue, formSelector: $"tr[data-action='{renewal}'] form[action*='handler=Take']"));
        Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
        queue = await GetDocumentAsync(bizDev, "/actions");
        var done = await PostAsync(bizDev, $"/actions?handler=Complete&id={renewal}",
            FormFields(queue, new Dictionary<string, string> { ["note"] = "更新の打ち合わせを設定" }, $"tr[data-action='{renewal}'] form[action*='handler=Complete']"));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);

        Assert.Contains("担当：", queue.QuerySelector($"tr[data-action='{renewal}'] [data-owner]")!.TextContent);
        var refused = await PostAsync(bizDev, $"/actions?handler=Take&id={atRisk}",
            FormFields(queue, new Dictionary<string, string> { ["version"] = "1" }, $"tr[data-action='{renewal}'] form[action*='handler=Complete']"));
        Assert.Contains("/account/accessdenied", refused.Headers.Location!.OriginalString);
        await using var c = await factory.Db.OpenAsync();
        Assert.Equal("Done", await c.ExecuteScalarAsync<string>("SELECT Status FROM CsActions WHERE Id = @renewal", new { renewal }));
        Assert.Equal(1, await c.ExecuteScalarAsync<int>("SELECT Version FROM CsActions WHERE Id = @atRisk", new { atRisk }));
    }

    [Fact]
    public async Task The_default_queue_is_the_viewers_own_work_by_role_and_the_scope_widens_it()
    {
        var (cs, csName) = await factory.SignedInUserAsync(Roles.ProgramCS);
        var (_, otherName) = await factory.SignedInUserAsync(Roles.ProgramCS);
        var unowned = await AtRiskActionAsync("既定表示");
        var others = await AtRiskActionAsync("他人の担当");
        var mine = await AtRiskActionAsync("自分の担当");
        await using (var c = await factory.Db.OpenAsync())
        {
            await c.ExecuteAsync("UPDATE CsActions SET OwnerId = (SELECT Id FROM Users WHERE UserName = @otherName) WHERE Id = @others", new { otherName, others });
            await c.ExecuteAsync("UPDATE CsActions SET OwnerId = (SELECT Id FROM Users WHERE UserName = @csName) WHERE Id = @mine", new { csName, mine });
        }

        var queue = await GetDocumentAsync(cs, "/actions");
        var everyone = await GetDocumentAsync(cs, "/actions?scope=everyone");
        var onlyMine = await GetDocumentAsync(cs, "/actions?scope=mine");

        Assert.NotNull(queue.QuerySelector($"tr[data-action='{unowned}']"));
        Assert.NotNull(queue.QuerySelector($"tr[data-action='{mine}']"));
        Assert.Null(queue.QuerySelector($"tr[data-action='{others}']"));
        Assert.NotNull(everyone.QuerySelector($"tr[data-action='{others}']"));
        Assert.Equal([mine.ToString()], onlyMine.QuerySelectorAll("tr[data-action]").Select(r => r.GetAttribute("data-action")!));
        Assert.Equal("High", queue.QuerySelector($"tr[data-action='{unowned}']")!.GetAttribute("data-priority"));
        var bizDevQueue = await GetDocumentAsync(await factory.SignedInClientAsync(Roles.BizDev), "/actions");
        Assert.Null(bizDevQueue.QuerySelector($"tr[data-action='{unowned}']"));
    }

    [Fact]
    public async Task Taking_over_someone_elses_action_asks_first_and_then_shows_who_has_it()
    {
        var (cs, csName) = await factory.SignedInUserAsync(Roles.ProgramCS);
        var (_, otherName) = await factory.SignedInUserAsync(Roles.ProgramCS);
        var actionId = await AtRiskActionAsync("引き継ぎ");
        await using (var c = await factory.Db.OpenAsync())
        {
            await c.ExecuteAsync("UPDATE CsActions SET OwnerId = (SELECT Id FROM Users WHERE UserName = @otherName) WHERE Id = @actionId", new { otherName, actionId });
        }

        var queue = await GetDocumentAsync(cs, "/actions?scope=everyone");
        var row = $"tr[data-action='{actionId}']";
        var take = queue.QuerySelector($"{row} form[action*='handler=Take']")!;
        Assert.Contains($"Test {otherName}", take.GetAttribute("data-confirm"));
        Assert.Contains($"Test {otherName}", queue.QuerySelector($"{row} [data-owner]")!.TextContent);

        await PostAsync(cs, $"/actions?handler=Take&id={actionId}", FormFields(queue, formSelector: $"{row} form[action*='handler=Take']"));

        var after = await GetDocumentAsync(cs, "/actions");
        Assert.Contains($"Test {csName}", after.QuerySelector($"{row} [data-owner]")!.TextContent);
        Assert.Null(after.QuerySelector($"{row} form[action*='handler=Take']"));
    }
}
