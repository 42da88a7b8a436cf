using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using ProgramOps.TestSupport;
using ProgramOps.Web.Infrastructure.Auth;

namespace ProgramOps.WebTests.Security;

public sealed partial class SecurityHeadersTests(ProgramOpsFactory factory) : IClassFixture<ProgramOpsFactory>
{
    [Theory]
    [InlineData("/account/login")]
    [InlineData("/healthz")]
    [InlineData("/clients")]
    public async Task Every_response_forbids_inline_script_framing_sniffing_and_referrers_to_other_sites(string url)
    {
        var response = await factory.NewClient().GetAsync(url);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", csp);
        Assert.DoesNotContain("unsafe-inline';", csp.Split("style-src-attr")[0]);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/")]
    [InlineData("/clients")]
    [InlineData("/feedback/create")]
    public async Task Pages_carry_no_inline_script(string url)
    {
        var client = await factory.SignedInClientAsync(Roles.Admin);
        var html = await client.GetStringAsync(url);

        Assert.Empty(InlineScript().Matches(html));
        Assert.Empty(EventHandlerAttribute().Matches(html));
        Assert.Contains("<script src=\"/js/site", html);
    }

    [Fact]
    public async Task Over_HTTPS_the_browser_is_told_to_stay_on_HTTPS_and_cookies_are_Secure()
    {
        using var named = factory.WithWebHostBuilder(b => b.UseSetting("AllowedHosts", "programops.example"));
        var client = named.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://programops.example"), AllowAutoRedirect = false });

        var response = await client.GetAsync("/account/login");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("max-age=31536000", response.Headers.GetValues("Strict-Transport-Security").Single());
        Assert.All(response.Headers.GetValues("Set-Cookie"), cookie => Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Over_plain_HTTP_no_HSTS_is_sent()
    {
        var response = await factory.NewClient().GetAsync("/account/login");

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task A_Host_header_that_is_not_configured_is_refused_so_redirects_cannot_name_another_site()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/clients");
        request.Headers.Host = "evil.example";

        var response = await factory.NewClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"<[^>]+\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandlerAttribute();
}
