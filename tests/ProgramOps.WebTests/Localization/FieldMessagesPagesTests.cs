using AngleSharp.Html.Dom;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ProgramOps.TestSupport;
using ProgramOps.Web.Features.Clients;
using ProgramOps.Web.Features.Supplies;
using ProgramOps.Web.Infrastructure.Auth;
using ProgramOps.Web.Infrastructure.Time;
using static ProgramOps.WebTests.Clients.ClientPages;

namespace ProgramOps.WebTests.Localization;

/// <summary>
/// Every create/edit form refuses a bad value with a message that begins with the field's label in the reader's
/// language — the label the form shows beside the field, never a property name.
/// </summary>
public sealed class FieldMessagesPagesTests(ProgramOpsFactory factory) : IClassFixture<ProgramOpsFactory>
{
    private static readonly DateOnly Start = new(2030, 4, 1);

    /// <summary>Posts the page's form with one field changed and returns the message shown beside that field.</summary>
    private static async Task<string> RefusalAsync(HttpClient client, string url, string field, string value, string culture = "ja", string formSelector = "main form[method=post]")
    {
        var query = culture == "ja" ? "" : $"culture={culture}&ui-culture={culture}";
        var page = await GetDocumentAsync(client, WithQuery(url, query));
        var form = (IHtmlFormElement)page.QuerySelector(formSelector)!;
        var response = await PostAsync(client, WithQuery(form.GetAttribute("action") ?? url, query), FormFields(page, new Dictionary<string, string> { [field] = value }, formSelector));
        var refused = await ReadDocumentAsync(response);
        var message = refused.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent.Trim();
        Assert.False(string.IsNullOrEmpty(message), $"no message beside {field} on {url}: {(int)response.StatusCode} {response.Headers.Location}");
        return message!;
    }

    private static string WithQuery(string url, string query) => query.Length == 0 ? url : url + (url.Contains('?') ? "&" : "?") + query;

    private async Task<int> ClientAsync(string name) =>
        await TestData.ClientAsync(factory.Db, new ClientInput { Name = name, Kind = ClientKind.Employer, EligiblePopulation = 100 });

    [Theory]
    [InlineData("ja", "名称: ")]
    [InlineData("en", "Name: ")]
    public async Task Client_form(string culture, string label)
    {
        var bizDev = await factory.SignedInClientAsync(Roles.BizDev);

        Assert.StartsWith(label, await RefusalAsync(bizDev, "/clients/create", "Input.Name", "", culture));
    }

    [Fact]
    public async Task Contract_form()
    {
        var bizDev = await factory.SignedInClientAsync(Roles.BizDev);
        var clientId = await ClientAsync("契約欄名テスト商事");

        Assert.StartsWith("席数: ", await RefusalAsync(bizDev, $"/clients/{clientId}/contracts", "Input.Seats", "0"));
    }

    [Fact]
    public async Task Key_person_form_in_english()
    {
        var bizDev = await factory.SignedInClientAsync(Roles.BizDev);
        var clientId = await ClientAsync("キーパーソン欄名テスト商事");

        Assert.StartsWith("Email: ", await RefusalAsync(bizDev, $"/clients/{clientId}/keypersons", "Input.Email", "hanako@", "en"));
    }

    [Fact]
    public async Task Account_plan_form()
    {
        var bizDev = await factory.SignedInClientAsync(Roles.BizDev);
        var clientId = await ClientAsync("計画欄名テスト商事");

        Assert.StartsWith("目標: ", await RefusalAsync(bizDev, $"/clients/{clientId}/plan", "Input.Goals", ""));
    }

    [Fact]
    public async Task Activity_form()
    {
        var bizDev = await factory.SignedInClientAsync(Roles.BizDev);
        var clientId = await ClientAsync("活動欄名テスト商事");

        Assert.StartsWith("概要: ", await RefusalAsync(bizDev, $"/clients/{clientId}/activities/new", "Input.Summary", ""));
    }

    [Theory]
    [InlineData("ja", "名称: ")]
    [InlineData("en", "Name: ")]
    public async Task Cohort_plan_form(string culture, string label)
    {
        await TestData.PublishedProgramAsync(factory.Db, $"field-label-plan-{culture}");
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);

        Assert.StartsWith(label, await RefusalAsync(cs, "/cohorts/create", "Input.Name", " ", culture));
    }

    [Fact]
    public async Task Cohort_edit_form()
    {
        var (cohortId, _) = await TestData.CohortOfNewClientAsync(factory.Db, "fieldlabel-edit", "Planned", Start);
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);

        Assert.StartsWith("開始日: ", await RefusalAsync(cs, $"/cohorts/edit/{cohortId}", "Input.StartDate", ""));
    }

    [Fact]
    public async Task Participant_step_form()
    {
        var (cohortId, contractId) = await TestData.CohortOfNewClientAsync(factory.Db, "fieldlabel-step", "Enrolling", Start);
        var person = (await TestData.ParticipantsAsync(factory.Db, cohortId, contractId, 1))[0];
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);

        Assert.StartsWith("理由: ", await RefusalAsync(cs, $"/participants/{person}", "Input.Reason", " "));
    }

    [Fact]
    public async Task Feedback_form_in_english()
    {
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);

        Assert.StartsWith("Title: ", await RefusalAsync(cs, "/feedback/create", "Input.Title", "", "en"));
    }

    [Theory]
    [InlineData("ja", "氏名: ")]
    [InlineData("en", "Name: ")]
    public async Task User_form(string culture, string label)
    {
        var admin = await factory.SignedInClientAsync(Roles.Admin);

        Assert.StartsWith(label, await RefusalAsync(admin, "/admin/users/create", "Input.DisplayName", "", culture));
    }

    [Fact]
    public async Task Api_key_form()
    {
        var admin = await factory.SignedInClientAsync(Roles.Admin);

        Assert.StartsWith("連携先: ", await RefusalAsync(admin, "/admin/apikeys", "Name", " "));
    }

    [Fact]
    public async Task Shipment_form()
    {
        var (cohortId, contractId) = await TestData.CohortOfNewClientAsync(factory.Db, "fieldlabel-kit", "Enrolling", Start);
        var people = await TestData.ParticipantsAsync(factory.Db, cohortId, contractId, 1);
        await using (var c = await factory.Db.OpenAsync())
        {
            await c.ExecuteAsync("UPDATE Participants SET State = 'Enrolled' WHERE Id = @id", new { id = people[0] });
        }

        await new SuppliesJob(factory.Db, factory.Services.GetRequiredService<LocalClock>(), NullLogger<SuppliesJob>.Instance).RunAsync(CancellationToken.None);
        long shipment;
        await using (var c = await factory.Db.OpenAsync())
        {
            shipment = await c.ExecuteScalarAsync<long>("SELECT MIN(Id) FROM Shipments WHERE ParticipantId = @id", new { id = people[0] });
            // Only a shipment sent to the partner can be changed by hand.
            await c.ExecuteAsync("UPDATE Shipments SET Status = 'Exported' WHERE Id = @shipment", new { shipment });
        }

        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);

        Assert.StartsWith("メモ（理由）: ", await RefusalAsync(cs, $"/supplies/{shipment}", "Input.Note", ""));
    }

    [Fact]
    public async Task Portal_user_form_in_english()
    {
        var clientId = await ClientAsync("ポータル欄名テスト商事");
        var bizDev = await factory.SignedInClientAsync(Roles.BizDev);

        Assert.StartsWith("E-mail address: ", await RefusalAsync(bizDev, $"/clients/{clientId}/portal-users", "Input.Email", "not-an-address", "en"));
    }
}
