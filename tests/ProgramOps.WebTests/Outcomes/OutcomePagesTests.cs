using System.Diagnostics;
using System.Net;
using System.Text;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using ProgramOps.TestSupport;
using ProgramOps.Web.Features.Outcomes;
using ProgramOps.Web.Infrastructure.Auth;

namespace ProgramOps.WebTests.Outcomes;

public sealed class OutcomePagesTests(ProgramOpsFactory factory) : IClassFixture<ProgramOpsFactory>
{
    /// <summary>The completed test cohort (see <see cref="OutcomeTestCohort"/>) and a key person of its client.</summary>
    private async Task<(OutcomeTestCohort.Built Cohort, int KeyPerson, string Url)> CohortAsync(string tag, ProgramOpsFactory? console = null)
    {
        var db = (console ?? factory).Db;
        var cohort = await OutcomeTestCohort.CreateAsync(db, tag, new DateOnly(2026, 6, 1));
        await using var c = await db.OpenAsync();
        var keyPerson = await c.ExecuteScalarAsync<int>(
            $"INSERT INTO KeyPersons (ClientId, Name, Title, Role, Version, CreatedAt, UpdatedAt, UpdatedBy) VALUES (@ClientId, '山田 花子', '人事部長', 'DecisionMaker', 1, @now, @now, 'seed'); {db.Dialect.SelectNewId}",
            new { cohort.ClientId, now = DateTimeOffset.UtcNow });
        return (cohort, keyPerson, $"/outcomes/{cohort.CohortId}/{cohort.ClientId}");
    }

