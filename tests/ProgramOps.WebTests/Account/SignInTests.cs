using System.Net;
using ProgramOps.TestSupport;
using ProgramOps.Web.Features.Account;
using ProgramOps.Web.Infrastructure.Auth;

namespace ProgramOps.WebTests.Account;

public sealed class SignInTests(ProgramOpsFactory factory) : IClassFixture<ProgramOpsFactory>
{
    [Fact]
    public async Task Pages_require_sign_in()
    {
        var response = await factory.NewClient().GetAsync("/clients");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Health_endpoint_is_public_and_reports_the_database()
    {
        var body = await factory.NewClient().GetStringAsync("/healthz");

        Assert.Contains("\"status\":\"Healthy\"", body);
        Assert.Contains("\"database\"", body);
    }

    [Fact]
    public async Task Stylesheet_is_served_before_sign_in()
    {
        var client = factory.NewClient();
        var login = await client.GetStringAsync("/account/login");
        var stylesheet = System.Text.RegularExpressions.Regex.Match(login, "href=\"(/css/site[^\"]*\\.css)\"").Groups[1].Value;

        // Browsers ask for compressed assets; `dotnet run` once served those as empty 200s.
        var request = new HttpRequestMessage(HttpMethod.Get, stylesheet);
        request.Headers.AcceptEncoding.ParseAdd("gzip");
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType!.MediaType);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 1000);
    }

    [Fact]
    public async Task First_administrator_must_change_password_before_anything_else()
    {
        var client = factory.NewClient();
        var signIn = await ProgramOpsFactory.SignInAsync(client, AdministratorBootstrap.AdminUserName, ProgramOpsFactory.AdminPassword);
        Assert.Equal("/account/changepassword", signIn.Headers.Location!.OriginalString);

        var home = await client.GetAsync("/");
        Assert.Equal("/account/changepassword", home.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Signing_out_ends_the_session_on_the_server_so_a_copied_cookie_is_refused()
    {
        var userName = await factory.CreateUserAsync(Roles.Viewer);
        var client = factory.NewClient();
        var signIn = await ProgramOpsFactory.SignInAsync(client, userName, ProgramOpsFactory.UserPassword);
        var copiedCookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ProgramOps.Auth=", StringComparison.Ordinal)).Split(';')[0];
        var replay = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        Task<HttpResponseMessage> ReplayAsync()
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/clients");
            request.Headers.Add("Cookie", copiedCookie);
            return replay.SendAsync(request);
        }

        Assert.Equal(HttpStatusCode.OK, (await ReplayAsync()).StatusCode);

        var signOut = await ProgramOpsFactory.PostFormAsync(client, "/", new Dictionary<string, string>(), "/account/logout");
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        var afterSignOut = await ReplayAsync();
        Assert.Equal(HttpStatusCode.Redirect, afterSignOut.StatusCode);
        Assert.StartsWith("/account/login", afterSignOut.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Wrong_password_is_refused_with_a_message()
    {
        var userName = await factory.CreateUserAsync(Roles.Viewer);
        var client = factory.NewClient();

        var response = await ProgramOpsFactory.SignInAsync(client, userName, "not the password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("ユーザー名またはパスワードが正しくないか、このアカウントは現在ログインできません。", html);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_password()
    {
        var userName = await factory.CreateUserAsync(Roles.Viewer);
        var client = factory.NewClient();
        for (var i = 0; i < LockoutPolicy.Default.MaxFailedAttempts; i++)
        {
            await ProgramOpsFactory.SignInAsync(client, userName, "wrong");
        }

        var response = await ProgramOpsFactory.SignInAsync(client, userName, ProgramOpsFactory.UserPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The same answer as a wrong password: nobody outside learns that the account exists or is locked.
        Assert.Contains("ユーザー名またはパスワードが正しくないか、このアカウントは現在ログインできません。", await response.Content.ReadAsStringAsync());
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("ProgramOps.Auth=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Post_without_antiforgery_token_is_rejected()
    {
        var client = factory.NewClient();
        await client.GetAsync("/account/login");

        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "admin",
            ["Password"] = ProgramOpsFactory.AdminPassword,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
