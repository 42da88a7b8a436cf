using System.Net;
using Dapper;
using ProgramOps.TestSupport;
using ProgramOps.Web.Infrastructure.Auth;
using static ProgramOps.WebTests.Clients.ClientPages;

namespace ProgramOps.WebTests.Clients;

/// <summary>Admin edits the client signal thresholds: validated per field, audited in words, refused over a newer save.</summary>
public sealed class SignalThresholdsPageTests(ProgramOpsFactory factory) : IClassFixture<ProgramOpsFactory>
{
    private const string Url = "/clients/signal-thresholds";

    private async Task<(int, int, int, int, int)> StoredAsync()
    {
        await using var connection = await factory.Db.OpenAsync();
        return await connection.QuerySingleAsync<(int, int, int, int, int)>(
            "SELECT HealthBelowEnterprise, HealthBelowSmb, SeatsNearlyUsedPercent, UnderEnrolledBelowPercent, ReportDueDaysAfterEnd FROM ClientSignalThresholds");
    }

    [Fact]
    public async Task Admin_saves_new_thresholds_audited_with_a_summary_in_words_and_a_stale_form_is_refused()
    {
        var admin = await factory.SignedInClientAsync(Roles.Admin);
        var form = await GetDocumentAsync(admin, Url);
        Assert.Equal("60", form.QuerySelector("input[name='Input.HealthBelowEnterprise']")!.GetAttribute("value"));

        var saved = await PostAsync(admin, Url, FormFields(form, new Dictionary<string, string>
        {
            ["Input.HealthBelowEnterprise"] = "65", ["Input.SeatsNearlyUsedPercent"] = "85", ["Input.ReportDueDaysAfterEnd"] = "14",
        }));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal((65, 50, 85, 80, 14), await StoredAsync());
        var audit = await GetDocumentAsync(admin, "/admin/audit?entityType=SignalThresholds");
        var row = audit.QuerySelector("table.audit tbody tr")!.TextContent;
        Assert.Contains("クライアントシグナルのしきい値", row);
        Assert.Contains("ヘルス 65 未満（エンタープライズ）/ 50 未満（SMB）、席使用率 85% 以上、登録 80% 未満、報告書は終了後 14 日", row);
        Assert.Contains("ヘルスのしきい値（エンタープライズ）: 60 → 65", row);

        var stale = await PostAsync(admin, Url, FormFields(form, new Dictionary<string, string> { ["Input.HealthBelowSmb"] = "40" }));

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("admin", (await ReadDocumentAsync(stale)).QuerySelector(".conflict")!.TextContent);
        Assert.Equal((65, 50, 85, 80, 14), await StoredAsync());
    }

    [Fact]
    public async Task Values_out_of_range_are_refused_naming_each_field_and_nothing_is_saved()
    {
        var admin = await factory.SignedInClientAsync(Roles.Admin);
        var before = await StoredAsync();
        var form = await GetDocumentAsync(admin, Url);

        var refused = await PostAsync(admin, Url, FormFields(form, new Dictionary<string, string>
        {
            ["Input.HealthBelowSmb"] = "0", ["Input.ReportDueDaysAfterEnd"] = "400",
        }));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await ReadDocumentAsync(refused);
        Assert.Equal("SMB: ヘルススコアがこの値未満: 1 から 100 までの整数を入力してください。",
            page.QuerySelector("[data-valmsg-for='Input.HealthBelowSmb']")!.TextContent);
        Assert.Equal("最終報告書の期限（プログラム終了後の日数）: 1 から 365 までの整数を入力してください。",
            page.QuerySelector("[data-valmsg-for='Input.ReportDueDaysAfterEnd']")!.TextContent);
        Assert.Equal(before, await StoredAsync());
    }
}