    private static Task<HttpResponseMessage> IssueAsync(HttpClient client, string url, int keyPerson, string kind = "Final", string language = "ja") =>
        ProgramOpsFactory.PostFormAsync(client, url, new Dictionary<string, string>
        {
            ["Kind"] = kind, ["Language"] = language, ["Recipients"] = keyPerson.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, url + "/issue");

    private async Task<List<string>> AuditActionsAsync(int cohortId)
    {
        await using var c = await factory.Db.OpenAsync();
        return [.. await c.QueryAsync<string>("SELECT Action FROM AuditLog WHERE EntityType = 'Cohort' AND EntityId = @id ORDER BY Id", new { id = cohortId.ToString(System.Globalization.CultureInfo.InvariantCulture) })];
    }

    [Theory]
    [InlineData(Roles.BizDev)]
    [InlineData(Roles.ProgramCS)]
    [InlineData(Roles.Admin)]
    public async Task Report_staff_preview_the_japanese_draft_with_itt_beside_the_labelled_completer_rate_and_it_is_audited(string role)
    {
        var (cohort, _, url) = await CohortAsync($"見{role}");
        var client = await factory.SignedInClientAsync(role);

        var response = await client.GetAsync(url + "/preview");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("成功率（ITT：参加者全員が分母）", html);
        Assert.Contains("42.9% (12/28; 95%信頼区間", html);
        Assert.Contains("修了者ベースの成功率", html);
        Assert.Contains("60.0% (12/20;", html);
        Assert.Contains("<svg", html);
        Assert.Contains("—¹", html);
        // No resource key, figure name or enum name on the Japanese page.
        foreach (var leak in new[] { "funnel.", "stoppedAt.", "Stage.", "FewerThanK", "Complementary", "ActiveWeek", "Doc.", "参加者 " })
            Assert.DoesNotContain(leak, html);
        Assert.Contains("ReportPreviewed", await AuditActionsAsync(cohort.CohortId));
    }

    [Fact]
    public async Task A_viewer_reads_and_downloads_issued_versions_but_may_not_preview_or_issue()
    {
        var (cohort, keyPerson, url) = await CohortAsync("閲覧");
        var bizDev = await factory.SignedInClientAsync(Roles.BizDev);
        await IssueAsync(bizDev, url, keyPerson);
        var viewer = await factory.SignedInClientAsync(Roles.Viewer);

        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync(url + "/versions/1/csv")).StatusCode);
        Assert.StartsWith("/account/accessdenied", (await viewer.GetAsync(url + "/preview")).Headers.Location!.PathAndQuery);
        var issue = await viewer.PostAsync(url + "/issue", new FormUrlEncodedContent(new Dictionary<string, string> { ["Kind"] = "Final" }));
        Assert.True(issue.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest);
        if (issue.StatusCode == HttpStatusCode.Redirect) Assert.StartsWith("/account/accessdenied", issue.Headers.Location!.PathAndQuery);
        Assert.DoesNotContain("/issue", await viewer.GetStringAsync(url));
    }

    [Fact]
    public async Task The_report_page_starts_chromium_while_an_issued_pdf_waits_for_its_first_download()
    {
        // A console of its own: the shared one's chromium may run already, from another test's print.
        await using var console = new ProgramOpsFactory();
        var printer = console.Services.GetRequiredService<PdfPrinter>();
        Assert.SkipUnless(printer.Available, $"chromium is not installed ({PdfPrinter.InstallCommand})");
        var (_, keyPerson, url) = await CohortAsync("暖機", console);
        var bizDev = await console.SignedInClientAsync(Roles.BizDev);
        await IssueAsync(bizDev, url, keyPerson);
        Assert.False(printer.Running);

        await bizDev.GetStringAsync(url);

        var started = Stopwatch.StartNew();
        while (!printer.Running && started.Elapsed < TimeSpan.FromSeconds(90)) await Task.Delay(200, TestContext.Current.CancellationToken);
        Assert.True(printer.Running);
        var pdf = await bizDev.GetAsync(url + "/versions/1/pdf");
        Assert.Equal("%PDF", Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..4]));
    }

    [Fact]
    public async Task Issuing_freezes_a_numbered_version_for_the_key_persons_and_every_document_downloads_audited()
    {
        var (cohort, keyPerson, url) = await CohortAsync("発行");
        var bizDev = await factory.SignedInClientAsync(Roles.BizDev);

        var issued = await IssueAsync(bizDev, url, keyPerson);

        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        var page = await bizDev.GetStringAsync(url);
        Assert.Contains("v1", page);
        Assert.Contains("山田 花子", page);
        var csv = await bizDev.GetAsync(url + "/versions/1/csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var csvText = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        Assert.Contains(",参加者数（アプリ連携済み）,28,", csvText);
        var workbook = await bizDev.GetAsync(url + "/versions/1/xlsx");
        Assert.Equal("PK", Encoding.ASCII.GetString((await workbook.Content.ReadAsByteArrayAsync())[..2]));
        var pdf = await bizDev.GetAsync(url + "/versions/1/pdf");
        if (pdf.StatusCode == HttpStatusCode.OK)
        {
            PrintedPdf.AssertJapaneseEmbeddedAsText(await pdf.Content.ReadAsByteArrayAsync(), "BIZUDPGothic");
        }
        else
        {
            // Without chromium the report page says exactly what to install.
            Assert.Contains(PdfPrinter.InstallCommand, await bizDev.GetStringAsync(url));
        }

        var actions = await AuditActionsAsync(cohort.CohortId);
        Assert.Contains("ReportIssued", actions);
        Assert.True(actions.Count(a => a == "ReportDownloaded") >= 2);
        await using var c = await factory.Db.OpenAsync();
        var figures = await c.ExecuteScalarAsync<string>("SELECT Figures FROM ReportVersions WHERE CohortId = @CohortId", new { cohort.CohortId });
        Assert.Contains("\"funnel.Enrolled\":28", figures);
        // A hidden figure is frozen as null, never with its value.
        Assert.Contains("\"stoppedAt.Invited\":null", figures);
        // The client's activity log has the issue, naming its recipients.
        var logged = await c.QuerySingleAsync<(string Summary, long Recipients)>(
            """
            SELECT a.Summary, (SELECT COUNT(*) FROM ClientActivityPersons p WHERE p.ActivityId = a.Id)
            FROM ClientActivities a
            WHERE a.Kind = 'ReportIssued' AND a.SystemKey = (SELECT 'report:' || CAST(v.Id AS TEXT) FROM ReportVersions v WHERE v.CohortId = @CohortId)
            """, new { cohort.CohortId });
        Assert.EndsWith("v1", logged.Summary);
        Assert.Equal(1, logged.Recipients);
    }

    [Fact]
    public async Task Reissuing_makes_a_new_version_and_the_earlier_one_stays_as_it_was_issued()
    {
        var (cohort, keyPerson, url) = await CohortAsync("再発行");
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);
        await IssueAsync(cs, url, keyPerson);
        var first = await cs.GetStringAsync(url + "/versions/1/html");
        await using (var c = await factory.Db.OpenAsync())
        {
            await c.ExecuteAsync("UPDATE Participants SET Outcome = 'Succeeded' WHERE CohortId = @CohortId AND State = 'Completed'", new { cohort.CohortId });
        }

        await IssueAsync(cs, url, keyPerson, language: "en");

        Assert.Equal(first, await cs.GetStringAsync(url + "/versions/1/html"));
        var second = await cs.GetStringAsync(url + "/versions/2/html");
        Assert.Contains("71.4% (20/28; 95% CI", second);
        Assert.Contains("Issued version 2", second);
    }

    [Fact]
    public async Task A_report_whose_population_differs_from_an_issued_one_by_fewer_than_k_people_is_refused()
    {
        var (cohort, keyPerson, url) = await CohortAsync("差分");
        var bizDev = await factory.SignedInClientAsync(Roles.BizDev);
        await IssueAsync(bizDev, url, keyPerson);
        await TestData.ParticipantsAsync(factory.Db, cohort.CohortId, cohort.ContractId, 2);

        var refused = await IssueAsync(bizDev, url, keyPerson);

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var page = await Clients.ClientPages.GetDocumentAsync(bizDev, url);
        Assert.Contains("発行済みの第1版と2人しか違わず", page.Body!.TextContent);
        Assert.Equal(["1"], page.QuerySelectorAll("td[data-version]").Select(v => v.GetAttribute("data-version")));

        await TestData.ParticipantsAsync(factory.Db, cohort.CohortId, cohort.ContractId, 3);
        await IssueAsync(bizDev, url, keyPerson);
        Assert.Equal(["2", "1"], (await Clients.ClientPages.GetDocumentAsync(bizDev, url)).QuerySelectorAll("td[data-version]").Select(v => v.GetAttribute("data-version")));
    }

    [Fact]
    public async Task The_cohort_becomes_reported_only_once_its_client_has_an_issued_final_report()
    {
        var (cohort, keyPerson, url) = await CohortAsync("報告済");
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);
        var cohortPage = $"/cohorts/details/{cohort.CohortId}";
        Assert.Contains("最終成果レポートを発行する必要があります", await cs.GetStringAsync(cohortPage));

        await IssueAsync(cs, url, keyPerson, kind: "Interim");
        Assert.Contains("最終成果レポートを発行する必要があります", await cs.GetStringAsync(cohortPage));

        await IssueAsync(cs, url, keyPerson);
        var page = await cs.GetStringAsync(cohortPage);
        Assert.DoesNotContain("最終成果レポートを発行する必要があります", page);
        Assert.Contains(url, page);
    }
}
