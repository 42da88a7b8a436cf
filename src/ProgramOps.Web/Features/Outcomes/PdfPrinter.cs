using PuppeteerSharp;
using PuppeteerSharp.Media;

namespace ProgramOps.Web.Features.Outcomes;

/// <summary>
/// Prints HTML to PDF with headless chromium — the same Debian chromium the browser tests drive — kept running between
/// prints over the DevTools protocol (PuppeteerSharp): starting chromium costs about 3 s, printing a report well under
/// one. Each print gets its own browser context, so nothing of one document is visible to the next. The browser is
/// closed after a quiet spell so an idle console does not hold its memory. A page that offers a PDF still to be printed
/// starts chromium ahead (<see cref="Warm"/>), so the download that follows waits for the print, not for chromium.
/// Missing chromium is reported with the command that installs it, never worked around.
/// </summary>
public sealed class PdfPrinter(ILogger<PdfPrinter> logger) : IAsyncDisposable
{
    public const string InstallCommand = "apt-get install -y chromium fonts-noto-cjk fonts-morisawa-bizud-gothic";

    /// <summary>
    /// The Japanese fonts of printed documents, first choice first. Morisawa's BIZ UD Gothic is TrueType with a real
    /// bold, so chromium embeds a subset of it as text. Noto Sans CJK comes as a collection of CFF outlines, which
    /// chromium's PDF writer can only draw glyph by glyph as Type 3 fonts: a report then took twice as long to print and
    /// came out more than twice the size. Noto stays as the fallback where BIZ UD is not installed.
    /// </summary>
    public const string ProportionalFonts = "\"BIZ UDPGothic\", \"Noto Sans CJK JP\", \"Noto Sans JP\", \"Hiragino Sans\", \"Yu Gothic\", sans-serif";

    /// <summary>The same for fixed-width text (codes to type in): BIZ UD Gothic's fixed-width cut, a face drawn for legibility.</summary>
    public const string FixedWidthFonts = "\"BIZ UDGothic\", \"Noto Sans Mono CJK JP\", monospace";
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan IdleBeforeClosing = TimeSpan.FromMinutes(10);
    private static readonly string[] Names = ["chromium", "chromium-browser", "google-chrome"];

    private readonly SemaphoreSlim launching = new(1, 1);
    private IBrowser? browser;
    private Timer? idleTimer;
    private int printing;
    private bool closed;

    public string? Chromium { get; } = Find();

    public bool Available => Chromium is not null;

    /// <summary>Whether chromium is up, waiting for a print.</summary>
    public bool Running => browser is { IsConnected: true };

    /// <summary>
    /// Starts chromium in the background unless it runs: starting it is most of a first print's time, and a page offering
    /// an unprinted PDF is usually followed by its download. It closes again after the same quiet spell as after a print.
    /// </summary>
    public void Warm()
    {
        if (Chromium is null || Running) return;
        _ = WarmAsync();
    }

    private async Task WarmAsync()
    {
        try
        {
            await BrowserAsync(CancellationToken.None);
            if (Volatile.Read(ref printing) == 0) idleTimer?.Change(IdleBeforeClosing, Timeout.InfiniteTimeSpan);
        }
        catch (Exception exception) when (exception is PuppeteerException or ObjectDisposedException)
        {
            logger.LogWarning(exception, "chromium could not be started ahead of a print");
        }
    }

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
            ObjectDisposedException.ThrowIf(closed, this);
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

    /// <summary>Waits for a start under way (a warm-up may be launching chromium) so no chromium outlives the console.</summary>
    public async ValueTask DisposeAsync()
    {
        await launching.WaitAsync();
        try
        {
            closed = true;
            if (idleTimer is not null) await idleTimer.DisposeAsync();
            if (browser is not null) await browser.DisposeAsync();
            browser = null;
        }
        finally
        {
            launching.Release();
        }
    }
}
