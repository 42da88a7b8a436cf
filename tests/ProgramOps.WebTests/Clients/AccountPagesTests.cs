using System.Net;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ProgramOps.TestSupport;
using ProgramOps.Web.Features.Clients;
using ProgramOps.Web.Features.Clients.KeyPersons;
using ProgramOps.Web.Features.Health;
using ProgramOps.Web.Infrastructure.Auth;
using ProgramOps.Web.Infrastructure.Time;
using static ProgramOps.WebTests.Clients.ClientPages;

namespace ProgramOps.WebTests.Clients;

/// <summary>The client page's account sections (warnings, plan), and the renewal pipeline.</summary>
public sealed class AccountPagesTests(ProgramOpsFactory factory) : IClassFixture<ProgramOpsFactory>
{
    private async Task<int> KeyPersonAsync(int clientId, string name, KeyPersonRole role) =>
        await factory.Db.InTransactionAsync((c, t) => c.ExecuteScalarAsync<int>(KeyPersonsSql.Insert + factory.Db.Dialect.SelectNewId,
            new KeyPersonInput { Name = name, Role = role }.ToParameters(clientId, DateTimeOffset.UtcNow, "seed"), t));

    private async Task<int> ContractEndingAsync(int clientId, int days, int seats = 100)
    {
        var contract = await TestData.ActiveContractAsync(factory.Db, clientId, seats);
        await using var c = await factory.Db.OpenAsync();
        var end = TokyoCalendar.Today.AddDays(days);
        await c.ExecuteAsync("UPDATE Contracts SET StartDate = @start, EndDate = @end WHERE Id = @contract",
            new { start = end.AddDays(-365).ToString("yyyy-MM-dd"), end = end.ToString("yyyy-MM-dd"), contract });
        return contract;
    }

    [Fact]
    public async Task A_high_touch_client_without_a_decision_maker_or_a_touch_is_warned_about_until_both_are_there()
    {
        var clientId = await SeedClientAsync(factory, new ClientInput { Name = "警告商事", TouchModel = TouchModel.High, Segment = ClientSegment.Enterprise });
        var bizDev = await factory.SignedInClientAsync(Roles.BizDev);

        var before = await GetDocumentAsync(bizDev, $"/clients/details/{clientId}");
        Assert.NotNull(before.QuerySelector("[data-warning='no-decision-maker']"));
        Assert.NotNull(before.QuerySelector("[data-warning='no-touch']"));

        var boss = await KeyPersonAsync(clientId, "決裁 太郎", KeyPersonRole.DecisionMaker);
        var dayBefore = TokyoCalendar.Today;
        var form = await GetDocumentAsync(bizDev, $"/clients/{clientId}/activities/new");
        await PostAsync(bizDev, $"/clients/{clientId}/activities/new", FormFields(form, new Dictionary<string, string>
        {
            ["Input.Kind"] = "Call", ["Input.KeyPersonIds"] = boss.ToString(), ["Input.Summary"] = "近況確認",
        }));

        var after = await GetDocumentAsync(bizDev, $"/clients/details/{clientId}");
        Assert.Null(after.QuerySelector("[data-warning='no-decision-maker']"));
        Assert.Null(after.QuerySelector("[data-warning='no-touch']"));
        var keyPersons = after.QuerySelector("[data-testid=key-persons] table")!.TextContent;
        Assert.Contains(new[] { dayBefore, TokyoCalendar.Today }, day => keyPersons.Contains(day.ToString("yyyy-MM-dd"))); // the day the call was logged, even across midnight in Tokyo
    }

    [Fact]
    public async Task An_account_plan_is_made_edited_audited_and_a_stale_form_is_told_who_saved_first()
    {
        var clientId = await SeedClientAsync(factory, new ClientInput { Name = "計画商事", CsStyles = [CsStyle.Consulting] });
        var boss = await KeyPersonAsync(clientId, "計画 部長", KeyPersonRole.DecisionMaker);
        var bizDev = await factory.SignedInClientAsync(Roles.BizDev);
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);
        Assert.Contains("アカウントプランはまだありません", (await GetDocumentAsync(bizDev, $"/clients/details/{clientId}")).QuerySelector("#plan")!.TextContent);

        var created = await PostAsync(bizDev, $"/clients/{clientId}/plan", FormFields(await GetDocumentAsync(bizDev, $"/clients/{clientId}/plan"), new Dictionary<string, string>
        {
            ["Input.Goals"] = "2027年度までに喫煙率を15%に", ["Input.StakeholderIds"] = boss.ToString(), ["Input.NextReviewOn"] = "2027-03-01",
        }));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var stale = FormFields(await GetDocumentAsync(cs, $"/clients/{clientId}/plan"), new Dictionary<string, string> { ["Input.SuccessCriteria"] = "CS案" });
        var edited = await PostAsync(bizDev, $"/clients/{clientId}/plan", FormFields(await GetDocumentAsync(bizDev, $"/clients/{clientId}/plan"),
            new Dictionary<string, string> { ["Input.SuccessCriteria"] = "参加率8%" }));
        var refused = await PostAsync(cs, $"/clients/{clientId}/plan", stale);

        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.NotNull((await ReadDocumentAsync(refused)).QuerySelector(".conflict"));
        var plan = (await GetDocumentAsync(bizDev, $"/clients/details/{clientId}")).QuerySelector("#plan")!.TextContent;
        Assert.Contains("喫煙率を15%", plan);
        Assert.Contains("参加率8%", plan);
        Assert.Contains("計画 部長", plan);
        await using var c = await factory.Db.OpenAsync();
        Assert.Equal(2, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM AuditLog WHERE Action = 'AccountPlanSaved' AND EntityId = @id", new { id = clientId.ToString() }));
    }

