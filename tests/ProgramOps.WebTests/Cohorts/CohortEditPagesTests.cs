using System.Net;
using Dapper;
using ProgramOps.TestSupport;
using ProgramOps.Web.Features.Clients;
using ProgramOps.Web.Infrastructure.Auth;
using static ProgramOps.WebTests.Clients.ClientPages;

namespace ProgramOps.WebTests.Cohorts;

/// <summary>Editing a cohort after planning, and the cohort list's filters.</summary>
public sealed class CohortEditPagesTests(ProgramOpsFactory factory) : IClassFixture<ProgramOpsFactory>
{
    /// <summary>A joint cohort starting in 40 days: 30 seats from client A's contract (100 seats), 20 from B's (40), and 12 of A's people invited.</summary>
    private async Task<(int CohortId, int ContractA, int ContractB, int ClientA)> CohortAsync(string tag, string status = "Enrolling", int startInDays = 40)
    {
        var clientA = await SeedClientAsync(factory, new ClientInput { Name = $"{tag}健保A", Kind = ClientKind.HealthInsuranceSociety, EligiblePopulation = 1000 });
        var clientB = await SeedClientAsync(factory, new ClientInput { Name = $"{tag}健保B", Kind = ClientKind.HealthInsuranceSociety, EligiblePopulation = 800 });
        var version = await TestData.PublishedProgramAsync(factory.Db, $"{tag}-smoking");
        var (a, b) = (await TestData.ActiveContractAsync(factory.Db, clientA, 100), await TestData.ActiveContractAsync(factory.Db, clientB, 40));
        var cohortId = await TestData.CohortAsync(factory.Db, $"{tag}コホート", version, status, TokyoCalendar.Today.AddDays(startInDays), (a, 30), (b, 20));
        await TestData.ParticipantsAsync(factory.Db, cohortId, a, 12, "営業部");
        return (cohortId, a, b, clientA);
    }

    private static Dictionary<string, string> Changes(params (string Field, string Value)[] fields) => fields.ToDictionary(f => $"Input.{f.Field}", f => f.Value);

    [Fact]
    public async Task Staff_rename_move_the_window_and_change_seats_before_the_start_and_the_change_is_audited_field_by_field()
    {
        var (cohortId, a, b, _) = await CohortAsync("編集");
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);
        var form = await GetDocumentAsync(cs, $"/cohorts/edit/{cohortId}");
        var newStart = TokyoCalendar.Today.AddDays(45);

