using System.Globalization;
using System.Net;
using Dapper;
using ProgramOps.TestSupport;
using ProgramOps.Web.Features.Cohorts.Imports;
using ProgramOps.Web.Infrastructure.Auth;
using static ProgramOps.WebTests.Clients.ClientPages;
using static ProgramOps.WebTests.Imports.ImportPages;

namespace ProgramOps.WebTests.Imports;

public sealed class RosterImportPagesTests(ProgramOpsFactory factory) : IClassFixture<ProgramOpsFactory>
{
    [Fact]
    public async Task A_CP932_roster_is_previewed_with_every_bad_row_then_committed_as_invited_participants()
    {
        var (cohortId, _, _) = await EnrollingCohortAsync(factory, "プレビュー");
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);
        var file = ShiftJis.GetBytes(string.Join("\r\n",
            RosterHeader,
            "Ａ００１,山田 太郎,やまだ たろう,taro@example.co.jp,営業部,1980",
            "A002,佐藤 花子,サトウ ハナコ,hanako@example,総務部,1975",
            "A001,鈴木 一郎,スズキ イチロウ,ichiro@example.co.jp,営業部,1990",
            "A003,\"高橋, 次郎\",タカハシ ジロウ,jiro@example.co.jp,\"開発部\r\n第二課\",1985") + "\r\n");

        var preview = await UploadAndPreviewAsync(cs, cohortId, "社員名簿.csv", file);

        Assert.Equal("Previewed", Status(preview));
        Assert.Equal(("4", "2", "2"), (Count(preview, "read"), Count(preview, "valid"), Count(preview, "invalid")));
        var problems = preview.QuerySelectorAll("table.problems-table tbody tr").Select(r => r.TextContent).ToList();
        Assert.Collection(problems,
            row => Assert.Contains("hanako@example", row),
            row => Assert.Contains("A001 は 2 行目にもあります", row));
        Assert.Contains("Shift_JIS", preview.QuerySelector("dl.facts")!.TextContent);

        var committed = await PostAsync(cs, $"/cohorts/{cohortId}/imports/{ImportId(preview)}?handler=Commit",
            FormFields(preview, formSelector: "form[action*='handler=Commit']"));
        Assert.Equal(HttpStatusCode.Redirect, committed.StatusCode);
        var done = await WaitForWorkerAsync(cs, committed.Headers.Location!.OriginalString);

        Assert.Equal("Committed", Status(done));
        await using var c = await factory.Db.OpenAsync();
        var participants = (await c.QueryAsync<(string EmployeeNumber, string FullName, string Department, string State, string InvitationCode)>(
            "SELECT EmployeeNumber, FullName, Department, State, InvitationCode FROM Participants WHERE CohortId = @cohortId ORDER BY EmployeeNumber", new { cohortId })).ToList();
        Assert.Equal(["A001", "A003"], participants.Select(p => p.EmployeeNumber));
        Assert.Equal("高橋, 次郎", participants[1].FullName);
        Assert.Equal("開発部 第二課", participants[1].Department);
        Assert.All(participants, p => Assert.Equal("Invited", p.State));
        Assert.All(participants, p => Assert.Matches("^[2-9A-HJKMNP-Z]{12}$", p.InvitationCode));
        // The stored file goes once it is committed (other tests' previews in this database keep theirs).
        Assert.Equal(0, await c.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM RosterImportChunks k JOIN RosterImports i ON i.Id = k.ImportId WHERE i.CohortId = @cohortId", new { cohortId }));
    }

    [Fact]
    public async Task The_same_file_uploaded_again_is_refused_and_nobody_is_enrolled_twice()
    {
        var (cohortId, _, _) = await EnrollingCohortAsync(factory, "二重");
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);
        var file = Utf8Csv(RosterHeader, "B001,田中 一,タナカ ハジメ,hajime@example.com,人事部,1970");
        var preview = await UploadAndPreviewAsync(cs, cohortId, "roster.csv", file);
        await WaitForWorkerAsync(cs, (await PostAsync(cs, $"/cohorts/{cohortId}/imports/{ImportId(preview)}?handler=Commit",
            FormFields(preview, formSelector: "form[action*='handler=Commit']"))).Headers.Location!.OriginalString);

        var again = await UploadAsync(cs, cohortId, "roster-copy.csv", file);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("すでにこのコホートにアップロードされています", (await ReadDocumentAsync(again)).QuerySelector("[data-valmsg-for='Roster']")!.TextContent);
        var edited = await UploadAndPreviewAsync(cs, cohortId, "roster-edited.csv", Utf8Csv(RosterHeader, "B001,田中 一,タナカ ハジメ,hajime@example.com,人事部,1971"));
        Assert.Equal("0", Count(edited, "valid"));
        Assert.Contains("すでにこのコホートの参加者です", edited.QuerySelector("table.problems-table")!.TextContent);
        await using var c = await factory.Db.OpenAsync();
        Assert.Equal(1, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM Participants WHERE CohortId = @cohortId", new { cohortId }));
    }