    [Fact]
    public async Task The_pipeline_lists_contracts_ending_within_180_days_and_a_stage_change_shows_as_this_weeks_change()
    {
        var clientId = await SeedClientAsync(factory, new ClientInput { Name = "パイプライン商事" });
        var soon = await ContractEndingAsync(clientId, 40, seats: 100);
        var late = await ContractEndingAsync(clientId, 200);
        var bizDev = await factory.SignedInClientAsync(Roles.BizDev);

        var page = await GetDocumentAsync(bizDev, "/clients/renewals");
        Assert.NotNull(page.QuerySelector($"#pipeline tr[data-contract='{soon}']"));
        Assert.Null(page.QuerySelector($"#pipeline tr[data-contract='{late}']"));
        Assert.Contains("3,000,000", page.QuerySelector("#pipeline-months")!.TextContent);

        var form = page.QuerySelector($"#pipeline tr[data-contract='{soon}'] form")!;
        var fields = FormFields(page, new Dictionary<string, string> { ["stage"] = "Committed" }, $"#pipeline tr[data-contract='{soon}'] form");
        var saved = await PostAsync(bizDev, form.GetAttribute("action")!, fields);
        var again = await PostAsync(bizDev, form.GetAttribute("action")!, fields);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await GetDocumentAsync(bizDev, "/clients/renewals");
        Assert.Contains("未着手 → 合意済み", after.QuerySelector("#pipeline-changes")!.TextContent);
        Assert.Equal("Committed", after.QuerySelector($"#pipeline tr[data-contract='{soon}'] option[selected]")!.GetAttribute("value"));
        await using var c = await factory.Db.OpenAsync();
        Assert.Equal(1, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM ContractRenewalStageChanges WHERE ContractId = @soon", new { soon }));
        Assert.Equal(1, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM AuditLog WHERE Action = 'RenewalStageChanged' AND EntityId = @id", new { id = clientId.ToString() }));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task The_pipeline_shows_each_client_s_latest_weekly_health_score_with_its_band_and_a_link_to_its_explanation()
    {
        var clientId = await SeedClientAsync(factory, new ClientInput { Name = "ヘルス表示商事" });
        var contract = await ContractEndingAsync(clientId, 100);
        using var scope = factory.Services.CreateScope();
        await new HealthSnapshotJob(factory.Db, scope.ServiceProvider.GetRequiredService<HealthAssessor>(), factory.Services.GetRequiredService<LocalClock>(),
            NullLogger<HealthSnapshotJob>.Instance).RunAsync(CancellationToken.None);
        await using var c = await factory.Db.OpenAsync();
        var score = await c.ExecuteScalarAsync<int?>("SELECT Score FROM HealthSnapshots WHERE ClientId = @clientId", new { clientId });

        var page = await GetDocumentAsync(await factory.SignedInClientAsync(Roles.BizDev), "/clients/renewals");

        var cell = page.QuerySelector($"#pipeline tr[data-contract='{contract}'] [data-health-for='{clientId}']")!;
        Assert.NotNull(score);
        Assert.Equal(score.ToString(), cell.QuerySelector("a")!.TextContent.Trim());
        Assert.Equal($"/health/clients/{clientId}", cell.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(HealthScore.BandOf(score.Value).ToString(), cell.QuerySelector(".badge")!.GetAttribute("data-band"));
        Assert.DoesNotContain(HealthScore.BandOf(score.Value).ToString(), cell.TextContent);
    }

    [Fact]
    public async Task The_client_page_shows_each_cohorts_seats_and_the_clients_people_by_state()
    {
        var clientId = await SeedClientAsync(factory, new ClientInput { Name = "状態別商事", EligiblePopulation = 200 });
        var contract = await TestData.ActiveContractAsync(factory.Db, clientId, 60);
        var version = await TestData.PublishedProgramAsync(factory.Db, "states-smoking");
        var cohort = await TestData.CohortAsync(factory.Db, "状態別コホート", version, "Running", TokyoCalendar.Today.AddDays(-14), (contract, 40));
        var people = await TestData.ParticipantsAsync(factory.Db, cohort, contract, 5);
        await using (var c = await factory.Db.OpenAsync())
        {
            await c.ExecuteAsync("UPDATE Participants SET State = 'Active' WHERE Id IN @ids", new { ids = people.Take(3).ToArray() });
        }

        var page = await GetDocumentAsync(await factory.SignedInClientAsync(Roles.BizDev), $"/clients/details/{clientId}?culture=en&ui-culture=en");

        var row = page.QuerySelector($"[data-testid='client-results'] tr[data-cohort='{cohort}']")!;
        Assert.Contains("40", row.TextContent);
        Assert.Equal("Invited 2 · Active 3", row.QuerySelector("[data-states]")!.TextContent.Trim());
    }
}
