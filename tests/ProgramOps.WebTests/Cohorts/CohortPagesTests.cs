using System.Net;
using Dapper;
using ProgramOps.TestSupport;
using ProgramOps.Web.Features.Clients;
using ProgramOps.Web.Infrastructure.Auth;
using static ProgramOps.WebTests.Clients.ClientPages;

namespace ProgramOps.WebTests.Cohorts;

public sealed class CohortPagesTests(ProgramOpsFactory factory) : IClassFixture<ProgramOpsFactory>
{
    private async Task<(int VersionId, int ContractA, int ContractB)> SeedAsync(string tag)
    {
        var clientA = await SeedClientAsync(factory, new ClientInput { Name = $"{tag}健保A", Kind = ClientKind.HealthInsuranceSociety, EligiblePopulation = 1000 });
        var clientB = await SeedClientAsync(factory, new ClientInput { Name = $"{tag}健保B", Kind = ClientKind.HealthInsuranceSociety, EligiblePopulation = 800 });
        var version = await TestData.PublishedProgramAsync(factory.Db, $"{tag}-smoking");
        return (version, await TestData.ActiveContractAsync(factory.Db, clientA, 100, version), await TestData.ActiveContractAsync(factory.Db, clientB, 40, version));
    }

    private static Dictionary<string, string> CohortFields(string name, int versionId, params (int Contract, int Seats)[] seats)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Name"] = name, ["Input.ProgramVersionId"] = versionId.ToString(),
            ["Input.EnrolmentOpens"] = "2026-12-01", ["Input.EnrolmentCloses"] = "2026-12-21", ["Input.StartDate"] = "2027-01-11",
        };
        foreach (var (contract, count) in seats) fields[$"Input.Capacities[{contract}]"] = count.ToString();
        return fields;
    }

    [Fact]
    public async Task A_joint_cohort_takes_seats_from_two_insurers_and_opens_enrolment()
    {
        var (versionId, a, b) = await SeedAsync("合同");
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);
        var form = await GetDocumentAsync(cs, "/cohorts/create");

        var fields = CohortFields("2027年1月 合同コホート", versionId, (a, 70), (b, 40));
        fields["Input.EnrolmentOpens"] = "2026-11-01";
        var created = await PostAsync(cs, "/cohorts/create", FormFields(form, fields));

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var details = await GetDocumentAsync(cs, created.Headers.Location!.OriginalString);
        Assert.Contains("110", details.QuerySelector("dl.facts")!.TextContent);
        Assert.Contains("2027-04-05", details.QuerySelector("dl.facts")!.TextContent);
        Assert.Equal(2, details.QuerySelectorAll("main table.contracts tbody tr").Length);

        var opened = await PostAsync(cs, $"{created.Headers.Location.OriginalString}?handler=Advance",
            FormFields(details, formSelector: "form[action*='handler=Advance']"));
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Contains("募集中", (await GetDocumentAsync(cs, created.Headers.Location.OriginalString)).QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task A_cohort_draws_seats_only_from_contracts_for_its_program()
    {
        var (versionId, a, _) = await SeedAsync("他プログラム");
        var otherVersion = await TestData.PublishedProgramAsync(factory.Db, "他プログラム-other");
        var client = await SeedClientAsync(factory, new ClientInput { Name = "他プログラム商事", Kind = ClientKind.Employer, EligiblePopulation = 100 });
        var otherProgram = await TestData.ActiveContractAsync(factory.Db, client, 50, otherVersion);
        var noProgram = await TestData.ActiveContractAsync(factory.Db, client, 50, programName: "名称不明のプログラム");
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);
        var form = await GetDocumentAsync(cs, "/cohorts/create");

        var refused = await PostAsync(cs, "/cohorts/create", FormFields(form, CohortFields("混在コホート", versionId, (a, 10), (otherProgram, 10), (noProgram, 10))));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await ReadDocumentAsync(refused);
        Assert.Contains("別のプログラム", page.QuerySelector($"[data-valmsg-for='Input.Capacities[{otherProgram}]']")!.TextContent);
        Assert.Contains("別のプログラム", page.QuerySelector($"[data-valmsg-for='Input.Capacities[{noProgram}]']")!.TextContent);
        Assert.Equal("none", page.QuerySelector($"#capacity-{noProgram}")!.Closest("tr")!.GetAttribute("data-program"));
        await using var connection = await factory.Db.OpenAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM Cohorts WHERE Name = '混在コホート'"));
    }

    [Fact]
    public async Task Enrolment_cannot_open_before_its_window_and_the_page_names_the_day_it_opens()
    {
        var (versionId, a, _) = await SeedAsync("募集前");
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);
        var opens = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);
        var fields = CohortFields("募集前コホート", versionId, (a, 10));
        (fields["Input.EnrolmentOpens"], fields["Input.EnrolmentCloses"], fields["Input.StartDate"]) =
            (opens.ToString("yyyy-MM-dd"), opens.AddDays(20).ToString("yyyy-MM-dd"), opens.AddDays(40).ToString("yyyy-MM-dd"));
        var created = await PostAsync(cs, "/cohorts/create", FormFields(await GetDocumentAsync(cs, "/cohorts/create"), fields));
        var details = await GetDocumentAsync(cs, created.Headers.Location!.OriginalString);

        var refused = await PostAsync(cs, $"{created.Headers.Location.OriginalString}?handler=Advance", FormFields(details, formSelector: "form[action*='handler=Advance']"));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains($"募集期間は {opens:yyyy-MM-dd} に始まります。", (await ReadDocumentAsync(refused)).QuerySelector(".notice")!.TextContent);
        Assert.Contains("計画中", (await GetDocumentAsync(cs, created.Headers.Location.OriginalString)).QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Seats_beyond_what_a_contract_has_left_are_refused_naming_the_remainder()
    {
        var (versionId, a, _) = await SeedAsync("残席");
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);
        await PostAsync(cs, "/cohorts/create", FormFields(await GetDocumentAsync(cs, "/cohorts/create"), CohortFields("第1期", versionId, (a, 70))));

        var second = await PostAsync(cs, "/cohorts/create", FormFields(await GetDocumentAsync(cs, "/cohorts/create"), CohortFields("第2期", versionId, (a, 31))));

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("このコホートの席数: この契約の残席は 30 席です。", (await ReadDocumentAsync(second)).QuerySelector($"[data-valmsg-for='Input.Capacities[{a}]']")!.TextContent);
        await using var c = await factory.Db.OpenAsync();
        Assert.Equal(0, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM Cohorts WHERE Name = '第2期'"));
    }

    [Fact]
    public async Task Dates_out_of_order_and_no_seats_get_messages()
    {
        var (versionId, _, _) = await SeedAsync("日付");
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);
        var fields = CohortFields("日付テスト", versionId);
        fields["Input.EnrolmentCloses"] = "2026-11-30";
        fields["Input.StartDate"] = "2026-11-01";

        var page = await ReadDocumentAsync(await PostAsync(cs, "/cohorts/create", FormFields(await GetDocumentAsync(cs, "/cohorts/create"), fields)));

        Assert.Contains("募集終了日は募集開始日以降", page.QuerySelector("[data-valmsg-for='Input.EnrolmentCloses']")!.TextContent);
        Assert.Contains("開始日は募集終了日以降", page.QuerySelector("[data-valmsg-for='Input.StartDate']")!.TextContent);

        var noSeats = CohortFields("席なし", versionId);
        var seatless = await ReadDocumentAsync(await PostAsync(cs, "/cohorts/create", FormFields(await GetDocumentAsync(cs, "/cohorts/create"), noSeats)));
        Assert.Contains("少なくとも1つの契約", seatless.QuerySelector(".error-summary")!.TextContent);
    }

    [Fact]
    public async Task Viewers_read_cohorts_but_cannot_plan_one()
    {
        var viewer = await factory.SignedInClientAsync(Roles.Viewer);

        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/cohorts")).StatusCode);
        Assert.StartsWith("/account/accessdenied", (await viewer.GetAsync("/cohorts/create")).Headers.Location!.PathAndQuery);
    }
}
