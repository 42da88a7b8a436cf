using System.Net;
using Dapper;
using ProgramOps.TestSupport;
using ProgramOps.Web.Features.Clients;
using ProgramOps.Web.Infrastructure.Auth;
using static ProgramOps.WebTests.Clients.ClientPages;

namespace ProgramOps.WebTests.Clients;

/// <summary>Recording activity with a client, its timeline on the client page, and the no-touch settings.</summary>
public sealed class ClientActivityPagesTests(ProgramOpsFactory factory) : IClassFixture<ProgramOpsFactory>
{
    private async Task<(int ClientId, int DecisionMakerId)> ClientWithDecisionMakerAsync(string name)
    {
        var clientId = await SeedClientAsync(factory, new ClientInput { Name = name, Kind = ClientKind.Employer, EligiblePopulation = 100 });
        var personId = await factory.Db.InTransactionAsync((c, t) => c.ExecuteScalarAsync<int>(
            ProgramOps.Web.Features.Clients.KeyPersons.KeyPersonsSql.Insert + factory.Db.Dialect.SelectNewId,
            new ProgramOps.Web.Features.Clients.KeyPersons.KeyPersonInput { Name = "山田 社長", Role = KeyPersonRole.DecisionMaker }
                .ToParameters(clientId, DateTimeOffset.UtcNow, "seed"), t));
        return (clientId, personId);
    }

    [Fact]
    public async Task BizDev_records_a_meeting_with_the_decision_maker_and_sees_it_on_the_timeline_once()
    {
        var (clientId, bossId) = await ClientWithDecisionMakerAsync("活動記録商事");
        var bizDev = await factory.SignedInClientAsync(Roles.BizDev);
        var form = await GetDocumentAsync(bizDev, $"/clients/{clientId}/activities/new");
        var fields = FormFields(form, new Dictionary<string, string>
        {
            ["Input.Kind"] = "Meeting",
            ["Input.KeyPersonIds"] = bossId.ToString(),
            ["Input.Summary"] = "更新の意向を確認。\n来期は300席で検討",
            ["Input.NextStep"] = "見積もりを送る",
        });

        var first = await PostAsync(bizDev, $"/clients/{clientId}/activities/new", fields);
        var second = await PostAsync(bizDev, $"/clients/{clientId}/activities/new", fields);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var details = await GetDocumentAsync(bizDev, $"/clients/details/{clientId}");
        var entries = details.QuerySelectorAll("#activity .timeline-entry");
        var entry = Assert.Single(entries);
        Assert.Contains("面談", entry.TextContent);
        Assert.Contains("山田 社長", entry.TextContent);
        Assert.Contains("来期は300席で検討", entry.TextContent);
        Assert.Contains("見積もりを送る", entry.TextContent);

        await using var connection = await factory.Db.OpenAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM AuditLog WHERE EntityType = 'Client' AND EntityId = @id AND Action = 'ActivityRecorded'", new { id = clientId.ToString() }));
    }

    [Fact]
    public async Task A_future_date_and_an_empty_summary_are_refused_naming_their_fields()
    {
        var (clientId, _) = await ClientWithDecisionMakerAsync("未来日商事");
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);
        var form = await GetDocumentAsync(cs, $"/clients/{clientId}/activities/new");

        var response = await PostAsync(cs, $"/clients/{clientId}/activities/new", FormFields(form, new Dictionary<string, string>
        {
            ["Input.OccurredOn"] = DateTime.UtcNow.AddDays(5).ToString("yyyy-MM-dd"),
            ["Input.Summary"] = "   ",
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await ReadDocumentAsync(response);
        Assert.Contains("未来の日付", page.QuerySelector("[data-valmsg-for='Input.OccurredOn']")!.TextContent);
        Assert.Contains("概要を入力", page.QuerySelector("[data-valmsg-for='Input.Summary']")!.TextContent);
        await using var connection = await factory.Db.OpenAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM ClientActivities WHERE ClientId = @clientId", new { clientId }));
    }

    [Fact]
    public async Task Viewer_sees_the_timeline_without_the_record_button_and_cannot_record()
    {
        var (clientId, _) = await ClientWithDecisionMakerAsync("閲覧商事");
        var viewer = await factory.SignedInClientAsync(Roles.Viewer);

        var details = await GetDocumentAsync(viewer, $"/clients/details/{clientId}");
        var form = await viewer.GetAsync($"/clients/{clientId}/activities/new");

        Assert.NotNull(details.QuerySelector("#activity"));
        Assert.Null(details.QuerySelector($"#activity a[href='/clients/{clientId}/activities/new']"));
        Assert.Equal(HttpStatusCode.Redirect, form.StatusCode);
    }

    [Fact]
    public async Task Admin_changes_a_segments_no_touch_days_audited()
    {
        var admin = await factory.SignedInClientAsync(Roles.Admin);
        var form = await GetDocumentAsync(admin, "/clients/touch-settings");
        var fields = FormFields(form);
        var smb = fields.Single(f => f.Value == "Smb").Key.Replace(".Segment", ".NoTouchDays");
        fields[smb] = "45";

        var response = await PostAsync(admin, "/clients/touch-settings", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var connection = await factory.Db.OpenAsync();
        Assert.Equal(45, await connection.ExecuteScalarAsync<int>("SELECT NoTouchDays FROM ClientTouchSettings WHERE Segment = 'Smb'"));
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM AuditLog WHERE EntityType = 'TouchSetting' AND EntityId = 'Smb'"));
        fields[smb] = "50";
        var stale = await PostAsync(admin, "/clients/touch-settings", fields);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Equal(45, await connection.ExecuteScalarAsync<int>("SELECT NoTouchDays FROM ClientTouchSettings WHERE Segment = 'Smb'"));
    }
}