        var saved = await PostAsync(cs, $"/cohorts/edit/{cohortId}", FormFields(form, Changes(
            ("Name", "編集コホート 第2期"), ("EnrolmentCloses", newStart.AddDays(-15).ToString("yyyy-MM-dd")), ("StartDate", newStart.ToString("yyyy-MM-dd")),
            ($"Capacities[{a}]", "12"), ($"Capacities[{b}]", "40"))));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var details = await GetDocumentAsync(cs, saved.Headers.Location!.OriginalString);
        Assert.Contains("編集コホート 第2期", details.QuerySelector("h1")!.TextContent);
        Assert.Contains(newStart.ToString("yyyy-MM-dd"), details.QuerySelector("dl.facts")!.TextContent);
        await using var c = await factory.Db.OpenAsync();
        Assert.Equal([12, 40], await c.QueryAsync<int>("SELECT Capacity FROM CohortContracts WHERE CohortId = @cohortId ORDER BY Capacity", new { cohortId }));
        var changes = await c.ExecuteScalarAsync<string>("SELECT Changes FROM AuditLog WHERE EntityType = 'Cohort' AND EntityId = @id AND Action = 'Updated'", new { id = cohortId.ToString() });
        Assert.Contains("StartDate", changes);
        Assert.Contains($"Seats #{b}", changes);
        Assert.DoesNotContain("EnrolmentOpens", changes);
    }

    [Fact]
    public async Task Seats_below_those_held_or_above_what_the_contract_has_left_are_refused_per_contract_and_nothing_changes()
    {
        var (cohortId, a, b, _) = await CohortAsync("席数");
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);
        var form = await GetDocumentAsync(cs, $"/cohorts/edit/{cohortId}");

        var refused = await PostAsync(cs, $"/cohorts/edit/{cohortId}", FormFields(form, Changes(("Name", "変えない"), ($"Capacities[{a}]", "11"), ($"Capacities[{b}]", "41"))));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await ReadDocumentAsync(refused);
        Assert.Equal("このコホートの席数: 12 席以上にしてください。この契約の参加者がその席数を使っています。", page.QuerySelector($"[data-valmsg-for='Input.Capacities[{a}]']")!.TextContent);
        Assert.Equal("このコホートの席数: この契約の残席は 40 席です。", page.QuerySelector($"[data-valmsg-for='Input.Capacities[{b}]']")!.TextContent);
        await using var c = await factory.Db.OpenAsync();
        Assert.Equal("席数コホート", await c.ExecuteScalarAsync<string>("SELECT Name FROM Cohorts WHERE Id = @cohortId", new { cohortId }));
        Assert.Equal([20, 30], await c.QueryAsync<int>("SELECT Capacity FROM CohortContracts WHERE CohortId = @cohortId ORDER BY Capacity", new { cohortId }));
    }

    [Fact]
    public async Task Each_field_gets_its_own_message_and_a_stale_form_is_told_who_saved_first()
    {
        var (cohortId, _, _, _) = await CohortAsync("競合編集");
        var (first, firstUser) = await factory.SignedInUserAsync(Roles.ProgramCS);
        var second = await factory.SignedInClientAsync(Roles.ProgramCS);
        var firstForm = await GetDocumentAsync(first, $"/cohorts/edit/{cohortId}");
        var secondForm = await GetDocumentAsync(second, $"/cohorts/edit/{cohortId}");

        var invalid = await ReadDocumentAsync(await PostAsync(first, $"/cohorts/edit/{cohortId}", FormFields(firstForm, Changes(
            ("Name", ""), ("EnrolmentCloses", TokyoCalendar.Today.AddDays(50).ToString("yyyy-MM-dd")), ("StartDate", TokyoCalendar.Today.AddDays(-1).ToString("yyyy-MM-dd"))))));
        Assert.NotEmpty(invalid.QuerySelector("[data-valmsg-for='Input.Name']")!.TextContent);
        Assert.NotEmpty(invalid.QuerySelector("[data-valmsg-for='Input.StartDate']")!.TextContent);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(first, $"/cohorts/edit/{cohortId}", FormFields(firstForm, Changes(("Name", "先に保存"))))).StatusCode);
        var stale = await PostAsync(second, $"/cohorts/edit/{cohortId}", FormFields(secondForm, Changes(("Name", "後から保存"))));

        Assert.Contains(firstUser, (await ReadDocumentAsync(stale)).QuerySelector(".conflict")!.TextContent);
        await using var c = await factory.Db.OpenAsync();
        Assert.Equal("先に保存", await c.ExecuteScalarAsync<string>("SELECT Name FROM Cohorts WHERE Id = @cohortId", new { cohortId }));
    }

    [Fact]
    public async Task Once_the_cohort_has_started_its_dates_stay_but_its_name_and_owner_can_change()
    {
        var (cohortId, _, _, _) = await CohortAsync("開始後", status: "Running", startInDays: -3);
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);
        var form = await GetDocumentAsync(cs, $"/cohorts/edit/{cohortId}");
        await using var c = await factory.Db.OpenAsync();
        var startDate = await c.ExecuteScalarAsync<string>("SELECT StartDate FROM Cohorts WHERE Id = @cohortId", new { cohortId });

        var moved = await PostAsync(cs, $"/cohorts/edit/{cohortId}", FormFields(form, Changes(("StartDate", TokyoCalendar.Today.AddDays(7).ToString("yyyy-MM-dd")))));
        var renamed = await PostAsync(cs, $"/cohorts/edit/{cohortId}", FormFields(form, Changes(("Name", "開始後コホート改"))));

        Assert.NotNull(form.QuerySelector("[data-dates-fixed]"));
        Assert.Contains("日付は変更できません", (await ReadDocumentAsync(moved)).QuerySelector(".error-summary")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        Assert.Equal(startDate, await c.ExecuteScalarAsync<string>("SELECT StartDate FROM Cohorts WHERE Id = @cohortId", new { cohortId }));
    }

    [Fact]
    public async Task A_viewer_cannot_edit()
    {
        var (cohortId, _, _, _) = await CohortAsync("閲覧編集");
        var viewer = await factory.SignedInClientAsync(Roles.Viewer);

        var response = await viewer.GetAsync($"/cohorts/edit/{cohortId}");

        Assert.StartsWith("/account/accessdenied", response.Headers.Location!.PathAndQuery);
        Assert.Null((await GetDocumentAsync(viewer, $"/cohorts/details/{cohortId}")).QuerySelector("[data-edit]"));
    }

    [Fact]
    public async Task The_list_filters_by_status_program_client_and_owner_and_counts_participants()
    {
        var (cohortId, _, _, clientA) = await CohortAsync("一覧");
        var (other, _, _, _) = await CohortAsync("一覧他", status: "Planned");
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);
        await using (var c = await factory.Db.OpenAsync())
        {
            await c.ExecuteAsync("UPDATE Participants SET State = 'Withdrawn' WHERE Id = (SELECT MIN(Id) FROM Participants WHERE CohortId = @cohortId)", new { cohortId });
        }

        var byClient = await GetDocumentAsync(cs, $"/cohorts?clientId={clientA}");
        var byStatus = await GetDocumentAsync(cs, "/cohorts?status=Planned");
        var none = await GetDocumentAsync(cs, $"/cohorts?clientId={clientA}&status=Planned&ownerId=999999");

        Assert.Equal([cohortId.ToString()], byClient.QuerySelectorAll("tr[data-cohort]").Select(r => r.GetAttribute("data-cohort")));
        Assert.Equal("11", byClient.QuerySelector("tr[data-cohort] [data-participants]")!.TextContent.Trim());
        Assert.Contains(other.ToString(), byStatus.QuerySelectorAll("tr[data-cohort]").Select(r => r.GetAttribute("data-cohort")));
        Assert.DoesNotContain(cohortId.ToString(), byStatus.QuerySelectorAll("tr[data-cohort]").Select(r => r.GetAttribute("data-cohort")));
        Assert.Equal("条件に合うコホートはありません。", none.QuerySelector(".empty")!.TextContent.Trim());
    }
}
