using System.Net;
using Dapper;
using ProgramOps.TestSupport;
using ProgramOps.Web.Features.Participants;
using ProgramOps.Web.Infrastructure.Auth;
using static ProgramOps.WebTests.Clients.ClientPages;
using static ProgramOps.WebTests.Imports.ImportPages;

namespace ProgramOps.WebTests.Participants;

/// <summary>
/// Names, e-mails, employee numbers and birth years are for those who run cohorts; BizDev and Viewer see a pseudonymous
/// label on every page where participants appear; every view of one participant's page is recorded for Admin.
/// </summary>
public sealed class ParticipantPrivacyTests(ProgramOpsFactory factory) : IClassFixture<ProgramOpsFactory>
{
    private sealed record Setting(int CohortId, long ParticipantId, long ShipmentId, string Name, string Email, string EmployeeNumber);

    private async Task<Setting> CohortWithATeamAndAShipmentAsync(string tag)
    {
        var (cohortId, contractId, _) = await EnrollingCohortAsync(factory, tag);
        var id = (await TestData.ParticipantsAsync(factory.Db, cohortId, contractId, 1, "経理部"))[0];
        await using var c = await factory.Db.OpenAsync();
        await c.ExecuteAsync("UPDATE Participants SET BirthYear = 1977, Kana = 'ヤマダ タロウ', EmployeeNumber = 'EMP-' || Id || '-77' WHERE Id = @id", new { id });
        var teamId = await c.ExecuteScalarAsync<long>(
            "INSERT INTO Teams (CohortId, Number, FormedAt, Version) VALUES (@cohortId, 1, '2027-01-01', 1); SELECT last_insert_rowid();", new { cohortId });
        await c.ExecuteAsync("UPDATE Participants SET TeamId = @teamId WHERE Id = @id", new { teamId, id });
        var shipmentId = await c.ExecuteScalarAsync<long>(
            """
            INSERT INTO Shipments (ParticipantId, CohortId, Week, Item, DueOn, Status, Version, CreatedAt, UpdatedAt, UpdatedBy)
            VALUES (@id, @cohortId, 0, 'Kit', '2027-01-04', 'Due', 1, '2027-01-04', '2027-01-04', 'seed');
            SELECT last_insert_rowid();
            """, new { id, cohortId });
        var p = await c.QuerySingleAsync<(string FullName, string Email, string EmployeeNumber)>("SELECT FullName, Email, EmployeeNumber FROM Participants WHERE Id = @id", new { id });
        return new Setting(cohortId, id, shipmentId, p.FullName, p.Email, p.EmployeeNumber);
    }

    private static IEnumerable<string> PagesShowing(Setting s) =>
    [
        $"/participants/{s.ParticipantId}",
        $"/cohorts/{s.CohortId}/participants",
        $"/cohorts/{s.CohortId}/teams/1",
        $"/supplies?cohort={s.CohortId}",
        $"/supplies/{s.ShipmentId}",
    ];

    [Theory]
    [InlineData(Roles.BizDev)]
    [InlineData(Roles.Viewer)]
    public async Task BizDev_and_viewers_see_a_pseudonymous_label_and_no_personal_field_on_any_page(string role)
    {
        var s = await CohortWithATeamAndAShipmentAsync($"匿名{role}");
        var reader = await factory.SignedInClientAsync(role);

        foreach (var url in PagesShowing(s))
        {
            var text = (await GetDocumentAsync(reader, url)).Body!.OuterHtml;
            Assert.Contains(ParticipantPrivacy.Pseudonym(s.ParticipantId), text);
            foreach (var personal in new[] { s.Name, s.Email, s.EmployeeNumber, "1977", "ヤマダ", "経理部", s.ParticipantId.ToString("D12") })
            {
                Assert.False(text.Contains(personal, StringComparison.Ordinal), $"{url} shows {personal} to {role}");
            }
        }
    }

    [Fact]
    public async Task Program_cs_sees_who_the_participant_is()
    {
        var s = await CohortWithATeamAndAShipmentAsync("実名");
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);

        foreach (var url in PagesShowing(s))
        {
            Assert.Contains(s.Name, (await GetDocumentAsync(cs, url)).Body!.TextContent);
        }

