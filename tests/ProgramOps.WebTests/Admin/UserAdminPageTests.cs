using System.Net;
using Dapper;
using ProgramOps.TestSupport;
using ProgramOps.Web.Infrastructure.Auth;
using static ProgramOps.WebTests.Clients.ClientPages;

namespace ProgramOps.WebTests.Admin;

public sealed class UserAdminPageTests(ProgramOpsFactory factory) : IClassFixture<ProgramOpsFactory>
{
    private async Task<int> UserIdAsync(string userName)
    {
        await using var connection = await factory.Db.OpenAsync();
        return await connection.ExecuteScalarAsync<int>("SELECT Id FROM Users WHERE UserName = @userName", new { userName });
    }

    private static async Task<HttpResponseMessage> CreateAsync(HttpClient admin, string userName, string password, params string[] roles)
    {
        var form = await GetDocumentAsync(admin, "/admin/users/create");
        var fields = FormFields(form, new Dictionary<string, string>
        {
            ["UserName"] = userName, ["Password"] = password, ["Input.DisplayName"] = "新規 ユーザー", ["Input.Email"] = $"{userName}@example.co.jp",
        });
        fields.Remove("Input.Roles");
        var content = fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).Concat(roles.Select(r => new KeyValuePair<string, string>("Input.Roles", r)));
        return await admin.PostAsync("/admin/users/create", new FormUrlEncodedContent(content));
    }

    [Fact]
    public async Task A_created_user_signs_in_with_the_temporary_password_and_must_change_it()
    {
        var admin = await factory.SignedInClientAsync(Roles.Admin);

        var created = await CreateAsync(admin, "tanaka", "temporary-pass-123", Roles.ProgramCS, Roles.BizDev);

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var newcomer = factory.NewClient();
        var signIn = await ProgramOpsFactory.SignInAsync(newcomer, "tanaka", "temporary-pass-123");
        Assert.Equal("/account/changepassword", signIn.Headers.Location!.OriginalString);
        await using var connection = await factory.Db.OpenAsync();
        Assert.Equal(["BizDev", "ProgramCS"], await connection.QueryAsync<string>(
            "SELECT Role FROM UserRoles r JOIN Users u ON u.Id = r.UserId WHERE u.UserName = 'tanaka' ORDER BY Role"));
    }

    [Fact]
    public async Task Bad_new_users_get_a_message_per_field()
    {
        var admin = await factory.SignedInClientAsync(Roles.Admin);
        await CreateAsync(admin, "suzuki", "temporary-pass-123", Roles.Viewer);

        var duplicate = await ReadDocumentAsync(await CreateAsync(admin, "suzuki", "temporary-pass-456", Roles.Viewer));
        var weak = await ReadDocumentAsync(await CreateAsync(admin, "yamada", "short", Roles.Viewer));
        var roleless = await ReadDocumentAsync(await CreateAsync(admin, "kato", "temporary-pass-123"));

        Assert.Equal("ユーザー名「suzuki」は既に使われています。", duplicate.QuerySelector("[data-valmsg-for='UserName']")!.TextContent);
        Assert.Contains("12文字以上", weak.QuerySelector("[data-valmsg-for='Password']")!.TextContent);
        Assert.Equal("ロールを1つ以上選んでください。", roleless.QuerySelector("[data-valmsg-for='Input.Roles']")!.TextContent);
    }

    [Fact]
    public async Task Disabling_a_user_ends_their_session_on_the_next_request()
    {
        var victim = await factory.CreateUserAsync(Roles.ProgramCS);
        var victimClient = factory.NewClient();
        await ProgramOpsFactory.SignInAsync(victimClient, victim, ProgramOpsFactory.UserPassword);
        Assert.Equal(HttpStatusCode.OK, (await victimClient.GetAsync("/clients")).StatusCode);
        var admin = await factory.SignedInClientAsync(Roles.Admin);
        var id = await UserIdAsync(victim);
        var page = await GetDocumentAsync(admin, $"/admin/users/edit/{id}");

        var disabled = await PostAsync(admin, $"/admin/users/edit/{id}?handler=Disable", FormFields(page, formSelector: "form[action*='handler=Disable']"));

        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        var after = await victimClient.GetAsync("/clients");
        Assert.StartsWith("/account/login", after.Headers.Location!.PathAndQuery);
        var again = await ProgramOpsFactory.SignInAsync(factory.NewClient(), victim, ProgramOpsFactory.UserPassword);
        Assert.Contains("このアカウントは無効になっています。", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Admins_cannot_disable_themselves_or_remove_the_last_admin_role()
    {
        await using (var connection = await factory.Db.OpenAsync())
        {
            // Only the admin under test may be an active administrator here.
            await connection.ExecuteAsync("UPDATE Users SET IsDisabled = 1 WHERE Id IN (SELECT UserId FROM UserRoles WHERE Role = 'Admin')");
        }

        var (admin, adminName) = await factory.SignedInUserAsync(Roles.Admin);
        var self = await UserIdAsync(adminName);
        var page = await GetDocumentAsync(admin, $"/admin/users/edit/{self}");
        Assert.Empty(page.QuerySelectorAll("form[action*='handler=Disable']"));

        var forced = await PostAsync(admin, $"/admin/users/edit/{self}?handler=Disable", FormFields(page));
        var demoted = await PostAsync(admin, $"/admin/users/edit/{self}", FormFields(page, new Dictionary<string, string> { ["Input.Roles"] = "Viewer" }));

        Assert.Contains("自分のアカウントは無効にできません。", (await ReadDocumentAsync(forced)).QuerySelector(".error-summary")!.TextContent);
        Assert.Contains("有効な管理者がいなくなります", (await ReadDocumentAsync(demoted)).QuerySelector(".error-summary")!.TextContent);
    }

    [Fact]
    public async Task Two_admins_editing_one_user_the_second_is_told_who_saved_first()
    {
        var target = await factory.CreateUserAsync(Roles.Viewer);
        var id = await UserIdAsync(target);
        var first = await factory.SignedInClientAsync(Roles.Admin);
        var second = await factory.SignedInClientAsync(Roles.Admin);
        var firstPage = await GetDocumentAsync(first, $"/admin/users/edit/{id}");
        var secondPage = await GetDocumentAsync(second, $"/admin/users/edit/{id}");

        await PostAsync(first, $"/admin/users/edit/{id}", FormFields(firstPage, new Dictionary<string, string> { ["Input.DisplayName"] = "最初の保存" }));
        var late = await PostAsync(second, $"/admin/users/edit/{id}", FormFields(secondPage, new Dictionary<string, string> { ["Input.DisplayName"] = "後からの保存" }));

        Assert.Contains("上書きはしていません", (await ReadDocumentAsync(late)).QuerySelector(".conflict")!.TextContent);
        await using var connection = await factory.Db.OpenAsync();
        Assert.Equal("最初の保存", await connection.ExecuteScalarAsync<string>("SELECT DisplayName FROM Users WHERE Id = @id", new { id }));
    }

    [Fact]
    public async Task A_locked_out_user_is_unlocked_by_an_admin()
    {
        var locked = await factory.CreateUserAsync(Roles.Viewer);
        for (var i = 0; i < 5; i++) await ProgramOpsFactory.SignInAsync(factory.NewClient(), locked, "wrong");
        var admin = await factory.SignedInClientAsync(Roles.Admin);
        var id = await UserIdAsync(locked);
        var list = await GetDocumentAsync(admin, $"/admin/users?q={locked}&status=Locked");
        Assert.Single(list.QuerySelectorAll("tbody tr"));

        var page = await GetDocumentAsync(admin, $"/admin/users/edit/{id}");
        await PostAsync(admin, $"/admin/users/edit/{id}?handler=Unlock", FormFields(page, formSelector: "form[action*='handler=Unlock']"));

        var signIn = await ProgramOpsFactory.SignInAsync(factory.NewClient(), locked, ProgramOpsFactory.UserPassword);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }
}
