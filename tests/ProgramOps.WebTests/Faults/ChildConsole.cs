using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ProgramOps.TestSupport;

namespace ProgramOps.WebTests.Faults;

/// <summary>
/// The console as a process of its own on a given database file, started by a test as it is run in production
/// (<c>dotnet ProgramOps.Web.dll --urls …</c>), so a test can kill it outright and measure its memory.
/// </summary>
internal sealed class ChildConsole : IAsyncDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromMinutes(3);
    private readonly Process process;
    private readonly StringBuilder log = new();

    private ChildConsole(Process process, Uri baseAddress) => (this.process, BaseAddress) = (process, baseAddress);

    public Uri BaseAddress { get; }

    public string Log
    {
        get { lock (log) return log.ToString(); }
    }

    public static async Task<ChildConsole> StartAsync(string databaseFile, CancellationToken ct)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryPaths.WebProject,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // The build of the web project that this test assembly was built with.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        start.ArgumentList.Add(Path.Combine(RepositoryPaths.WebProject, "bin", configuration, "net10.0", "ProgramOps.Web.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseAddress.ToString().TrimEnd('/'));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["Database__SqliteFile"] = databaseFile;
        start.Environment["Bootstrap__AdminPassword"] = ProgramOpsFactory.AdminPassword;
        start.Environment["RateLimits__SignInPerAddress"] = "100000";
        start.Environment["RateLimits__UploadsPerUser"] = "100000";

        var process = Process.Start(start)!;
        var console = new ChildConsole(process, baseAddress);
        process.OutputDataReceived += (_, line) => console.Append(line.Data);
        process.ErrorDataReceived += (_, line) => console.Append(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // A loaded machine (a CI box building beside the tests) can take well over a few seconds to JIT the first request,
        // so a slow first answer is waited for, like a refused connection, until the deadline.
        using var probe = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(15) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartLimit)
        {
            if (process.HasExited) throw new InvalidOperationException($"The console exited at start:\n{console.Log}");
            try
            {
                if ((await probe.GetAsync("/healthz", ct)).IsSuccessStatusCode) return console;
            }
            catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !ct.IsCancellationRequested))
            {
                // Not listening, or not answering, yet.
            }

            await Task.Delay(250, ct);
        }

        await console.DisposeAsync();
        throw new TimeoutException($"The console did not answer /healthz within {StartLimit.TotalSeconds:F0} s:\n{console.Log}");
    }

    /// <summary>A client that keeps cookies and does not follow redirects, as the page tests' clients.</summary>
    public HttpClient NewClient() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = BaseAddress,
            Timeout = TimeSpan.FromMinutes(3),
        };

    public async Task<HttpClient> SignedInClientAsync(string userName)
    {
        var client = NewClient();
        var response = await ProgramOpsFactory.SignInAsync(client, userName, ProgramOpsFactory.UserPassword);
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Sign-in as {userName} failed: {response.StatusCode}");
        return client;
    }

    /// <summary>The most resident memory the process has had (the kernel's VmHWM), in bytes.</summary>
    public long PeakWorkingSetBytes()
    {
        var line = File.ReadLines($"/proc/{process.Id}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>SIGKILL: no shutdown, no flush, as a crash or the OOM killer ends it.</summary>
    public void Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    public ValueTask DisposeAsync()
    {
        if (!process.HasExited) Kill();
        process.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (log) log.AppendLine(line);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
