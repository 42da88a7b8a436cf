using System.Globalization;
using System.Net;
using System.Text;
using Dapper;
using Microsoft.Data.Sqlite;
using ProgramOps.TestSupport;
using ProgramOps.Web.Infrastructure.Auth;
using static ProgramOps.WebTests.Clients.ClientPages;
using static ProgramOps.WebTests.Imports.ImportPages;

namespace ProgramOps.WebTests.Faults;

/// <summary>
/// Hostile and broken input (issue 17) sent to every upload — the roster and the fulfilment partner's status file —
/// and to the events API, on a console running as a process of its own: each gets a clear answer (a notice naming
/// the line, a problem on its row, a 4xx with ProblemDetails), nothing is written, and the process's peak memory stays
/// within a generous bound (it reached 1.3 GB on one 60 MB line before lines were bounded).
/// </summary>
public sealed class MalformedInputCorpusTests : IDisposable
{
    private const long MemoryBound = 700L * 1024 * 1024;
    private static readonly Encoding Cp932 = ShiftJis;

    private readonly TempDirectory folder = new();
    private readonly ITestOutputHelper output = TestContext.Current.TestOutputHelper!;

    /// <summary>Roster files and the import status each must end in (Failed with a notice, or a preview with the row's problem).</summary>
    private static IEnumerable<(string Name, byte[] File, string Encoding, string Status, string Evidence)> Rosters()
    {
        var header = RosterHeader + "\r\n";
        byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
        yield return ("bom-only", [0xEF, 0xBB, 0xBF], "Auto", "Failed", "Empty");
        yield return ("utf8-forced-on-cp932", Cp932.GetBytes(header + "1,山田 太郎,,a@example.com,,\r\n"), "Utf8", "Failed", "InvalidEncoding");
        yield return ("invalid-utf8-mid-file", [.. Utf8(header + "1,山田 太郎,,a@example.com,,\r\n2,"), 0xC3, 0x28, .. Utf8(",,b@example.com,,\r\n")], "Utf8", "Failed", "InvalidEncoding");
        yield return ("truncated-multibyte-at-end", [.. Utf8(header + "1,山田 太郎,,a@example.com,,\r\n2,"), 0xE5, 0xB1], "Utf8", "Failed", "InvalidEncoding");
        yield return ("nul-in-name", Utf8(header + "1,山田\0太郎,,a@example.com,,\r\n"), "Auto", "Previewed", "ControlCharacter");
        yield return ("bidi-override-in-name", Utf8(header + "1,山田\u202E太郎,,a@example.com,,\r\n"), "Auto", "Previewed", "ControlCharacter");
        yield return ("truncated-quoted-field", Utf8(header + "1,\"山田 太郎"), "Auto", "Previewed", "MalformedQuotes");
        yield return ("unclosed-quote-then-rows", Utf8(header + "1,\"山田 太郎,,a@example.com,,\r\n" +
            string.Concat(Enumerable.Range(2, 3_000).Select(i => $"{i},社員 {i},,p{i}@example.com,,\r\n"))), "Auto", "Failed", "LineTooLong");
        yield return ("one-50-MB-line", [.. Enumerable.Repeat((byte)'x', 50 * 1024 * 1024)], "Auto", "Failed", "LineTooLong");
        yield return ("one-1-MB-field", Utf8(header + "1,山田 太郎,,a@example.com," + new string('部', 350_000) + ",\r\n"), "Auto", "Failed", "LineTooLong");
        yield return ("300-columns", Utf8(string.Join(',', Enumerable.Range(1, 300).Select(i => $"c{i}")) + "\r\n1\r\n"), "Auto", "Failed", "TooManyColumns");
        yield return ("binary-garbage", RandomBytes(1024 * 1024), "Auto", "Failed", "");
        yield return ("twenty-thousand-bad-rows", Utf8(header + string.Concat(Enumerable.Range(1, 20_000).Select(i => $"{i},社員,,not-an-address-{i},,\r\n"))), "Auto", "Previewed", "MalformedEmail");
    }

    private static IEnumerable<(string Name, byte[] File)> PartnerFiles()
    {
        byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
        yield return ("bom-only", [0xEF, 0xBB, 0xBF]);
        yield return ("unknown-shipments", Utf8("shipment_id,status,date,tracking_number,note\r\n999999,shipped,2026-01-05,T1,\r\n"));
        yield return ("nul-bytes", Utf8("shipment_id,status,date,tracking_number,note\r\n1,shipped,2026-01-05,T\01,\0\r\n"));
        yield return ("unclosed-quote", Utf8("shipment_id,status,date,tracking_number,note\r\n1,\"shipped,2026-01-05,T1,\r\n"));
        yield return ("binary-garbage", RandomBytes(512 * 1024));
        yield return ("over-the-size-limit", [.. Enumerable.Repeat((byte)'x', 11 * 1024 * 1024)]);
    }

