using System.Net;
using Dapper;
using ProgramOps.TestSupport;
using ProgramOps.Web.Infrastructure.Auth;
using static ProgramOps.WebTests.Clients.ClientPages;

namespace ProgramOps.WebTests.Security;

public sealed class HostileInputTests(ProgramOpsFactory factory) : IClassFixture<ProgramOpsFactory>
{
    private const string ControlCharacterMessage = "制御文字";

    [Theory]
    [InlineData("株式会社\u0001制御")]
    [InlineData("株式会社\u001bエスケープ")]
    [InlineData("株式会社\u202Egnp.exe")]
    [InlineData("株式会社\u007f削除")]
    public async Task A_name_with_a_control_character_is_refused_on_its_field_and_nothing_is_written(string name)
    {
        var bizDev = await factory.SignedInClientAsync(Roles.BizDev);
        var form = await GetDocumentAsync(bizDev, "/clients/create");

        var response = await PostAsync(bizDev, "/clients/create", FormFields(form, new Dictionary<string, string>
        {
            ["Input.Name"] = name, ["Input.Kind"] = "Employer", ["Input.EligiblePopulation"] = "10",
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(ControlCharacterMessage, (await ReadDocumentAsync(response)).QuerySelector("[data-valmsg-for='Input.Name']")!.TextContent);
        await using var c = await factory.Db.OpenAsync();
        Assert.Equal(0, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM Clients WHERE Name LIKE '株式会社%' AND Name <> '株式会社'"));
    }

    [Fact]
    public async Task A_NUL_in_a_form_is_refused_before_the_page_reads_it()
    {
        var bizDev = await factory.SignedInClientAsync(Roles.BizDev);
        var form = await GetDocumentAsync(bizDev, "/clients/create");

        var response = await PostAsync(bizDev, "/clients/create", FormFields(form, new Dictionary<string, string>
        {
            ["Input.Name"] = "株式会社\u0000NUL", ["Input.Kind"] = "Employer", ["Input.EligiblePopulation"] = "10",
        }));

        // The framework's form reader refuses the body (400) before the page's own check would name the field.
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.OK);
        await using var c = await factory.Db.OpenAsync();
        Assert.Equal(0, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM Clients WHERE Name LIKE '%NUL'"));
    }

    [Fact]
    public async Task A_text_field_with_a_control_character_is_refused_but_line_breaks_and_tabs_are_kept()
    {
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);
        var form = await GetDocumentAsync(cs, "/feedback/create");
        Dictionary<string, string> Item(string description) => new()
        {
            ["Input.Title"] = "制御文字テスト", ["Input.Description"] = description, ["Input.Category"] = "Other", ["Input.Source"] = "CsObservation",
            ["Input.HelpsEveryUser"] = "Unknown", ["Input.ProgramSpecific"] = "Unknown", ["Input.ClientAsked"] = "Unknown", ["Input.AffectedCount"] = "1",
        };

        var refused = await PostAsync(cs, "/feedback/create?handler=Create", FormFields(form, Item("一行目\u0007二行目")));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(ControlCharacterMessage, (await ReadDocumentAsync(refused)).QuerySelector("[data-valmsg-for='Input.Description']")!.TextContent);

        var accepted = await PostAsync(cs, "/feedback/create?handler=Create", FormFields(form, Item("一行目\r\n\t二行目")));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
    }

    [Theory]
    [InlineData("hanako@example")]
    [InlineData("a@b")]
    [InlineData("<script>@example.com")]
    [InlineData("hanako yamada@example.co.jp")]
    [InlineData("hanako@example.co.jp\r\nBcc: all@example.com")]
    [InlineData("\"hanako\"@example.co.jp")]
    public async Task An_e_mail_field_accepts_addresses_only(string email)
    {
        var admin = await factory.SignedInClientAsync(Roles.Admin);
        var form = await GetDocumentAsync(admin, "/admin/users/create");

        var response = await PostAsync(admin, "/admin/users/create", FormFields(form, new Dictionary<string, string>
        {
            ["UserName"] = "mailtest", ["Password"] = "kiwi-tram-kettle-42", ["Input.DisplayName"] = "メール テスト", ["Input.Email"] = email,
            ["Input.Roles"] = Roles.Viewer,
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty((await ReadDocumentAsync(response)).QuerySelector("[data-valmsg-for='Input.Email']")!.TextContent.Trim());
    }
}
