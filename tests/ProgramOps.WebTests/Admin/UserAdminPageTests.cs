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

        Assert.Equal("ユーザー名: ユーザー名「suzuki」は既に使われています。", duplicate.QuerySelector("[data-valmsg-for='UserName']")!.TextContent);
        Assert.Contains("12 文字以上", weak.QuerySelector("[data-valmsg-for='Password']")!.TextContent);
        Assert.Equal("ロール: ロールを1つ以上選んでください。", roleless.QuerySelector("[data-valmsg-for='Input.Roles']")!.TextContent);
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
        await using (var connection = await factory.Db.OpenAsync())
        {
            Assert.Contains("\"IsDisabled\":{\"Before\":\"False\",\"After\":\"True\"}", await connection.ExecuteScalarAsync<string>(
                "SELECT Changes FROM AuditLog WHERE EntityType = 'User' AND EntityId = @id AND Action = 'Disabled'", new { id = id.ToString() }));
        }

        var again = await ProgramOpsFactory.SignInAsync(factory.NewClient(), victim, ProgramOpsFactory.UserPassword);
        Assert.Contains("ユーザー名またはパスワードが正しくないか、このアカウントは現在ログインできません。", await again.Content.ReadAsStringAsync());
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

    [Fact]
    public async Task A_password_reset_ends_the_users_session_and_the_temporary_password_must_be_changed()
    {
        var user = await factory.CreateUserAsync(Roles.Viewer);
        var userClient = factory.NewClient();
        await ProgramOpsFactory.SignInAsync(userClient, user, ProgramOpsFactory.UserPassword);
        var admin = await factory.SignedInClientAsync(Roles.Admin);
        var id = await UserIdAsync(user);
        var page = await GetDocumentAsync(admin, $"/admin/users/edit/{id}");

        var reset = await PostAsync(admin, $"/admin/users/edit/{id}?handler=ResetPassword", FormFields(page,
            new Dictionary<string, string> { ["NewPassword"] = "temporary-pass-789" }, "form[action*='handler=ResetPassword']"));

        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.StartsWith("/account/login", (await userClient.GetAsync("/clients")).Headers.Location!.PathAndQuery);
        var signIn = await ProgramOpsFactory.SignInAsync(factory.NewClient(), user, "temporary-pass-789");
        Assert.Equal("/account/changepassword", signIn.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData(Roles.Viewer, "/admin/users")]
    [InlineData(Roles.BizDev, "/admin/users")]
    [InlineData(Roles.Viewer, "/admin/users/create")]
    [InlineData(Roles.BizDev, "/admin/users/edit/1")]
    public async Task Non_admins_are_denied(string role, string url)
    {
        var client = await factory.SignedInClientAsync(role);

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/accessdenied", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task A_double_submitted_create_form_makes_one_user()
    {
        var admin = await factory.SignedInClientAsync(Roles.Admin);
        var first = await CreateAsync(admin, "double.click", "temporary-pass-123", Roles.Viewer);
        var second = await CreateAsync(admin, "double.click", "temporary-pass-123", Roles.Viewer);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("ユーザー名: ユーザー名「double.click」は既に使われています。",
            (await ReadDocumentAsync(second)).QuerySelector("[data-valmsg-for='UserName']")!.TextContent);
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM Users WHERE UserName = 'double.click'"));
    }

    [Fact]
    public async Task The_list_searches_filters_sorts_and_pages()
    {
        var admin = await factory.SignedInClientAsync(Roles.Admin);
        for (var i = 1; i <= 27; i++)
        {
            await CreateAsync(admin, $"listed{i:00}", "temporary-pass-123", Roles.ProgramCS);
        }

        var disabledName = await factory.CreateUserAsync(Roles.BizDev);
        await using (var connection = await factory.Db.OpenAsync())
        {
            await connection.ExecuteAsync("UPDATE Users SET IsDisabled = 1 WHERE UserName = @disabledName", new { disabledName });
        }

        var firstPage = await GetDocumentAsync(admin, "/admin/users?q=listed&sort=username");
        var lastPage = await GetDocumentAsync(admin, firstPage.QuerySelector(".pager a[rel=next]")!.GetAttribute("href")!);
        var descending = await GetDocumentAsync(admin, "/admin/users?q=listed&sort=username&dir=desc");
        var disabled = await GetDocumentAsync(admin, $"/admin/users?q={disabledName}&status=Disabled");
        var notActive = await GetDocumentAsync(admin, $"/admin/users?q={disabledName}&status=Active");
        var otherRole = await GetDocumentAsync(admin, "/admin/users?q=listed&role=Viewer");

        Assert.Equal(25, firstPage.QuerySelectorAll("tbody tr").Length);
        Assert.StartsWith("listed01", firstPage.QuerySelector("tbody tr")!.TextContent.Trim());
        Assert.Equal(2, lastPage.QuerySelectorAll("tbody tr").Length);
        Assert.StartsWith("listed27", descending.QuerySelector("tbody tr")!.TextContent.Trim());
        Assert.Contains(disabledName, Assert.Single(disabled.QuerySelectorAll("tbody tr")).TextContent);
        Assert.NotNull(notActive.QuerySelector(".empty"));
        Assert.NotNull(otherRole.QuerySelector(".empty"));
    }

    [Fact]
    public async Task Sort_and_filter_values_outside_the_whitelist_are_not_errors()
    {
        var admin = await factory.SignedInClientAsync(Roles.Admin);

        var response = await admin.GetAsync("/admin/users?sort=PasswordHash;DROP TABLE Users&role=Root&status=Nope&dir=sideways");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(await CountAsync("SELECT COUNT(*) FROM Users") > 0);
    }

    [Fact]
    public async Task User_changes_reach_the_audit_log_without_password_hashes()
    {
        var admin = await factory.SignedInClientAsync(Roles.Admin);
        await CreateAsync(admin, "audited.user", "temporary-pass-123", Roles.Viewer);
        await using var connection = await factory.Db.OpenAsync();
        var (id, hash) = await connection.QuerySingleAsync<(int, string)>("SELECT Id, PasswordHash FROM Users WHERE UserName = 'audited.user'");

        var history = await GetDocumentAsync(admin, $"/admin/audit?entityType=User&entityId={id}");
        var created = await GetDocumentAsync(admin, $"/admin/audit?entityType=User&entityId={id}&action=Created");
        var noneDisabled = await GetDocumentAsync(admin, $"/admin/audit?entityType=User&entityId={id}&action=Disabled");

        Assert.Contains("作成", Assert.Single(history.QuerySelectorAll("table.audit tbody tr")).TextContent);
        Assert.Single(created.QuerySelectorAll("table.audit tbody tr"));
        Assert.NotNull(noneDisabled.QuerySelector(".empty"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM AuditLog WHERE Changes LIKE '%PasswordHash%' OR Changes LIKE '%' || @hash || '%' OR Summary LIKE '%' || @hash || '%'", new { hash }));
    }

    private async Task<int> CountAsync(string sql)
    {
        await using var connection = await factory.Db.OpenAsync();
        return await connection.ExecuteScalarAsync<int>(sql);
    }
}
