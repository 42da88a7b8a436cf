using System.Net;
using System.Text;
using ProgramOps.TestSupport;
using ProgramOps.Web.Infrastructure.Auth;
using static ProgramOps.WebTests.Clients.ClientPages;
using static ProgramOps.WebTests.Imports.ImportPages;

namespace ProgramOps.WebTests.Imports;

/// <summary>Files built to hurt (issue 17.6): refused naming the line, and no page echoes more than a little of them.</summary>
public sealed class RosterImportHostileFileTests(ProgramOpsFactory factory) : IClassFixture<ProgramOpsFactory>
{
    private const int PageBound = 100 * 1024;

    [Fact]
    public async Task A_60_MB_one_line_file_fails_naming_line_1_on_a_page_of_a_few_kilobytes()
    {
        var (cohortId, _, _) = await EnrollingCohortAsync(factory, "巨大行");
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);
        var file = new byte[60 * 1024 * 1024];
        Array.Fill(file, (byte)'a');

        var uploaded = await UploadAsync(cs, cohortId, "one-line.csv", file);
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var importUrl = uploaded.Headers.Location!.OriginalString;
        var failed = await WaitForWorkerAsync(cs, importUrl);

        Assert.Equal("Failed", Status(failed));
        Assert.Equal("LineTooLong", failed.QuerySelector("[data-notice]")!.GetAttribute("data-notice"));
        Assert.Contains("1 行目", failed.QuerySelector("[data-notice]")!.TextContent);
        Assert.InRange((await cs.GetByteArrayAsync(importUrl, TestContext.Current.CancellationToken)).Length, 1, PageBound);
    }

    [Fact]
    public async Task The_mapping_page_of_a_header_of_long_unknown_names_echoes_only_their_start()
    {
        var (cohortId, _, _) = await EnrollingCohortAsync(factory, "長い見出し");
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);
        // 60 columns of 150 characters each: a 27 KB header, under the line limit, that no field is found for.
        var header = string.Join(',', Enumerable.Range(1, 60).Select(i => $"{i:D3}" + new string('列', 147)));
        var needsMapping = await UploadAndPreviewAsync(cs, cohortId, "wide.csv", Encoding.UTF8.GetBytes(header + "\r\n1\r\n"));
        Assert.Equal("NeedsMapping", Status(needsMapping));
        var columnsUrl = needsMapping.QuerySelector("a[href$='/columns']")!.GetAttribute("href")!;

        var page = await cs.GetStringAsync(columnsUrl, TestContext.Current.CancellationToken);

        Assert.Contains("001" + new string('列', 96) + "…", page);
        Assert.DoesNotContain(new string('列', 100), page);
        Assert.InRange(Encoding.UTF8.GetByteCount(page), 1, 300 * 1024);
    }

    [Fact]
    public async Task A_value_longer_than_its_field_is_a_problem_of_its_row_echoed_in_short()
    {
        var (cohortId, _, _) = await EnrollingCohortAsync(factory, "長い値");
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);
        var longName = new string('名', 20_000);

        var preview = await UploadAndPreviewAsync(cs, cohortId, "long.csv", Utf8Csv("社員番号,氏名,メールアドレス", $"L001,{longName},long@example.com", "L002,山田 太郎,taro@example.com"));

        Assert.Equal(("1", "1"), (Count(preview, "valid"), Count(preview, "invalid")));
        var problem = preview.QuerySelector("table.problems-table tbody tr")!.TextContent;
        Assert.Contains("長すぎる", problem);
        Assert.DoesNotContain(new string('名', 100), problem);
    }
}
