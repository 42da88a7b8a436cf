using System.Globalization;
using System.Net;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using ProgramOps.TestSupport;
using ProgramOps.Web.Infrastructure.Auth;
using static ProgramOps.WebTests.Clients.ClientPages;
using static ProgramOps.WebTests.Imports.ImportPages;

namespace ProgramOps.WebTests.Faults;

/// <summary>
/// The console killed outright (SIGKILL) in the middle of a roster check, a roster commit and a stream of event
/// batches, then started again on the same database: whole units were written each time (a check, a commit's slice, a
/// batch), and the work resumes by itself from where it stopped (the import) or is completed by sending the batches
/// again (the events API is idempotent).
/// </summary>
public sealed class KillDuringWorkTests : IDisposable
{
    private const int Rows = 40_000;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private readonly TempDirectory folder = new();
    private readonly ITestOutputHelper output = TestContext.Current.TestOutputHelper!;

    private string DatabaseFile => folder.File("programops.db");

    [Fact]
    public async Task A_roster_import_killed_in_its_check_and_in_its_commit_resumes_by_itself_and_enrols_everyone_once()
    {
        var ct = TestContext.Current.CancellationToken;
        var (cohortId, userName) = await SeedAsync(capacity: Rows);
        var rows = Enumerable.Range(1, Rows).Select(i => $"K{i:000000},社員 {i},シャイン,k{i}@example.com,部署{i % 40},1980");

        int importId;
        await using (var first = await ChildConsole.StartAsync(DatabaseFile, ct))
        {
            var cs = await first.SignedInClientAsync(userName);
            var uploaded = await UploadAsync(cs, cohortId, "roster.csv", Utf8Csv([RosterHeader, .. rows]));
            Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
            importId = int.Parse(uploaded.Headers.Location!.OriginalString.Split('/')[4], CultureInfo.InvariantCulture);
            await WaitForStatusAsync(importId, "Validating", ct);
            first.Kill();
        }
        Assert.Equal("Validating", await StatusAsync(importId));

        await using (var second = await ChildConsole.StartAsync(DatabaseFile, ct))
        {
            await WaitForStatusAsync(importId, "Previewed", ct);
            var cs = await second.SignedInClientAsync(userName);
            var preview = await GetDocumentAsync(cs, $"/cohorts/{cohortId}/imports/{importId}");
            Assert.Equal("Interrupted", preview.QuerySelector("[data-notice]")!.GetAttribute("data-notice"));
            Assert.Equal(Rows.ToString("N0", CultureInfo.InvariantCulture), Count(preview, "valid"));
            var commit = await PostAsync(cs, $"/cohorts/{cohortId}/imports/{importId}?handler=Commit", FormFields(preview, formSelector: "form[action*='handler=Commit']"));
            Assert.Equal(HttpStatusCode.Redirect, commit.StatusCode);
            await WaitForStatusAsync(importId, "Committing", ct);
            await WaitForFirstSliceAsync(importId, ct);
            second.Kill();
        }
        Assert.Equal("Committing", await StatusAsync(importId));
        // The commit writes in slices: what the kill left is whole slices, each with the place to resume after it.
        await using (var enrolled = Open())
        {
            var left = await enrolled.QuerySingleAsync<(int Enrolled, int? LastLine, int RowsImported, int? CommittedThroughLine)>(
                """
                SELECT (SELECT COUNT(*) FROM Participants WHERE ImportId = i.Id), (SELECT MAX(ImportLine) FROM Participants WHERE ImportId = i.Id),
                       i.RowsImported, i.CommittedThroughLine
                FROM RosterImports i WHERE i.Id = @importId
                """, new { importId });
            output.WriteLine($"enrolled when the commit was killed: {left.Enrolled:N0} of {Rows:N0}, through line {left.CommittedThroughLine}");
            Assert.InRange(left.Enrolled, 1, Rows - 1);
            Assert.Equal(left.RowsImported, left.Enrolled);
            Assert.True(left.LastLine <= left.CommittedThroughLine, "a participant beyond the recorded slice");
        }

        await using (var third = await ChildConsole.StartAsync(DatabaseFile, ct))
        {
            await WaitForStatusAsync(importId, "Committed", ct);
        }
        Assert.Equal(Rows, await ParticipantsAsync(cohortId));
        await using var c = Open();
        Assert.Equal(Rows, await c.ExecuteScalarAsync<int>("SELECT COUNT(DISTINCT EmployeeNumber) FROM Participants WHERE CohortId = @cohortId", new { cohortId }));
        Assert.Contains("Interrupted", await c.ExecuteScalarAsync<string>("SELECT FailureReason FROM RosterImports WHERE Id = @importId", new { importId }));
    }

