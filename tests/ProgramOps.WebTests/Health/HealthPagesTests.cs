using System.Net;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ProgramOps.TestSupport;
using ProgramOps.Web.Features.Clients;
using ProgramOps.Web.Features.Clients.Activity;
using ProgramOps.Web.Features.Health;
using ProgramOps.Web.Infrastructure.Auth;
using ProgramOps.Web.Infrastructure.Time;
using static ProgramOps.WebTests.Clients.ClientPages;

namespace ProgramOps.WebTests.Health;

public sealed class HealthPagesTests(ProgramOpsFactory factory) : IClassFixture<ProgramOpsFactory>
{
    private LocalClock Clock => factory.Services.GetRequiredService<LocalClock>();

    private Task SnapshotAsync() =>
        new HealthSnapshotJob(factory.Db, factory.Services.CreateScope().ServiceProvider.GetRequiredService<HealthAssessor>(), Clock, NullLogger<HealthSnapshotJob>.Instance)
            .RunAsync(CancellationToken.None);

    /// <summary>A client with three open requests and no decision maker: both known signals score 0.</summary>
    private async Task<int> NeglectedClientAsync(string name)
    {
        var id = await TestData.ClientAsync(factory.Db, new ClientInput { Name = name, Kind = ClientKind.Employer, EligiblePopulation = 100 });
        await using var c = await factory.Db.OpenAsync();
        for (var i = 0; i < 3; i++)
        {
            await c.ExecuteAsync(
                """
                INSERT INTO FeedbackItems (Title, Description, Source, ClientId, Stage, Category, Severity, AffectedCount, HelpsEveryUser, ProgramSpecific,
                                           ClientAsked, Destination, Confidence, Status, Version, CreatedAt, CreatedBy, UpdatedAt, UpdatedBy)
                VALUES ('レポートの頻度を上げてほしい', '月次で見たい', 'Client', @id, NULL, 'Reporting', 'Medium', 0, 'No', 'No',
                        'Yes', 'ClientAccount', 0.9, 'Routed', 1, @now, 'seed', @now, 'seed')
                """, new { id, now = DateTimeOffset.UtcNow });
        }

        return id;
    }

    [Fact]
    public async Task Staff_see_an_at_risk_account_in_the_weekly_list_and_open_its_score_explained_signal_by_signal()
    {
        var atRisk = await NeglectedClientAsync("要注意ヘルス工業");
        await SnapshotAsync();
        var viewer = await factory.SignedInClientAsync(Roles.Viewer);

        var list = await GetDocumentAsync(viewer, "/health");
        var row = list.QuerySelector($"table[data-testid=at-risk] tr[data-client='{atRisk}']")!;
        var health = await GetDocumentAsync(viewer, row.QuerySelector("a")!.GetAttribute("href")!);

        Assert.Equal("0", row.QuerySelector("[data-figure=score]")!.TextContent.Trim());
        Assert.Contains("意思決定者の登録", row.TextContent);
        var section = health.QuerySelector("[data-testid=client-health]")!;
        Assert.Equal("0", section.QuerySelector(".health-score")!.GetAttribute("data-score"));
        Assert.Contains("要注意", section.QuerySelector(".health-score")!.TextContent);
        Assert.Equal("3", section.QuerySelector("tr[data-signal=ClientRequests] [data-figure=value]")!.TextContent.Trim());
        Assert.Equal("なし", section.QuerySelector("tr[data-signal=DecisionMaker] [data-figure=value]")!.TextContent.Trim());
        Assert.Equal("対象外", section.QuerySelector("tr[data-signal=Nps] [data-figure=points]")!.TextContent.Trim());
        Assert.Single(section.QuerySelectorAll("[data-testid=health-trend] tbody tr"));
        Assert.DoesNotContain("ClientRequests", section.TextContent);
        Assert.NotNull(list.QuerySelector("nav.mainnav a[href='/health']"));
    }

    [Fact]
    public async Task An_admin_changes_a_segments_weights_audited_and_a_stale_or_out_of_range_form_saves_nothing()
    {
        var admin = await factory.SignedInClientAsync(Roles.Admin);
        var page = await GetDocumentAsync(admin, "/health/weights");
        var version = page.QuerySelector("section[data-segment=Smb] input[name='Input.Version']")!.GetAttribute("value")!;
        Dictionary<string, string> Form(string decisionMaker, string v) => new()
        {
            ["Input.Segment"] = "Smb", ["Input.Version"] = v, ["Input.Participation"] = "15", ["Input.Enrolment"] = "15", ["Input.Engagement"] = "15",
            ["Input.Outcome"] = "15", ["Input.Nps"] = "10", ["Input.DecisionMaker"] = decisionMaker, ["Input.LastTouch"] = "5",
            ["Input.ClientRequests"] = "10", ["Input.Renewal"] = "10",
        };

        var invalid = await ProgramOpsFactory.PostFormAsync(admin, "/health/weights", Form("101", version));
        var saved = await ProgramOpsFactory.PostFormAsync(admin, "/health/weights", Form("30", version));
        var stale = await ProgramOpsFactory.PostFormAsync(admin, "/health/weights", Form("40", version));

        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Contains("意思決定者の登録：0〜100 の重みを入力してください。", await invalid.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("再読み込み", await stale.Content.ReadAsStringAsync());
        await using var db = await factory.Db.OpenAsync();
        Assert.Equal(30, await db.ExecuteScalarAsync<int>("SELECT DecisionMaker FROM HealthWeights WHERE Segment = 'Smb'"));
        Assert.Equal(1, await db.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM AuditLog WHERE Action = 'HealthWeightsSaved' AND Changes LIKE '%DecisionMaker%'"));
    }

    [Fact]
    public async Task A_meeting_recorded_in_the_activity_log_counts_as_the_last_touch()
    {
        var client = await TestData.ClientAsync(factory.Db, new ClientInput { Name = "接点ヘルス商事", Kind = ClientKind.Employer, EligiblePopulation = 100 });
        var met = Clock.Today.AddDays(-60);
        await factory.Db.InTransactionAsync((c, t) => ClientActivityLog.AppendAsync(c, t, factory.Db.Dialect,
            new ClientActivityEntry(client, ClientActivityKind.Meeting, met, "人事部長と定例"), null, "seed", DateTimeOffset.UtcNow));

        var page = await GetDocumentAsync(await factory.SignedInClientAsync(Roles.BizDev), $"/health/clients/{client}");

        var touch = page.QuerySelector("[data-testid=client-health] tr[data-signal=LastTouch]")!;
        Assert.Equal("60 日", touch.QuerySelector("[data-figure=value]")!.TextContent.Trim());
        // 60 days is halfway from fresh (30) to stale (90): half of its weight's share of the known signals.
        Assert.NotEqual("対象外", touch.QuerySelector("[data-figure=points]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Only_admins_open_the_weights()
    {
        var bizDev = await factory.SignedInClientAsync(Roles.BizDev);

        var response = await bizDev.GetAsync("/health/weights");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("accessdenied", response.Headers.Location!.ToString(), StringComparison.OrdinalIgnoreCase);
    }
}
