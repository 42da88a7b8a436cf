using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using ProgramOps.Web.Features.Account;
using ProgramOps.Web.Infrastructure.Data;

namespace ProgramOps.TestSupport;

/// <summary>
/// The real console (Program.cs, middleware, pages) on a real SQLite file of its own. One per test
/// class; users are created directly and signed in through the real login form.
/// </summary>
public partial class ProgramOpsFactory : WebApplicationFactory<Program>
{
    public const string AdminPassword = "first-admin-password-for-tests";
    public const string UserPassword = "a-long-test-password-1";

    private readonly TempDirectory? _folder;
    private int _userCounter;

    /// <summary>A console on a fresh database file of its own, removed with the factory.</summary>
    public ProgramOpsFactory()
    {
        _folder = new TempDirectory();
        DatabaseFile = _folder.File("programops.db");
    }

    private ProgramOpsFactory(string databaseFile) => DatabaseFile = databaseFile;

    /// <summary>A console on the given database file, which outlives the factory: for restarting on the same data.</summary>
    public static ProgramOpsFactory OnFile(string databaseFile) => new(databaseFile);

    public string DatabaseFile { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Never the console's default port: in-memory test servers ignore it, Kestrel-hosted ones pick a free port.
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:SqliteFile", DatabaseFile);
        builder.UseSetting("Bootstrap:AdminPassword", AdminPassword);
        // Every test signs its users in from the same (unknown) address; RateLimitTests set their own limits.
        builder.UseSetting("RateLimits:SignInPerAddress", "100000");
    }

    public Db Db => Services.GetRequiredService<Db>();

    /// <summary>Creates a staff user with the given roles (password already chosen) and returns its user name.</summary>
    public async Task<string> CreateUserAsync(params string[] roles)
    {
        var userName = $"{string.Join("-", roles).ToLowerInvariant()}{Interlocked.Increment(ref _userCounter)}";
        if (roles.Length == 0) userName = $"noroles{_userCounter}";
        var hasher = Services.GetRequiredService<IPasswordHasher<StaffUser>>();
        var user = new StaffUser
        {
            UserName = userName,
            DisplayName = $"Test {userName}",
            PasswordHash = "",
            SecurityStamp = UserAccounts.NewSecurityStamp(),
            Roles = roles,
        };
        user = user with { PasswordHash = hasher.HashPassword(user, UserPassword) };
        await Db.InTransactionAsync((c, t) => UserAccounts.InsertAsync(c, t, Db.Dialect, user, DateTimeOffset.UtcNow, "test"));
        return userName;
    }

    /// <summary>A client that keeps cookies and does not follow redirects, signed in as a new user with these roles.</summary>
    public async Task<HttpClient> SignedInClientAsync(params string[] roles) => (await SignedInUserAsync(roles)).Client;

    /// <summary>As <see cref="SignedInClientAsync"/>, also naming the user signed in.</summary>
    public async Task<(HttpClient Client, string UserName)> SignedInUserAsync(params string[] roles)
    {
        var userName = await CreateUserAsync(roles);
        var client = NewClient();
        var response = await SignInAsync(client, userName, UserPassword);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {userName} failed: {response.StatusCode}");
        }

        return (client, userName);
    }

    public HttpClient NewClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, string password)
    {
        var token = await AntiforgeryTokenAsync(client, "/account/login");
        return await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
    }

    /// <summary>GETs a page and returns the anti-forgery token of its first form.</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string url)
    {
        var html = await client.GetStringAsync(url);
        return AntiforgeryToken(html);
    }

    public static string AntiforgeryToken(string html)
    {
        var match = TokenPattern().Match(html);
        return match.Success ? match.Groups[1].Value : throw new InvalidOperationException("No anti-forgery token on the page.");
    }

    /// <summary>Posts a form with the anti-forgery token taken from <paramref name="formUrl"/>.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string formUrl, IDictionary<string, string> fields, string? postUrl = null)
    {
        var token = await AntiforgeryTokenAsync(client, formUrl);
        var content = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        return await client.PostAsync(postUrl ?? formUrl, new FormUrlEncodedContent(content));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _folder?.Dispose();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
