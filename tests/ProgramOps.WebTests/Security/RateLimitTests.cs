using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using ProgramOps.TestSupport;
using ProgramOps.Web.Infrastructure.Auth;

namespace ProgramOps.WebTests.Security;

public sealed class RateLimitTests(ProgramOpsFactory factory) : IClassFixture<ProgramOpsFactory>
{
    private WebApplicationFactory<Program> WithLimits(params (string Name, int PerMinute)[] limits) =>
        factory.WithWebHostBuilder(b =>
        {
            foreach (var (name, perMinute) in limits) b.UseSetting($"RateLimits:{name}", perMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        });

    private static HttpClient NewClient(WebApplicationFactory<Program> app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static void AssertTooMany(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.InRange(int.Parse(response.Headers.GetValues("Retry-After").Single()), 1, 60);
    }

    [Fact]
    public async Task Sign_in_attempts_from_one_address_are_limited_with_429_and_Retry_After()
    {
        using var app = WithLimits(("SignInPerAddress", 3));
        var client = NewClient(app);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await ProgramOpsFactory.SignInAsync(client, $"nobody{i}", "wrong")).StatusCode);
        }

        var refused = await ProgramOpsFactory.SignInAsync(client, "nobody3", "wrong");

        AssertTooMany(refused);
        Assert.Contains("短時間に試行が多すぎます", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Sign_in_attempts_for_one_user_name_are_limited_whatever_the_address_and_other_names_still_sign_in()
    {
        var target = await factory.CreateUserAsync(Roles.Admin);
        var other = await factory.CreateUserAsync(Roles.Viewer);
        using var app = WithLimits(("SignInPerUserName", 2));
        var client = NewClient(app);
        await ProgramOpsFactory.SignInAsync(client, target, "wrong");
        await ProgramOpsFactory.SignInAsync(client, target.ToUpperInvariant(), "wrong");

        AssertTooMany(await ProgramOpsFactory.SignInAsync(client, target, ProgramOpsFactory.UserPassword));
        Assert.Equal(HttpStatusCode.Redirect, (await ProgramOpsFactory.SignInAsync(NewClient(app), other, ProgramOpsFactory.UserPassword)).StatusCode);
    }

    [Fact]
    public async Task Event_batches_are_limited_per_key_and_answered_in_ProblemDetails()
    {
        using var app = WithLimits(("EventsPerKey", 2));
        var client = NewClient(app);
        Task<HttpResponseMessage> SendAsync(string key)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/events") { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
            request.Headers.Add("X-ProgramOps-Key", key);
            return client.SendAsync(request);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync("key-a")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync("key-a")).StatusCode);
        var refused = await SendAsync("key-a");

        AssertTooMany(refused);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync("key-b")).StatusCode);
    }

    [Fact]
    public async Task Uploads_are_limited_per_user()
    {
        using var app = WithLimits(("UploadsPerUser", 1));
        var client = NewClient(app);
        var userName = await factory.CreateUserAsync(Roles.ProgramCS);
        await ProgramOpsFactory.SignInAsync(client, userName, ProgramOpsFactory.UserPassword);
        async Task<HttpResponseMessage> UploadAsync()
        {
            var token = await ProgramOpsFactory.AntiforgeryTokenAsync(client, "/supplies/import");
            using var body = new MultipartFormDataContent();
            body.Add(new StringContent(token), "__RequestVerificationToken");
            body.Add(new ByteArrayContent("shipment_id,status,date\n"u8.ToArray()), "Upload", "partner.csv");
            return await client.PostAsync("/supplies/import", body);
        }

        Assert.Equal(HttpStatusCode.OK, (await UploadAsync()).StatusCode);
        AssertTooMany(await UploadAsync());
    }
}
