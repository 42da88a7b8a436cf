using System.Net;
using Dapper;
using ProgramOps.TestSupport;
using ProgramOps.Web.Features.Clients;
using ProgramOps.Web.Infrastructure.Auth;

namespace ProgramOps.WebTests.Portal;

/// <summary>Client users' accounts: invitation links, passwords, sign-in with lockout, and sessions that end when they should.</summary>
public sealed class PortalAccountTests(ProgramOpsFactory factory) : IClassFixture<ProgramOpsFactory>
{
    private async Task<(int ClientId, HttpClient BizDev)> ClientAsync(string tag)
    {
        var clientId = await TestData.ClientAsync(factory.Db, new ClientInput { Name = $"{tag}商事", Kind = ClientKind.Employer, EligiblePopulation = 100 });
        await TestData.ActiveContractAsync(factory.Db, clientId, 50);
        return (clientId, await factory.SignedInClientAsync(Roles.BizDev));
    }

    private async Task<List<string>> AuditAsync(string userName)
    {
        await using var c = await factory.Db.OpenAsync();
        return [.. await c.QueryAsync<string>("SELECT Action FROM AuditLog WHERE EntityType = 'PortalUser' AND UserName = @userName ORDER BY Id", new { userName })];
    }

    [Fact]
    public async Task An_invited_user_sets_a_password_through_the_link_once_and_sees_their_portal()
    {
        var (clientId, bizDev) = await ClientAsync("招待");
        var link = await PortalClients.InviteAsync(bizDev, clientId, "hr@shotai.example.jp");

        var portal = await PortalClients.AcceptAsync(factory, link);

        var home = await portal.GetAsync("/portal");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("招待商事", await home.Content.ReadAsStringAsync());
        // The link worked once: a second use sets nothing.
        var again = await PortalClients.AcceptWithAsync(factory.NewClient(), link, "another-long-pass-phrase-9");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("data-invitation-refused", await again.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await PortalClients.SignInAsync(factory.NewClient(), "hr@shotai.example.jp", PortalClients.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PortalClients.SignInAsync(factory.NewClient(), "hr@shotai.example.jp", "another-long-pass-phrase-9")).StatusCode);

        await using var c = await factory.Db.OpenAsync();
        var stored = await c.QuerySingleAsync<string>("SELECT TokenHash FROM PortalInvitations i JOIN PortalUsers u ON u.Id = i.PortalUserId WHERE u.Email = 'hr@shotai.example.jp'");
        Assert.DoesNotContain(stored, link, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(["PortalInvitationAccepted", "PortalPageViewed", "SignInFailed", "SignedIn"], (await AuditAsync("portal:hr@shotai.example.jp")).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_expired_link_and_a_weak_password_set_nothing()
    {
        var (clientId, bizDev) = await ClientAsync("期限");
        var link = await PortalClients.InviteAsync(bizDev, clientId, "hr@kigen.example.jp");

        var weak = await PortalClients.AcceptWithAsync(factory.NewClient(), link, "Password2026!");
        Assert.Equal(HttpStatusCode.OK, weak.StatusCode);
        await using (var c = await factory.Db.OpenAsync())
        {
            Assert.Null(await c.QuerySingleAsync<string?>("SELECT PasswordHash FROM PortalUsers WHERE Email = 'hr@kigen.example.jp'"));
            await c.ExecuteAsync("UPDATE PortalInvitations SET ExpiresAt = @past", new { past = DateTimeOffset.UtcNow.AddMinutes(-1) });
        }

        var expired = await PortalClients.AcceptWithAsync(factory.NewClient(), link, PortalClients.Password);
        Assert.Equal(HttpStatusCode.OK, expired.StatusCode);
        Assert.Contains("data-invitation-refused", await expired.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await PortalClients.SignInAsync(factory.NewClient(), "hr@kigen.example.jp", PortalClients.Password)).StatusCode);
    }

    [Fact]
    public async Task Five_wrong_passwords_from_one_address_lock_it_out_and_every_attempt_is_audited()
    {
        var (clientId, bizDev) = await ClientAsync("施錠");
        await PortalClients.SignedInAsync(factory, bizDev, clientId, "hr@sejo.example.jp");

        for (var i = 0; i < 5; i++) await PortalClients.SignInAsync(factory.NewClient(), "hr@sejo.example.jp", "wrong-password-" + i);
        var locked = await PortalClients.SignInAsync(factory.NewClient(), "hr@sejo.example.jp", PortalClients.Password);

        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        var actions = await AuditAsync("portal:hr@sejo.example.jp");
        Assert.Equal(5, actions.Count(a => a == "SignInFailed"));
        Assert.Equal(1, actions.Count(a => a == "LockedOut"));
        Assert.DoesNotContain("SignedIn", actions);
    }

    [Fact]
    public async Task Disabling_the_user_or_the_client_churning_ends_the_session_on_the_next_request()
    {
        var (clientId, bizDev) = await ClientAsync("停止");
        var disabled = await PortalClients.SignedInAsync(factory, bizDev, clientId, "hr1@teishi.example.jp");
        var other = await PortalClients.SignedInAsync(factory, bizDev, clientId, "hr2@teishi.example.jp");
        await using var c = await factory.Db.OpenAsync();
        var (id, version) = await c.QuerySingleAsync<(int, int)>("SELECT Id, Version FROM PortalUsers WHERE Email = 'hr1@teishi.example.jp'");

        var disable = await ProgramOpsFactory.PostFormAsync(bizDev, $"/clients/{clientId}/portal-users",
            new Dictionary<string, string> { ["version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            $"/clients/{clientId}/portal-users?handler=Disable&id={id}");

        Assert.Equal(HttpStatusCode.Redirect, disable.StatusCode);
        Assert.StartsWith("/portal/sign-in", (await disabled.GetAsync("/portal")).Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/portal")).StatusCode);

        // The client's only contract ended yesterday: the client has churned (derived), so its users are signed out.
        await c.ExecuteAsync("UPDATE Contracts SET StartDate = '2025-01-01', EndDate = @yesterday WHERE ClientId = @clientId",
            new { yesterday = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-2)), clientId });
        Assert.StartsWith("/portal/sign-in", (await other.GetAsync("/portal")).Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, (await PortalClients.SignInAsync(factory.NewClient(), "hr2@teishi.example.jp", PortalClients.Password)).StatusCode);
    }

    [Fact]
    public async Task A_staff_session_is_not_accepted_on_the_portal_and_a_portal_session_reaches_no_staff_page()
    {
        var (clientId, bizDev) = await ClientAsync("分離");
        var portal = await PortalClients.SignedInAsync(factory, bizDev, clientId, "hr@bunri.example.jp");

        Assert.StartsWith("/portal/sign-in", (await bizDev.GetAsync("/portal")).Headers.Location!.PathAndQuery);
        foreach (var staffPage in new[] { "/", "/clients", $"/clients/details/{clientId}", $"/clients/{clientId}/portal-users", "/outcomes", "/admin/audit" })
            Assert.StartsWith("/account/login", (await portal.GetAsync(staffPage)).Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Viewers_and_cs_see_the_client_users_but_only_bizdev_and_admins_invite()
    {
        var (clientId, _) = await ClientAsync("閲覧");
        foreach (var role in new[] { Roles.ProgramCS, Roles.Viewer })
        {
            var staff = await factory.SignedInClientAsync(role);
            var page = await staff.GetAsync($"/clients/{clientId}/portal-users");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.DoesNotContain("data-invite-form", await page.Content.ReadAsStringAsync());
            var invite = await ProgramOpsFactory.PostFormAsync(staff, $"/clients/{clientId}/portal-users",
                new Dictionary<string, string> { ["Input.Email"] = "x@etsuran.example.jp", ["Input.DisplayName"] = "x" }, $"/clients/{clientId}/portal-users?handler=Invite");
            Assert.StartsWith("/account/accessdenied", invite.Headers.Location!.PathAndQuery);
        }
    }
}
