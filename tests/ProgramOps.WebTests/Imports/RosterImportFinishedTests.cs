using System.Net;
using System.Text;
using Dapper;
using ProgramOps.TestSupport;
using ProgramOps.Web.Infrastructure.Auth;
using static ProgramOps.WebTests.Clients.ClientPages;
using static ProgramOps.WebTests.Imports.ImportPages;

namespace ProgramOps.WebTests.Imports;

/// <summary>The roster import as staff finish it (issue 15): problems that name people and go back to the client, warnings, the people to enrol, templates.</summary>
public sealed class RosterImportFinishedTests(ProgramOpsFactory factory) : IClassFixture<ProgramOpsFactory>
{
    [Fact]
    public async Task Problems_name_the_person_and_a_bad_optional_value_is_a_warning_that_keeps_the_row()
    {
        var (cohortId, _, _) = await EnrollingCohortAsync(factory, "警告");
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);
        var preview = await UploadAndPreviewAsync(cs, cohortId, "名簿.csv", Utf8Csv(RosterHeader,
            "W001,山田 太郎,ヤマダ タロウ,taro@example.com,営業部,S55",
            "W002,佐藤 花子,サトウ ハナコ,hanako..sato@example.com,総務部,1975"));

        Assert.Equal(("1", "1", "1"), (Count(preview, "valid"), Count(preview, "invalid"), Count(preview, "warnings")));
        var rows = preview.QuerySelectorAll("table.problems-table tbody tr").ToList();
        Assert.Collection(rows,
            warning =>
            {
                Assert.Equal("true", warning.GetAttribute("data-warning"));
                Assert.Contains("W001", warning.TextContent);
                Assert.Contains("山田 太郎", warning.TextContent);
                Assert.Contains("値を除いて取り込む", warning.TextContent);
            },
            error =>
            {
                Assert.Equal("false", error.GetAttribute("data-warning"));
                Assert.Contains("佐藤 花子", error.TextContent);
                Assert.Contains("取り込まない", error.TextContent);
            });

        var committed = await PostAsync(cs, $"/cohorts/{cohortId}/imports/{ImportId(preview)}?handler=Commit",
            FormFields(preview, formSelector: "form[action*='handler=Commit']"));
        Assert.Equal("Committed", Status(await WaitForWorkerAsync(cs, committed.Headers.Location!.OriginalString)));
        await using var c = await factory.Db.OpenAsync();
        var (number, birthYear, department) = await c.QuerySingleAsync<(string, int?, string)>(
            "SELECT EmployeeNumber, BirthYear, Department FROM Participants WHERE CohortId = @cohortId", new { cohortId });
        Assert.Equal(("W001", (int?)null, "営業部"), (number, birthYear, department));
    }

    [Fact]
    public async Task The_problems_download_in_the_files_encoding_with_formulas_neutralised()
    {
        var (cohortId, _, _) = await EnrollingCohortAsync(factory, "差し戻し");
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);
        var preview = await UploadAndPreviewAsync(cs, cohortId, "roster.csv", ShiftJis.GetBytes(string.Join("\r\n", RosterHeader,
            "X001,=cmd|' /C calc'!A0,ヤマダ,not-an-address,営業部,1980",
            "X002,髙橋 一郎,タカハシ,ichiro@example.com,営業部,1980") + "\r\n"));
        var link = preview.QuerySelector("a[data-download='problems']")!.GetAttribute("href")!;

        var response = await cs.GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("shift_jis", response.Content.Headers.ContentType!.CharSet);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.False(bytes.AsSpan().StartsWith(Encoding.UTF8.GetPreamble()));
        var text = ShiftJis.GetString(bytes);
        Assert.StartsWith("行,社員番号,氏名,", text);
        Assert.Contains("'=cmd|", text);
        Assert.Contains("X001", text);
        Assert.Contains("not-an-address", text);

        var viewer = await factory.SignedInClientAsync(Roles.Viewer);
        Assert.NotEqual(HttpStatusCode.OK, (await viewer.GetAsync(link)).StatusCode);
    }

    [Fact]
    public async Task The_preview_lists_the_people_to_enrol_page_by_page()
    {
        var (cohortId, _, _) = await EnrollingCohortAsync(factory, "一覧", capacity: 120);
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);
        var rows = Enumerable.Range(1, 120).Select(i => $"P{i:000},社員 {i},,p{i}@example.com,部署{i % 7},1980");
        var preview = await UploadAndPreviewAsync(cs, cohortId, "people.csv", Utf8Csv([RosterHeader, "P000,,,,,", .. rows]));

        Assert.Equal("120", Count(preview, "valid"));
        var first = preview.QuerySelectorAll("table.people-table tbody tr").Select(r => r.GetAttribute("data-person-line")).ToList();
        Assert.Equal(Enumerable.Range(3, 50).Select(l => l.ToString()), first);

        var third = await GetDocumentAsync(cs, $"/cohorts/{cohortId}/imports/{ImportId(preview)}?peoplePage=3");
        var lines = third.QuerySelectorAll("table.people-table tbody tr").Select(r => r.GetAttribute("data-person-line")).ToList();
        Assert.Equal(Enumerable.Range(103, 20).Select(l => l.ToString()), lines);
        Assert.Contains("社員 120", third.QuerySelector("table.people-table")!.TextContent);

        var beyond = await cs.GetAsync($"/cohorts/{cohortId}/imports/{ImportId(preview)}?peoplePage=999999999");
        Assert.Equal(HttpStatusCode.OK, beyond.StatusCode);
    }

    [Theory]
    [InlineData("Utf8")]
    [InlineData("ShiftJis")]
    public async Task Templates_download_from_the_upload_page_and_read_back_as_a_complete_header(string encoding)
    {
        var (cohortId, _, _) = await EnrollingCohortAsync(factory, "雛形" + encoding);
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);
        var upload = await GetDocumentAsync(cs, $"/cohorts/{cohortId}/imports/new");
        var link = upload.QuerySelectorAll("[data-templates] a").Select(a => a.GetAttribute("href")!).Single(h => h.Contains("encoding=" + encoding));

        var bytes = await cs.GetByteArrayAsync(link, TestContext.Current.CancellationToken);

        var text = encoding == "Utf8" ? Encoding.UTF8.GetString(bytes[3..]) : ShiftJis.GetString(bytes);
        Assert.Equal(encoding == "Utf8", bytes.AsSpan().StartsWith(Encoding.UTF8.GetPreamble()));
        Assert.Equal(RosterHeader + "\r\n", text);
    }
}