    [Fact]
    public async Task Event_batches_cut_off_by_a_kill_are_whole_or_absent_and_complete_when_sent_again()
    {
        var ct = TestContext.Current.CancellationToken;
        const int people = 3_000, batchSize = 500;
        var (cohortId, userName) = await SeedAsync(capacity: people);
        string[] codes;
        (string Id, string Secret) key;
        await using (var first = await ChildConsole.StartAsync(DatabaseFile, ct))
        {
            var cs = await first.SignedInClientAsync(userName);
            var preview = await UploadAndPreviewAsync(cs, cohortId, "r.csv",
                Utf8Csv([RosterHeader, .. Enumerable.Range(1, people).Select(i => $"E{i:00000},社員 {i},,e{i}@example.com,,")]));
            var commit = await PostAsync(cs, $"/cohorts/{cohortId}/imports/{ImportId(preview)}?handler=Commit", FormFields(preview, formSelector: "form[action*='handler=Commit']"));
            await WaitForWorkerAsync(cs, commit.Headers.Location!.OriginalString);
            await using (var c = Open())
                codes = [.. await c.QueryAsync<string>("SELECT InvitationCode FROM Participants WHERE CohortId = @cohortId ORDER BY Id", new { cohortId })];
            key = await SignedEvents.CreateKeyAsync(await first.SignedInClientAsync(adminName!), "障害テスト");

            // Batches go out one after another; the console is killed while they flow.
            using var api = first.NewClient();
            var sending = Task.Run(async () =>
            {
                for (var b = 0; b < people / batchSize; b++) await SendAsync(api, key, Batch(codes, b, batchSize));
            }, ct);
            await Task.Delay(400, ct);
            first.Kill();
            try
            {
                await sending;
            }
            catch (HttpRequestException)
            {
                // The batch in flight when the console died.
            }
        }

        var perBatch = await EventsPerBatchAsync(people / batchSize);
        output.WriteLine($"events per batch after the kill: {string.Join(", ", perBatch)}");
        Assert.All(perBatch, count => Assert.True(count is 0 or batchSize, $"a batch was cut in part: {count} of {batchSize} events"));

        await using (var second = await ChildConsole.StartAsync(DatabaseFile, ct))
        {
            using var api = second.NewClient();
            for (var b = 0; b < people / batchSize; b++) Assert.Equal(HttpStatusCode.OK, (await SendAsync(api, key, Batch(codes, b, batchSize))).StatusCode);
        }

        Assert.All(await EventsPerBatchAsync(people / batchSize), count => Assert.Equal(batchSize, count));
        await using var after = Open();
        Assert.Equal(people, await after.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM Participants WHERE CohortId = @cohortId AND State = 'Enrolled'", new { cohortId }));
    }

    private string? adminName;

    /// <summary>A CS user, an administrator and an enrolling cohort, written by an in-process console that is then stopped.</summary>
    private async Task<(int CohortId, string UserName)> SeedAsync(int capacity)
    {
        using var factory = ProgramOpsFactory.OnFile(DatabaseFile);
        var userName = await factory.CreateUserAsync(Roles.ProgramCS);
        adminName = await factory.CreateUserAsync(Roles.Admin);
        var (cohortId, _, _) = await EnrollingCohortAsync(factory, "障害", capacity);
        return (cohortId, userName);
    }

    private static object Batch(string[] codes, int batch, int size) => new
    {
        events = codes.Skip(batch * size).Take(size).Select((code, i) => new
        {
            id = $"b{batch}-{i}", type = "app_linked", participant = code, occurredAt = DateTimeOffset.UtcNow.AddMinutes(-1),
        }),
    };

    private static Task<HttpResponseMessage> SendAsync(HttpClient api, (string Id, string Secret) key, object batch) =>
        SignedEvents.SendAsync(api, key, JsonSerializer.SerializeToUtf8Bytes(batch, new JsonSerializerOptions(JsonSerializerDefaults.Web)));

    private async Task<int[]> EventsPerBatchAsync(int batches)
    {
        await using var c = Open();
        var counts = (await c.QueryAsync<(string Batch, int Count)>(
            "SELECT substr(EventId, 1, instr(EventId, '-') - 1), COUNT(*) FROM ParticipantEvents GROUP BY 1")).ToDictionary(r => r.Batch, r => r.Count);
        return [.. Enumerable.Range(0, batches).Select(b => counts.GetValueOrDefault($"b{b}"))];
    }

    private async Task WaitForStatusAsync(int importId, string status, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + Patience;
        string seen;
        while ((seen = await StatusAsync(importId)) != status)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Import {importId} stayed {seen}, never {status}.");
            await Task.Delay(20, ct);
        }
    }

    private async Task WaitForFirstSliceAsync(int importId, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            await using (var c = Open())
            {
                if (await c.ExecuteScalarAsync<int?>("SELECT CommittedThroughLine FROM RosterImports WHERE Id = @importId", new { importId }) is not null) return;
            }

            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Import {importId} never wrote a slice.");
            await Task.Delay(10, ct);
        }
    }

    private async Task<string> StatusAsync(int importId)
    {
        await using var c = Open();
        return await c.ExecuteScalarAsync<string>("SELECT Status FROM RosterImports WHERE Id = @importId", new { importId }) ?? "";
    }

    private async Task<int> ParticipantsAsync(int cohortId)
    {
        await using var c = Open();
        return await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM Participants WHERE CohortId = @cohortId", new { cohortId });
    }

    // Unpooled: the killed console's file is read afresh each time.
    private SqliteConnection Open() => new($"Data Source={DatabaseFile};Pooling=False");

    public void Dispose() => folder.Dispose();
}
