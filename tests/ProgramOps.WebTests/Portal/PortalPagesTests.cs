using System.Globalization;
using System.Net;
using Dapper;
using ProgramOps.TestSupport;
using ProgramOps.Web.Features.Clients;
using ProgramOps.Web.Infrastructure.Auth;

namespace ProgramOps.WebTests.Portal;

/// <summary>What a client user sees: their cohorts' aggregate progress as reports count it, issued reports, their requests.</summary>
public sealed class PortalPagesTests(ProgramOpsFactory factory) : IClassFixture<ProgramOpsFactory>
{
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_cohort_page_shows_recruitment_and_engagement_as_the_report_counts_them_and_the_issued_report_downloads()
    {
        var cohort = await OutcomeTestCohort.CreateAsync(factory.Db, "頁", new DateOnly(2026, 6, 1));
        await using (var c = await factory.Db.OpenAsync())
            await c.ExecuteAsync("UPDATE Contracts SET EligiblePopulation = 400, EligiblePopulationAsOf = '2026-05-01' WHERE ClientId = @ClientId", new { cohort.ClientId });
        var bizDev = await factory.SignedInClientAsync(Roles.BizDev);
        await PortalClients.IssueReportAsync(factory, bizDev, cohort);
        var portal = await PortalClients.SignedInAsync(factory, bizDev, cohort.ClientId, "hr@peji.example.jp");

        var home = await (await portal.GetAsync("/portal")).Content.ReadAsStringAsync();
        Assert.Contains($"href=\"/portal/cohorts/{cohort.CohortId}\"", home);
        var page = await portal.GetAsync($"/portal/cohorts/{cohort.CohortId}");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        // 2 of the 30 invited never enrolled: with 28 enrolled shown, showing 30 would give those 2 away (complementary suppression).
        Assert.Contains("<td data-invited>—</td>", html);
        Assert.Contains("<td data-enrolled>28</td>", html);
        Assert.Contains("<td data-participation>7.0%</td>", html);
        Assert.Contains("data-engagement", html);
        Assert.Contains("data-version=\"1\"", html);
        Assert.Contains("5人未満のグループは表示せず", html);
        foreach (var leak in new[] { "参加者 ", "@example.com", "Status.", "Reach.", "FewerThanK" }) Assert.DoesNotContain(leak, html);
        foreach (var url in new[] { "/portal", $"/portal/cohorts/{cohort.CohortId}", "/portal/requests" })
        {
            foreach (var language in new[] { "ja", "en" })
            {
                var text = await (await portal.GetAsync($"{url}?culture={language}&ui-culture={language}")).Content.ReadAsStringAsync();
                var words = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(text, "<[^>]+>", " "));
                Assert.Empty(ConsoleIdentifiers.FoundIn(words, language));
            }
        }

        var csv = await portal.GetAsync($"/portal/cohorts/{cohort.CohortId}/reports/{cohort.ClientId}/1/csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await portal.GetAsync($"/portal/cohorts/{cohort.CohortId}/reports/{cohort.ClientId}/2/csv")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await portal.GetAsync($"/portal/cohorts/{cohort.CohortId}/reports/{cohort.ClientId}/1/html")).StatusCode);
        await using var db = await factory.Db.OpenAsync();
        Assert.Equal(1, await db.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM AuditLog WHERE Action = 'ReportDownloaded' AND UserName = 'portal:hr@peji.example.jp' AND UserId IS NULL"));
    }

    [Fact]
    public async Task Invitation_letters_are_for_the_users_staff_allow_and_only_of_their_own_organisation()
    {
        var bizDev = await factory.SignedInClientAsync(Roles.BizDev);
        var (cohort, contract) = await TestData.CohortOfNewClientAsync(factory.Db, "招待状", "Enrolling", new DateOnly(2026, 12, 21));
        await TestData.ParticipantsAsync(factory.Db, cohort, contract, 2);
        var clientId = await (await factory.Db.OpenAsync()).ExecuteScalarAsync<int>("SELECT ClientId FROM Contracts WHERE Id = @contract", new { contract });
        var holder = await PortalClients.AcceptAsync(factory, await PortalClients.InviteAsync(bizDev, clientId, "hr@letters.example.jp", mayHoldCodes: true));
        var colleague = await PortalClients.SignedInAsync(factory, bizDev, clientId, "hr2@letters.example.jp");

        Assert.Contains("data-letters", await (await holder.GetAsync($"/portal/cohorts/{cohort}")).Content.ReadAsStringAsync());
        Assert.DoesNotContain("data-letters", await (await colleague.GetAsync($"/portal/cohorts/{cohort}")).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.GetAsync($"/portal/cohorts/{cohort}/letters")).StatusCode);
        var letters = await holder.GetAsync($"/portal/cohorts/{cohort}/letters");
        Assert.Equal(HttpStatusCode.OK, letters.StatusCode);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString((await letters.Content.ReadAsByteArrayAsync())[..4]));
        await using var c = await factory.Db.OpenAsync();
        Assert.Equal(1, await c.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM AuditLog WHERE Action = 'InvitationLettersDownloaded' AND EntityId = @id AND UserName = 'portal:hr@letters.example.jp'", new { id = Id(cohort) }));
    }

