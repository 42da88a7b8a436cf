using System.Diagnostics;

namespace ProgramOps.Web.Features.Outcomes;

/// <summary>
/// Prints a report's HTML to PDF with headless chromium, the same Debian chromium the browser tests drive, run as a
/// process: no browser driver in the web app, and the printed document is exactly the stored HTML. Missing chromium is
/// reported with the command that installs it, never worked around.
/// </summary>
public sealed class PdfPrinter(ILogger<PdfPrinter> logger)
{
    public const string InstallCommand = "apt-get install -y chromium fonts-noto-cjk";
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);
    private static readonly string[] Names = ["chromium", "chromium-browser", "google-chrome"];

    public string? Chromium { get; } = Find();

    public bool Available => Chromium is not null;

    /// <returns>The PDF, or null when chromium is missing or failed (logged).</returns>
    public async Task<byte[]?> PrintAsync(string html, CancellationToken ct)
    {
        if (Chromium is null) return null;
        var folder = Directory.CreateTempSubdirectory("programops-report-");
        try
        {
            var page = Path.Combine(folder.FullName, "report.html");
            var pdf = Path.Combine(folder.FullName, "report.pdf");
            await File.WriteAllTextAsync(page, html, ct);
            var start = new ProcessStartInfo(Chromium) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in Arguments(folder.FullName, pdf, page)) start.ArgumentList.Add(argument);

            using var process = Process.Start(start)!;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(Limit);
            var errors = process.StandardError.ReadToEndAsync(timeout.Token);
            _ = process.StandardOutput.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            if (process.ExitCode == 0 && File.Exists(pdf)) return await File.ReadAllBytesAsync(pdf, ct);
            logger.LogWarning("chromium could not print the report (exit {Code}): {Errors}", process.ExitCode, await errors);
            return null;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static IEnumerable<string> Arguments(string profile, string pdf, string page)
    {
        yield return "--headless";
        // Chromium's sandbox cannot start as root (CI containers); it prints only the report's own HTML, no web content.
        if (Environment.UserName == "root") yield return "--no-sandbox";
        yield return "--disable-gpu";
        yield return "--no-pdf-header-footer";
        yield return $"--user-data-dir={Path.Combine(profile, "profile")}";
        yield return $"--print-to-pdf={pdf}";
        yield return new Uri(page).AbsoluteUri;
    }

    private static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(folder => Names.Select(name => Path.Combine(folder, name)))
            .FirstOrDefault(File.Exists);
}
