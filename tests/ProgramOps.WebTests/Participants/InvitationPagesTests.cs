using System.Net;
using System.Text;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using ProgramOps.TestSupport;
using ProgramOps.Web.Features.Participants.Invitations;
using ProgramOps.Web.Infrastructure.Auth;
using ProgramOps.WebTests.Outcomes;
using static ProgramOps.WebTests.Clients.ClientPages;
using static ProgramOps.WebTests.Imports.ImportPages;

namespace ProgramOps.WebTests.Participants;

/// <summary>After a roster is enrolled, staff hand the client letters and codes, see who has not linked, and export reminders; all audited.</summary>
public sealed class InvitationPagesTests(ProgramOpsFactory factory) : IClassFixture<ProgramOpsFactory>
{
    private async Task<(int CohortId, IReadOnlyList<long> People)> InvitedAsync(string tag)
    {
        var (cohortId, contractId, _) = await EnrollingCohortAsync(factory, tag);
        var people = await TestData.ParticipantsAsync(factory.Db, cohortId, contractId, 4);
        await using var c = await factory.Db.OpenAsync();
        // One linked the app; one has a name that starts like a spreadsheet formula; two were invited ten days ago.
        await c.ExecuteAsync("UPDATE Participants SET State = 'Enrolled' WHERE Id = @id", new { id = people[0] });
        await c.ExecuteAsync("UPDATE Participants SET FullName = '=HYPERLINK(\"x\")' WHERE Id = @id", new { id = people[1] });
        await c.ExecuteAsync("UPDATE Participants SET CreatedAt = @tenDaysAgo WHERE Id IN @ids", new { tenDaysAgo = DateTimeOffset.UtcNow.AddDays(-10), ids = people.Skip(2) });
        return (cohortId, people);
    }

    private async Task<List<string>> AuditActionsAsync(int cohortId)
    {
        await using var c = await factory.Db.OpenAsync();
        return [.. await c.QueryAsync<string>("SELECT Action FROM AuditLog WHERE EntityType = 'Cohort' AND EntityId = @id", new { id = cohortId.ToString() })];
    }

    [Fact]
    public async Task The_codes_csv_holds_everyone_still_invited_with_formulas_neutralised_and_its_download_is_audited()
    {
        var (cohortId, people) = await InvitedAsync("招待コード");
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);
        var url = $"/cohorts/{cohortId}/invitations";
        var page = await GetDocumentAsync(cs, url);
        Assert.Equal("3", page.QuerySelector("[data-invited]")!.GetAttribute("data-invited"));
        Assert.Equal("2027-01-11".Length, page.QuerySelector("[data-expiry]")!.GetAttribute("data-expiry")!.Length);

        var response = await PostAsync(cs, $"{url}?handler=Codes", FormFields(page, formSelector: "form[action*='handler=Codes']"));

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var csv = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("employee_number,name,kana,email,department,invitation_code,expires_on", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.DoesNotContain(lines, l => l.Contains($"T{people[0]},"));
        Assert.Contains(lines, l => l.Contains("\"'=HYPERLINK(\"\"x\"\")\""));
        Assert.Contains(lines, l => l.Contains(people[2].ToString("D12")[..4] + "-"));
        Assert.Contains("InvitationCodesDownloaded", await AuditActionsAsync(cohortId));
    }

    [Fact]
    public async Task Those_not_linked_after_n_days_are_listed_and_exported_for_a_reminder()
    {
        var (cohortId, people) = await InvitedAsync("リマインド");
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);
        var url = $"/cohorts/{cohortId}/invitations?days=7";

        var page = await GetDocumentAsync(cs, url);

        Assert.Equal([people[2].ToString(), people[3].ToString()], page.QuerySelectorAll("tr[data-participant]").Select(r => r.GetAttribute("data-participant")!));
        Assert.Contains("10 日前", page.QuerySelector($"tr[data-participant='{people[2]}']")!.TextContent);
        var response = await PostAsync(cs, $"/cohorts/{cohortId}/invitations?handler=Reminders&days=7", FormFields(page, formSelector: "form[action*='handler=Reminders']"));
        var csv = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(3, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains(",10,", csv);
        Assert.Contains("InvitationRemindersDownloaded", await AuditActionsAsync(cohortId));
        Assert.Contains("11 日以上未連携の人はいません", (await GetDocumentAsync(cs, $"/cohorts/{cohortId}/invitations?days=11")).Body!.TextContent);
    }

    [Fact]
    public async Task Letters_are_one_japanese_a4_page_per_person_with_code_steps_and_expiry_and_print_as_a_pdf()
    {
        var (cohortId, people) = await InvitedAsync("招待状");
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);
        var url = $"/cohorts/{cohortId}/invitations";
        var page = await GetDocumentAsync(cs, url);

        string html;
        using (var scope = factory.Services.CreateScope())
        {
            await using var c = await factory.Db.OpenAsync();
            var cohort = await c.QuerySingleAsync<InvitingCohort>(InvitationsSql.Cohort, new { CohortId = cohortId });
            var invited = (await c.QueryAsync<Invitee>(InvitationsSql.Invited, new { CohortId = cohortId, ClientId = (int?)null, InvitedBefore = DateTimeOffset.UtcNow })).ToList();
            html = await scope.ServiceProvider.GetRequiredService<InvitationFiles>().LettersHtmlAsync(cohort, invited);
        }

        var letters = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelectorAll("section.letter");
        Assert.Equal(3, letters.Length);
        Assert.Contains("size: A4", html);
        var third = letters.Single(l => l.GetAttribute("data-letter") == people[2].ToString()).TextContent;
        Assert.Contains($"参加者 {people[2]} 様", third);
        Assert.Contains("参加コード", third);
        Assert.Contains("App Store", third);
        Assert.Contains("までにアプリで連携してください", third);

        var pdf = await PostAsync(cs, $"{url}?handler=Letters", FormFields(page, formSelector: "form[action*='handler=Letters']"));
        if (pdf.StatusCode == HttpStatusCode.OK)
        {
            var printed = await pdf.Content.ReadAsByteArrayAsync();
            PrintedPdf.AssertJapaneseEmbeddedAsText(printed, "BIZUDPGothic");
            PrintedPdf.AssertJapaneseEmbeddedAsText(printed, "BIZUDGothic");
            Assert.Contains("InvitationLettersDownloaded", await AuditActionsAsync(cohortId));
        }
        else
        {
            Assert.Contains(Web.Features.Outcomes.PdfPrinter.InstallCommand, (await ReadDocumentAsync(pdf)).QuerySelector(".error-summary")!.TextContent);
        }
    }

    [Fact]
    public async Task The_cohort_page_links_those_who_run_cohorts_to_the_invitations()
    {
        var (cohortId, _, _) = await EnrollingCohortAsync(factory, "招待リンク");
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);
        await UploadAndPreviewAsync(cs, cohortId, "roster.csv", Utf8Csv("社員番号,氏名,メールアドレス", "E1,山田 花子,hanako@example.com"));

        var cohort = await GetDocumentAsync(cs, $"/cohorts/details/{cohortId}");

        Assert.Equal($"/cohorts/{cohortId}/invitations", cohort.QuerySelector("a[data-invitations]")!.GetAttribute("href"));
        Assert.Null((await GetDocumentAsync(await factory.SignedInClientAsync(Roles.Viewer), $"/cohorts/details/{cohortId}")).QuerySelector("a[data-invitations]"));
    }
}