        var details = (await GetDocumentAsync(cs, $"/participants/{s.ParticipantId}")).Body!.TextContent;
        Assert.Contains(s.Email, details);
        Assert.Contains("1977", details);
    }

    [Fact]
    public async Task A_reader_finds_a_participant_by_label_but_never_by_name_or_e_mail()
    {
        var s = await CohortWithATeamAndAShipmentAsync("検索");
        var viewer = await factory.SignedInClientAsync(Roles.Viewer);
        var row = $"tr[data-participant='{s.ParticipantId}']";

        Assert.Null((await GetDocumentAsync(viewer, $"/participants?q={Uri.EscapeDataString(s.Name)}")).QuerySelector(row));
        Assert.Null((await GetDocumentAsync(viewer, $"/participants?q={Uri.EscapeDataString(s.Email)}")).QuerySelector(row));
        Assert.Empty((await GetDocumentAsync(viewer, $"/cohorts/{s.CohortId}/participants?q={Uri.EscapeDataString(s.Name)}")).QuerySelectorAll("tr[data-participant]"));
        Assert.NotNull((await GetDocumentAsync(viewer, $"/participants?q={ParticipantPrivacy.Pseudonym(s.ParticipantId)}")).QuerySelector(row));
        Assert.NotNull((await GetDocumentAsync(viewer, $"/cohorts/{s.CohortId}/participants?q={ParticipantPrivacy.Pseudonym(s.ParticipantId)}")).QuerySelector(row));
    }

    [Fact]
    public async Task Every_view_of_a_participants_page_is_recorded_and_admin_lists_them_by_participant_and_user()
    {
        var s = await CohortWithATeamAndAShipmentAsync("閲覧記録");
        var other = await CohortWithATeamAndAShipmentAsync("閲覧記録外");
        var (viewer, viewerName) = await factory.SignedInUserAsync(Roles.Viewer);
        var (cs, csName) = await factory.SignedInUserAsync(Roles.ProgramCS);
        await GetDocumentAsync(viewer, $"/participants/{s.ParticipantId}");
        await GetDocumentAsync(cs, $"/participants/{s.ParticipantId}");
        await GetDocumentAsync(cs, $"/participants/{other.ParticipantId}");
        var admin = await factory.SignedInClientAsync(Roles.Admin);

        var views = await GetDocumentAsync(admin, $"/admin/participant-views?participant={ParticipantPrivacy.Pseudonym(s.ParticipantId)}");

        var rows = views.QuerySelectorAll("tr[data-view]").Select(r => r.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => r.Contains(csName) && r.Contains("個人情報あり"));
        Assert.Contains(rows, r => r.Contains(viewerName) && r.Contains("参加者ラベルのみ"));
        var byUser = await GetDocumentAsync(admin, $"/admin/participant-views?user={csName}");
        Assert.Equal(2, byUser.QuerySelectorAll("tr[data-view]").Length);
        Assert.NotNull(byUser.QuerySelector($"tr[data-view] a[href='/participants/{other.ParticipantId}']"));
        Assert.Contains("参加者ラベル", (await GetDocumentAsync(admin, "/admin/participant-views?participant=山田")).QuerySelector(".error-summary")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await cs.GetAsync("/admin/participant-views")).StatusCode);
    }

    [Fact]
    public async Task A_rosters_rows_on_an_import_page_are_only_for_those_who_see_personal_data()
    {
        var (cohortId, _, _) = await EnrollingCohortAsync(factory, "取込閲覧");
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);
        var preview = await UploadAndPreviewAsync(cs, cohortId, "roster.csv", Utf8Csv("社員番号,氏名,メールアドレス", "E1,山田 花子,hanako@example.com"));
        var viewer = await factory.SignedInClientAsync(Roles.Viewer);

        var refused = await viewer.GetAsync($"/cohorts/{cohortId}/imports/{ImportId(preview)}");

        Assert.Contains("/account/accessdenied", refused.Headers.Location!.OriginalString);
        Assert.Null((await GetDocumentAsync(viewer, $"/cohorts/details/{cohortId}")).QuerySelector("a[href*='/imports/']"));
    }
}