    [Fact]
    public async Task Rows_beyond_the_contracts_seats_are_over_capacity()
    {
        var (cohortId, _, _) = await EnrollingCohortAsync(factory, "定員", capacity: 2);
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);

        var preview = await UploadAndPreviewAsync(cs, cohortId, "roster.csv", Utf8Csv(RosterHeader,
            "C001,一 太郎,,c1@example.com,,", "C002,二 太郎,,c2@example.com,,", "C003,三 太郎,,c3@example.com,,"));

        Assert.Equal(("2", "1"), (Count(preview, "valid"), Count(preview, "invalid")));
        Assert.Contains("定員超過", preview.QuerySelector("table.problems-table tbody tr")!.TextContent);
    }

    [Fact]
    public async Task A_commit_that_fails_midway_keeps_its_whole_slices_and_finishes_from_where_it_stopped_saying_what_changed_meanwhile()
    {
        const int rows = RosterSlices.MaxRowsPerSlice + 5_000, failingLine = RosterSlices.MaxRowsPerSlice + 2_000;
        var (cohortId, _, _) = await EnrollingCohortAsync(factory, "中断", capacity: rows);
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);
        var preview = await UploadAndPreviewAsync(cs, cohortId, "large.csv",
            Utf8Csv([RosterHeader, .. Enumerable.Range(1, rows).Select(i => $"D{i:00000},社員 {i},,d{i}@example.com,部署{i % 7},1980")]));
        await using (var c = await factory.Db.OpenAsync())
        {
            // The database refuses a participant past the first slice, as a full disk would stop the commit (line 1 is the header).
            await c.ExecuteAsync($"CREATE TRIGGER StopImport BEFORE INSERT ON Participants WHEN NEW.ImportLine = {failingLine} BEGIN SELECT RAISE(ABORT, 'disk full'); END");
        }

        var failed = await WaitForWorkerAsync(cs, (await PostAsync(cs, $"/cohorts/{cohortId}/imports/{ImportId(preview)}?handler=Commit",
            FormFields(preview, formSelector: "form[action*='handler=Commit']"))).Headers.Location!.OriginalString);

        Assert.Equal("Previewed", Status(failed));
        Assert.Equal("Unexpected", failed.QuerySelector("[data-notice]")!.GetAttribute("data-notice"));
        Assert.Null(failed.QuerySelector("form[action*='handler=Discard']"));
        Assert.Null(failed.QuerySelector("a[href$='/columns']"));
        await using (var c = await factory.Db.OpenAsync())
        {
            // Whole slices stay (one or more: a slice also ends early when another writer waits), up to the recorded line.
            var (enrolled, lastLine, throughLine) = await c.QuerySingleAsync<(int, int, int)>(
                "SELECT COUNT(*), MAX(p.ImportLine), MAX(i.CommittedThroughLine) FROM Participants p JOIN RosterImports i ON i.Id = p.ImportId WHERE p.CohortId = @cohortId", new { cohortId });
            Assert.InRange(enrolled, 1, failingLine - 2);
            Assert.Equal(enrolled.ToString(CultureInfo.InvariantCulture), failed.QuerySelector("[data-partly-enrolled]")!.GetAttribute("data-partly-enrolled"));
            Assert.True(lastLine <= throughLine && throughLine < failingLine);
            await c.ExecuteAsync("DROP TRIGGER StopImport");
            // Meanwhile the contract gives the cohort one seat fewer: the last row cannot be enrolled any more.
            await c.ExecuteAsync("UPDATE CohortContracts SET Capacity = Capacity - 1 WHERE CohortId = @cohortId", new { cohortId });
        }

        // Enrolled people cannot be discarded with their file, even by a hand-made request with the current version.
        var discard = await PostAsync(cs, $"/cohorts/{cohortId}/imports/{ImportId(failed)}?handler=Discard", FormFields(failed, formSelector: "form[action*='handler=Commit']"));
        Assert.Equal(HttpStatusCode.OK, discard.StatusCode);
        Assert.Equal("Previewed", Status(await GetDocumentAsync(cs, $"/cohorts/{cohortId}/imports/{ImportId(failed)}")));
        var retried = await WaitForWorkerAsync(cs, (await PostAsync(cs, $"/cohorts/{cohortId}/imports/{ImportId(failed)}?handler=Commit",
            FormFields(failed, formSelector: "form[action*='handler=Commit']"))).Headers.Location!.OriginalString);
        Assert.Equal("Committed", Status(retried));
        Assert.StartsWith((rows - 1).ToString("N0", CultureInfo.InvariantCulture) + " ", Count(retried, "imported"));
        var notice = retried.QuerySelector("[data-notice]")!;
        Assert.Equal("ChangedDuringCommit", notice.GetAttribute("data-notice"));
        Assert.Contains("1 行は登録されませんでした", notice.TextContent);
        Assert.NotNull(retried.QuerySelector("[data-download='problems']"));
        await using var after = await factory.Db.OpenAsync();
        Assert.Equal((rows - 1, rows - 1), await after.QuerySingleAsync<(int, int)>(
            "SELECT COUNT(*), COUNT(DISTINCT EmployeeNumber) FROM Participants WHERE CohortId = @cohortId", new { cohortId }));
        Assert.Equal("OverCapacity", await after.QuerySingleAsync<string>(
            "SELECT p.Problem FROM RosterImportProblems p JOIN RosterImports i ON i.Id = p.ImportId WHERE i.CohortId = @cohortId AND p.Line = @line",
            new { cohortId, line = rows + 1 }));
    }

    [Fact]
    public async Task A_commit_after_others_enrolled_the_same_people_writes_nothing_and_checks_the_file_again()
    {
        var (cohortId, _, _) = await EnrollingCohortAsync(factory, "再チェック");
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);
        var first = await UploadAndPreviewAsync(cs, cohortId, "first.csv", Utf8Csv(RosterHeader, "R001,一 太郎,,r1@example.com,,", "R002,二 太郎,,r2@example.com,,"));
        var second = await UploadAndPreviewAsync(cs, cohortId, "second.csv", Utf8Csv(RosterHeader, "R002,二 太郎,,r2@example.com,,", "R003,三 太郎,,r3@example.com,,"));
        Assert.Equal("2", Count(second, "valid"));
        await WaitForWorkerAsync(cs, (await PostAsync(cs, $"/cohorts/{cohortId}/imports/{ImportId(first)}?handler=Commit",
            FormFields(first, formSelector: "form[action*='handler=Commit']"))).Headers.Location!.OriginalString);

        var rechecked = await WaitForWorkerAsync(cs, (await PostAsync(cs, $"/cohorts/{cohortId}/imports/{ImportId(second)}?handler=Commit",
            FormFields(second, formSelector: "form[action*='handler=Commit']"))).Headers.Location!.OriginalString);

        Assert.Equal("Previewed", Status(rechecked));
        Assert.Equal("ChangedSincePreview", rechecked.QuerySelector("[data-notice]")!.GetAttribute("data-notice"));
        Assert.Equal(("1", "1"), (Count(rechecked, "valid"), Count(rechecked, "invalid")));
        await using var c = await factory.Db.OpenAsync();
        Assert.Equal(["R001", "R002"], await c.QueryAsync<string>("SELECT EmployeeNumber FROM Participants WHERE CohortId = @cohortId ORDER BY EmployeeNumber", new { cohortId }));
    }

    [Fact]
    public async Task Unknown_headers_go_through_the_mapping_step()
    {
        var (cohortId, _, _) = await EnrollingCohortAsync(factory, "対応付け");
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);
        var needsMapping = await UploadAndPreviewAsync(cs, cohortId, "export.csv", Utf8Csv("No,Nom,Courriel,Bureau", "E01,山本 五郎,goro@example.com,経理部"));
        Assert.Equal("NeedsMapping", Status(needsMapping));
        var columnsUrl = $"/cohorts/{cohortId}/imports/{needsMapping.QuerySelector("a[href$='/columns']")!.GetAttribute("href")!.Split('/')[4]}/columns";
        var form = await GetDocumentAsync(cs, columnsUrl);

        var incomplete = await PostAsync(cs, columnsUrl, FormFields(form, new Dictionary<string, string> { ["Choices[0]"] = "EmployeeNumber" }));
        Assert.Contains("「氏名」の列を選んでください", (await ReadDocumentAsync(incomplete)).QuerySelector(".error-summary")!.TextContent);

        var mapped = await PostAsync(cs, columnsUrl, FormFields(form, new Dictionary<string, string>
        {
            ["Choices[0]"] = "EmployeeNumber", ["Choices[1]"] = "Name", ["Choices[2]"] = "Email", ["Choices[3]"] = "Department",
        }));
        var preview = await WaitForWorkerAsync(cs, mapped.Headers.Location!.OriginalString);
        Assert.Equal(("Previewed", "1"), (Status(preview), Count(preview, "valid")));
    }

    [Fact]
    public async Task A_file_that_is_not_text_in_the_chosen_encoding_fails_naming_the_line()
    {
        var (cohortId, _, _) = await EnrollingCohortAsync(factory, "文字コード");
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);
        var file = ShiftJis.GetBytes(RosterHeader + "\r\nF01,森 六郎,モリ ロクロウ,roku@example.com,製造部,1982\r\n");

        var failed = await UploadAndPreviewAsync(cs, cohortId, "sjis.csv", file, encoding: "Utf8");

        Assert.Equal("Failed", Status(failed));
        Assert.Contains("1 行目が UTF-8 として読めません", failed.QuerySelector("[data-notice]")!.TextContent);
    }

    [Fact]
    public async Task Viewers_see_imports_but_cannot_upload()
    {
        var (cohortId, _, _) = await EnrollingCohortAsync(factory, "閲覧");
        var viewer = await factory.SignedInClientAsync(Roles.Viewer);

        var response = await viewer.GetAsync($"/cohorts/{cohortId}/imports/new");

        Assert.StartsWith("/account/accessdenied", response.Headers.Location!.PathAndQuery);
    }
}