    private static IEnumerable<(string Name, byte[] Body, string ContentType, HttpStatusCode Expected)> EventBodies()
    {
        byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
        yield return ("not-json", Utf8("events=1"), "application/json", HttpStatusCode.BadRequest);
        yield return ("truncated-json", Utf8("{\"events\": [{\"id\": \"a\", \"type\": \"check_in\""), "application/json", HttpStatusCode.BadRequest);
        yield return ("json-bomb-nesting", Utf8("{\"events\": " + new string('[', 100_000) + new string(']', 100_000) + "}"), "application/json", HttpStatusCode.BadRequest);
        yield return ("over-4-MB", Utf8("{\"events\": [], \"pad\": \"" + new string('x', 5 * 1024 * 1024) + "\"}"), "application/json", HttpStatusCode.RequestEntityTooLarge);
        yield return ("too-many-events", Utf8("{\"events\": [" + string.Join(',', Enumerable.Repeat("{}", 100_000)) + "]}"), "application/json", HttpStatusCode.BadRequest);
        yield return ("nul-in-json", Utf8("{\"events\": [\0]}"), "application/json", HttpStatusCode.BadRequest);
        yield return ("wrong-media-type", Utf8("{\"events\": []}"), "text/plain", HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Every_upload_and_the_events_API_answer_every_malformed_input_clearly_write_nothing_and_stay_within_memory()
    {
        var ct = TestContext.Current.CancellationToken;
        var databaseFile = folder.File("programops.db");
        string cs, admin;
        int cohortId;
        using (var factory = ProgramOpsFactory.OnFile(databaseFile))
        {
            cs = await factory.CreateUserAsync(Roles.ProgramCS);
            admin = await factory.CreateUserAsync(Roles.Admin);
            (cohortId, _, _) = await EnrollingCohortAsync(factory, "不正入力");
        }

        await using var console = await ChildConsole.StartAsync(databaseFile, ct);
        var staff = await console.SignedInClientAsync(cs);
        var atStart = console.PeakWorkingSetBytes();
        var answered = 0;

        foreach (var (name, file, encoding, status, evidence) in Rosters())
        {
            var uploaded = await UploadAsync(staff, cohortId, name + ".csv", file, encoding);
            Assert.True(uploaded.StatusCode == HttpStatusCode.Redirect, $"{name}: the upload answered {uploaded.StatusCode}");
            var page = await WaitForWorkerAsync(staff, uploaded.Headers.Location!.OriginalString);
            Assert.True(status == Status(page), $"{name}: ended {Status(page)}, not {status}");
            var said = status == "Failed"
                ? page.QuerySelector("[data-notice]")?.GetAttribute("data-notice")
                : string.Join(' ', page.QuerySelectorAll("table.problems-table tbody tr").Select(r => r.TextContent));
            Assert.False(string.IsNullOrWhiteSpace(said), $"{name}: the page says nothing about what is wrong");
            if (status == "Failed" && evidence.Length > 0) Assert.Equal(evidence, said);
            Assert.InRange((await staff.GetByteArrayAsync(uploaded.Headers.Location!.OriginalString, ct)).Length, 1, 200 * 1024);
            answered++;
        }

        using (var c = Open(databaseFile))
            Assert.Equal(0, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM Participants WHERE CohortId = @cohortId", new { cohortId }));

        foreach (var (name, file) in PartnerFiles())
        {
            var form = await GetDocumentAsync(staff, "/supplies/import");
            using var body = new MultipartFormDataContent();
            foreach (var (field, value) in FormFields(form)) body.Add(new StringContent(value), field);
            body.Add(new ByteArrayContent(file), "Upload", name + ".csv");
            var response = await staff.PostAsync("/supplies/import", body, ct);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.RequestEntityTooLarge, $"partner file {name}: {response.StatusCode}");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var page = await ReadDocumentAsync(response);
                Assert.True(page.QuerySelectorAll(".error-summary, .field-error, .problems, table, [role=alert]").Any(e => e.TextContent.Trim().Length > 0),
                    $"partner file {name}: no problem shown");
            }
            answered++;
        }

        using (var c = Open(databaseFile))
            Assert.Equal(0, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM ShipmentExports") + await c.ExecuteScalarAsync<int>(
                "SELECT COUNT(*) FROM AuditLog WHERE EntityType = 'Shipment'"));

        var key = await SignedEvents.CreateKeyAsync(await console.SignedInClientAsync(admin), "コーパス");
        using var api = console.NewClient();
        foreach (var (name, body, contentType, expected) in EventBodies())
        {
            var response = await SignedEvents.SendAsync(api, key, body, contentType, ct);
            Assert.True(expected == response.StatusCode, $"events {name}: {response.StatusCode}, not {expected}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            answered++;
        }

        using (var c = Open(databaseFile))
            Assert.Equal(0, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM ParticipantEvents"));

        var peak = console.PeakWorkingSetBytes();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{answered} malformed inputs answered; console peak working set {atStart / 1048576} MB at start, {peak / 1048576} MB after the corpus"));
        Assert.InRange(peak, 1, MemoryBound);
    }

    private static byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        new Random(17).NextBytes(bytes);
        return bytes;
    }

    private static SqliteConnection Open(string databaseFile) => new($"Data Source={databaseFile};Pooling=False");

    public void Dispose() => folder.Dispose();
}