    [Fact]
    public async Task A_draft_within_k_people_of_the_issued_report_is_not_shown_and_a_cohort_under_k_shows_no_figure()
    {
        var cohort = await OutcomeTestCohort.CreateAsync(factory.Db, "差分", new DateOnly(2026, 6, 1));
        var bizDev = await factory.SignedInClientAsync(Roles.BizDev);
        await PortalClients.IssueReportAsync(factory, bizDev, cohort);
        // Two more people in the population than the issued report counted: subtracting would tell about them.
        var added = await TestData.ParticipantsAsync(factory.Db, cohort.CohortId, cohort.ContractId, 2);
        var portal = await PortalClients.SignedInAsync(factory, bizDev, cohort.ClientId, "hr@sabun.example.jp");

        var html = await (await portal.GetAsync($"/portal/cohorts/{cohort.CohortId}")).Content.ReadAsStringAsync();
        Assert.Contains("data-differencing", html);
        Assert.DoesNotContain("data-invited", html);
        Assert.Contains("data-version=\"1\"", html);

        var (small, contract) = await TestData.CohortOfNewClientAsync(factory.Db, "少数", "Running", new DateOnly(2026, 10, 5));
        var few = await TestData.ParticipantsAsync(factory.Db, small, contract, 3);
        await using (var c = await factory.Db.OpenAsync())
            await c.ExecuteAsync("UPDATE Participants SET State = 'Active' WHERE Id IN @few", new { few });
        var clientId = await (await factory.Db.OpenAsync()).ExecuteScalarAsync<int>("SELECT ClientId FROM Contracts WHERE Id = @contract", new { contract });
        var smallPortal = await PortalClients.SignedInAsync(factory, bizDev, clientId, "hr@shosu.example.jp");
        var smallHtml = await (await smallPortal.GetAsync($"/portal/cohorts/{small}")).Content.ReadAsStringAsync();
        Assert.Contains("data-withheld", smallHtml);
        Assert.DoesNotContain("data-enrolled", smallHtml);
    }

    [Fact]
    public async Task A_health_insurance_societys_user_sees_its_member_employers_cohorts_and_a_member_does_not_see_the_society()
    {
        var bizDev = await factory.SignedInClientAsync(Roles.BizDev);
        var society = await TestData.ClientAsync(factory.Db, new ClientInput { Name = "親健康保険組合", Kind = ClientKind.HealthInsuranceSociety, EligiblePopulation = 1000 });
        await TestData.ActiveContractAsync(factory.Db, society, 10);
        var (memberCohort, memberContract) = await TestData.CohortOfNewClientAsync(factory.Db, "加盟", "Enrolling", new DateOnly(2026, 12, 7));
        var member = await (await factory.Db.OpenAsync()).ExecuteScalarAsync<int>("SELECT ClientId FROM Contracts WHERE Id = @memberContract", new { memberContract });
        await using (var c = await factory.Db.OpenAsync())
            await c.ExecuteAsync("UPDATE Clients SET ParentClientId = @society WHERE Id = @member", new { society, member });

        var societyUser = await PortalClients.SignedInAsync(factory, bizDev, society, "kenpo@oya.example.jp");
        var memberUser = await PortalClients.SignedInAsync(factory, bizDev, member, "hr@kamei.example.jp");

        Assert.Equal(HttpStatusCode.OK, (await societyUser.GetAsync($"/portal/cohorts/{memberCohort}")).StatusCode);
        Assert.Contains("加盟コホート", await (await societyUser.GetAsync("/portal")).Content.ReadAsStringAsync());
        Assert.DoesNotContain("親健康保険組合", await (await memberUser.GetAsync("/portal")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_request_is_filed_as_routed_client_feedback_and_listed_to_its_client_only()
    {
        var bizDev = await factory.SignedInClientAsync(Roles.BizDev);
        var (_, contractA) = await TestData.CohortOfNewClientAsync(factory.Db, "要望甲", "Running", new DateOnly(2026, 10, 5));
        var (_, contractB) = await TestData.CohortOfNewClientAsync(factory.Db, "要望乙", "Running", new DateOnly(2026, 10, 5));
        await using var c = await factory.Db.OpenAsync();
        var clientA = await c.ExecuteScalarAsync<int>("SELECT ClientId FROM Contracts WHERE Id = @contractA", new { contractA });
        var clientB = await c.ExecuteScalarAsync<int>("SELECT ClientId FROM Contracts WHERE Id = @contractB", new { contractB });
        var userA = await PortalClients.SignedInAsync(factory, bizDev, clientA, "hr@yobo-a.example.jp");
        var userB = await PortalClients.SignedInAsync(factory, bizDev, clientB, "hr@yobo-b.example.jp");

        var empty = await ProgramOpsFactory.PostFormAsync(userA, "/portal/requests", new Dictionary<string, string> { ["Input.Title"] = "", ["Input.Description"] = "" });
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        var fields = new Dictionary<string, string>
        {
            ["Input.Title"] = "月次の参加状況をExcelで受け取りたい", ["Input.Description"] = "役員会に毎月報告するため。", ["SubmissionToken"] = Guid.NewGuid().ToString(),
        };
        var filed = await ProgramOpsFactory.PostFormAsync(userA, "/portal/requests", fields);
        await ProgramOpsFactory.PostFormAsync(userA, "/portal/requests", fields);

        Assert.Equal(HttpStatusCode.Redirect, filed.StatusCode);
        var item = await c.QuerySingleAsync<(string Source, int ClientId, string CreatedBy)>(
            "SELECT Source, ClientId, CreatedBy FROM FeedbackItems WHERE Title = '月次の参加状況をExcelで受け取りたい'");
        Assert.Equal(("Client", clientA, "portal:hr@yobo-a.example.jp"), item);
        Assert.Contains("月次の参加状況をExcelで受け取りたい", await (await userA.GetAsync("/portal/requests")).Content.ReadAsStringAsync());
        Assert.DoesNotContain("月次の参加状況をExcelで受け取りたい", await (await userB.GetAsync("/portal/requests")).Content.ReadAsStringAsync());
    }
}
