using PuppeteerSharp;
using PuppeteerSharp.Media;

namespace ProgramOps.Web.Features.Outcomes;

/// <summary>
/// Prints HTML to PDF with headless chromium — the same Debian chromium the browser tests drive — kept running between
/// prints over the DevTools protocol (PuppeteerSharp): starting chromium costs about 3 s, printing a report well under
/// one. Each print gets its own browser context, so nothing of one document is visible to the next. The browser is
/// closed after a quiet spell so an idle console does not hold its memory. Missing chromium is reported with the
/// command that installs it, never worked around.
/// </summary>
public sealed class PdfPrinter(ILogger<PdfPrinter> logger) : IAsyncDisposable
{
    public const string InstallCommand = "apt-get install -y chromium fonts-noto-cjk";
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan IdleBeforeClosing = TimeSpan.FromMinutes(10);
    private static readonly string[] Names = ["chromium", "chromium-browser", "google-chrome"];

    private readonly SemaphoreSlim launching = new(1, 1);
    private IBrowser? browser;
    private Timer? idleTimer;
    private int printing;

    public string? Chromium { get; } = Find();

    public bool Available => Chromium is not null;

    /// <returns>The PDF, or null when chromium is missing or failed (logged).</returns>
    public async Task<byte[]?> PrintAsync(string html, CancellationToken ct)
    {
        if (Chromium is null) return null;
        Interlocked.Increment(ref printing);
        try
        {
            var running = await BrowserAsync(ct);
            await using var context = await running.CreateBrowserContextAsync();
            await using var page = await context.NewPageAsync();
            page.DefaultTimeout = (int)Limit.TotalMilliseconds;
            await page.SetContentAsync(html, new SetContentOptions { WaitUntil = [WaitUntilNavigation.Load] }).WaitAsync(ct);
            return await page.PdfDataAsync(new PdfOptions
            {
                Format = PaperFormat.A4,
                PreferCSSPageSize = true,
                PrintBackground = true,
                DisplayHeaderFooter = false,
            }).WaitAsync(ct);
        }
        catch (PuppeteerException exception)
        {
            logger.LogWarning(exception, "chromium could not print the document");
            return null;
        }
        finally
        {
            if (Interlocked.Decrement(ref printing) == 0) idleTimer?.Change(IdleBeforeClosing, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task<IBrowser> BrowserAsync(CancellationToken ct)
    {
        await launching.WaitAsync(ct);
        try
        {
            if (browser is { IsConnected: true }) return browser;
            if (browser is not null) await browser.DisposeAsync();
            browser = await Puppeteer.LaunchAsync(new LaunchOptions
            {
                ExecutablePath = Chromium,
                Headless = true,
                Args = Arguments().ToArray(),
                Timeout = (int)Limit.TotalMilliseconds,
            });
            idleTimer ??= new Timer(_ => _ = CloseWhenIdleAsync());
            return browser;
        }
        finally
        {
            launching.Release();
        }
    }

    private async Task CloseWhenIdleAsync()
    {
        await launching.WaitAsync();
        try
        {
            if (Volatile.Read(ref printing) > 0 || browser is null) return;
            await browser.DisposeAsync();
            browser = null;
        }
        catch (PuppeteerException exception)
        {
            logger.LogWarning(exception, "chromium did not close cleanly");
            browser = null;
        }
        finally
        {
            launching.Release();
        }
    }

    private static IEnumerable<string> Arguments()
    {
        // Chromium's sandbox cannot start as root (CI containers); it prints only the console's own HTML, no web content.
        if (Environment.UserName == "root") yield return "--no-sandbox";
        yield return "--disable-gpu";
    }

    private static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(folder => Names.Select(name => Path.Combine(folder, name)))
            .FirstOrDefault(File.Exists);

    public async ValueTask DisposeAsync()
    {
        if (idleTimer is not null) await idleTimer.DisposeAsync();
        if (browser is not null) await browser.DisposeAsync();
        launching.Dispose();
    }
}
