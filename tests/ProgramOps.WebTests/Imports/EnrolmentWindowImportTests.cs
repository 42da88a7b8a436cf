using System.Net;
using Dapper;
using ProgramOps.TestSupport;
using ProgramOps.Web.Features.Programs;
using ProgramOps.Web.Infrastructure.Auth;
using static ProgramOps.WebTests.Clients.ClientPages;
using static ProgramOps.WebTests.Imports.ImportPages;

namespace ProgramOps.WebTests.Imports;

/// <summary>The enrolment window on the import pages: closed windows, late joiners until the program's cut-off, and a window that closes before the commit.</summary>
public sealed class EnrolmentWindowImportTests(ProgramOpsFactory factory) : IClassFixture<ProgramOpsFactory>
{
    private const string Header = "社員番号,氏名,フリガナ,メールアドレス,部署,生年";

    /// <summary>Moves the cohort to <paramref name="status"/> with its window closing and its start on the given days, its program taking late joiners until the end of <paramref name="lateJoinersUntilWeek"/>.</summary>
    private async Task<int> CohortAsync(string tag, string status, DateOnly closes, DateOnly start, int? lateJoinersUntilWeek)
    {
        var (cohortId, _, _) = await EnrollingCohortAsync(factory, tag);
        await SetAsync(cohortId, status, closes, start, lateJoinersUntilWeek);
        return cohortId;
    }

    private async Task SetAsync(int cohortId, string status, DateOnly closes, DateOnly start, int? lateJoinersUntilWeek)
    {
        await using var c = await factory.Db.OpenAsync();
        await c.ExecuteAsync("UPDATE Cohorts SET Status = @status, EnrolmentOpens = @opens, EnrolmentCloses = @closes, StartDate = @start WHERE Id = @cohortId",
            new { status, opens = closes.AddDays(-21), closes, start, cohortId });
        var versionId = await c.ExecuteScalarAsync<int>("SELECT ProgramVersionId FROM Cohorts WHERE Id = @cohortId", new { cohortId });
        var definition = ProgramDefinitionJson.Deserialize(await c.ExecuteScalarAsync<string>("SELECT Definition FROM ProgramVersions WHERE Id = @versionId", new { versionId }) ?? "");
        await c.ExecuteAsync("UPDATE ProgramVersions SET Definition = @json WHERE Id = @versionId",
            new { json = ProgramDefinitionJson.Serialize(definition with { LateJoinersUntilWeek = lateJoinersUntilWeek }), versionId });
    }

    private async Task<int> ParticipantsAsync(int cohortId)
    {
        await using var c = await factory.Db.OpenAsync();
        return await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM Participants WHERE CohortId = @cohortId", new { cohortId });
    }

    [Fact]
    public async Task After_the_window_closes_a_program_without_late_joiners_refuses_the_roster_naming_the_day_in_both_languages()
    {
        var closes = TokyoCalendar.Today.AddDays(-1);
        var cohortId = await CohortAsync("締切後", "Enrolling", closes, closes.AddDays(11), lateJoinersUntilWeek: null);
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);

        var ja = await GetDocumentAsync(cs, $"/cohorts/{cohortId}/imports/new");
        var en = await GetDocumentAsync(cs, $"/cohorts/{cohortId}/imports/new?culture=en&ui-culture=en");
        var upload = await UploadAsync(cs, cohortId, "late.csv", Utf8Csv(Header, "W001,遅刻 太郎,チコク タロウ,late@example.com,営業部,1980"));

        Assert.Contains($"募集期間は {closes:yyyy-MM-dd} に終了しました。このプログラムのバージョンは途中参加を受け付けない", ja.QuerySelector("[data-refusal='WindowClosed']")!.TextContent);
        Assert.Contains($"The enrolment window closed on {closes:yyyy-MM-dd}, and this program version takes no late joiners", en.QuerySelector("[data-refusal]")!.TextContent);
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        Assert.Contains("途中参加を受け付けない", (await ReadDocumentAsync(upload)).QuerySelector(".error-summary")!.TextContent);
        Assert.Equal(0, await ParticipantsAsync(cohortId));
    }

    [Fact]
    public async Task A_running_cohort_takes_late_joiners_until_the_end_of_week_1_and_not_a_day_later()
    {
        var today = TokyoCalendar.Today;
        var cohortId = await CohortAsync("途中参加", "Running", today.AddDays(-20), today.AddDays(-6), lateJoinersUntilWeek: 1);
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);

        var open = await GetDocumentAsync(cs, $"/cohorts/{cohortId}/imports/new");
        var accepted = await UploadAndPreviewAsync(cs, cohortId, "week1.csv", Utf8Csv(Header, "L001,途中 一,トチュウ ハジメ,hajime.late@example.com,営業部,1980"));
        Assert.Null(open.QuerySelector("[data-refusal]"));
        Assert.Contains($"途中参加は {today:yyyy-MM-dd} まで", open.QuerySelector("[data-window]")!.TextContent);
        Assert.Equal("Previewed", Status(accepted));

        await SetAsync(cohortId, "Running", today.AddDays(-21), today.AddDays(-7), lateJoinersUntilWeek: 1);
        var refused = await UploadAsync(cs, cohortId, "week2.csv", Utf8Csv(Header, "L002,途中 二,トチュウ ジ,ji.late@example.com,営業部,1981"));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains($"途中参加の受付も {today.AddDays(-1):yyyy-MM-dd} までだった", (await ReadDocumentAsync(refused)).QuerySelector(".error-summary")!.TextContent);
    }

    [Fact]
    public async Task A_window_that_closes_between_preview_and_commit_enrols_nobody_and_says_why()
    {
        var today = TokyoCalendar.Today;
        var cohortId = await CohortAsync("確定前締切", "Enrolling", today, today.AddDays(14), lateJoinersUntilWeek: null);
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);
        var preview = await UploadAndPreviewAsync(cs, cohortId, "roster.csv", Utf8Csv(Header, "M001,期限 花子,キゲン ハナコ,hanako.kigen@example.com,総務部,1985"));
        Assert.Equal("1", Count(preview, "valid"));

        await SetAsync(cohortId, "Enrolling", today.AddDays(-1), today.AddDays(14), lateJoinersUntilWeek: null);
        var committed = await PostAsync(cs, $"/cohorts/{cohortId}/imports/{ImportId(preview)}?handler=Commit", FormFields(preview, formSelector: "form[action*='handler=Commit']"));
        var done = await WaitForWorkerAsync(cs, committed.Headers.Location!.OriginalString);

        Assert.Equal("Failed", Status(done));
        Assert.Contains($"募集期間が {today.AddDays(-1):yyyy-MM-dd} に終了し", done.QuerySelector("[data-notice='EnrolmentWindowClosed']")!.TextContent);
        Assert.Equal(0, await ParticipantsAsync(cohortId));
    }
}
