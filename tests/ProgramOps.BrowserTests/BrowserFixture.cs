using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ProgramOps.TestSupport;

namespace ProgramOps.BrowserTests;

/// <summary>
/// The real console on a loopback Kestrel port, and Debian's chromium driven by Playwright.
/// Playwright's own browser download cannot work here, so the system chromium is used.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    public BrowserFixture() : this(new ProgramOpsFactory())
    {
    }

    /// <summary>The console <paramref name="app"/> starts, e.g. one with demo data.</summary>
    protected BrowserFixture(ProgramOpsFactory app) => App = app;

    public ProgramOpsFactory App { get; }
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    private IPlaywright _playwright = null!;

    public static string ScreenshotFolder { get; } = Path.Combine(RepositoryRoot(), "artifacts", "screenshots");

    public async ValueTask InitializeAsync()
    {
        App.UseKestrel(0);
        App.StartServer();
        BaseUrl = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath(),
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    public async Task<IPage> NewPageAsync(string locale = "ja-JP")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl, Locale = locale, ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
        });
        return await context.NewPageAsync();
    }

    public static async Task SignInAsync(IPage page, string userName, string password)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("ユーザー名").FillAsync(userName);
        await page.GetByLabel("パスワード").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "ログイン" }).ClickAsync();
    }

    /// <summary>Keeps a picture of the step, and fails the journey if the page shows one of the console's identifiers.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, $"{name}.png"), FullPage = true });
        await AssertInWordsAsync(page, name);
    }

    /// <summary>
    /// The page's text, with what tooltips, confirmations and screen readers say, holds no enum member or text key of the console
    /// (<see cref="ConsoleIdentifiers"/>) in the page's language.
    /// </summary>
    public static async Task AssertInWordsAsync(IPage page, string step)
    {
        var language = await page.EvaluateAsync<string>("() => document.documentElement.lang");
        var text = await page.EvaluateAsync<string>(
            """
            () => [document.title, document.body.innerText,
                   ...Array.from(document.querySelectorAll('[title],[aria-label],[placeholder],[alt],[data-confirm],[data-confirm-click]'))
                       .flatMap(e => ['title', 'aria-label', 'placeholder', 'alt', 'data-confirm', 'data-confirm-click'].map(a => e.getAttribute(a)))
                       .filter(v => v)].join('\n')
            """);
        var found = ConsoleIdentifiers.FoundIn(text, language.StartsWith("ja", StringComparison.Ordinal) ? "ja" : "en");
        Assert.True(found.Count == 0, $"{step} ({language}, {page.Url}) shows identifiers: {string.Join(", ", found)}");
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await App.DisposeAsync();
    }

    private static string ChromiumPath()
    {
        var path = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);
        return path ?? throw new InvalidOperationException("Debian's chromium is not installed: run scripts/test.sh as root, or apt-get install chromium fonts-noto-cjk.");
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ProgramOps.sln"))) return dir.FullName;
        }

        return AppContext.BaseDirectory;
    }
}
