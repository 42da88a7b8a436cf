using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using ProgramOps.Web.Features.Events;

namespace ProgramOps.Bench;

/// <summary>
/// The events API under load on loopback: batches of 500 signed events (app links, then check-ins) from concurrent
/// senders, each event id new, so every event goes through the idempotency check and is stored; then the same
/// batches replayed, which must change nothing. The same is first sent untimed for other participants of the cohort, as a
/// console that has been running has compiled its events path. Prints events/s and batch latency percentiles beside the baseline: a bare
/// idempotent append of the same events (prepared INSERT OR IGNORE, batches of 500 per transaction) on the same file.
/// </summary>
public static partial class EventsBenchmark
{
    private const int BatchSize = 500;
    private const double TargetEventsPerSecond = 30_000;
    private const double TargetP99Milliseconds = 250;
    private const int WarmUpParticipants = 40_000;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task RunAsync(HttpClient admin, Uri baseUrl, string databaseFile, int cohortId, int participants, int concurrency)
    {
        var (keyId, secret) = await CreateKeyAsync(admin);
        var invited = await InvitationCodesAsync(databaseFile, cohortId, participants + WarmUpParticipants);
        var (codes, warmUpCodes) = (invited.Take(participants).ToList(), invited.Skip(participants).ToList());
        var now = DateTimeOffset.UtcNow;
        using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromMinutes(2) };

        // Untimed warm-up on other participants, so the sustained rate is not the JIT compiling the events path.
        var warmUp = LinkThenCheckIn(warmUpCodes, "warm-up-", now);
        await DriveAsync(http, keyId, secret, warmUp[..(warmUp.Count / 2)], concurrency);
        await DriveAsync(http, keyId, secret, warmUp[(warmUp.Count / 2)..], concurrency);

        var batches = LinkThenCheckIn(codes, "", now);
        // Links first: a participant's check-ins are refused until the app is linked.
        var linked = await DriveAsync(http, keyId, secret, batches[..(batches.Count / 2)], concurrency);
        var checkedIn = await DriveAsync(http, keyId, secret, batches[(batches.Count / 2)..], concurrency);
        var fresh = Run.Combine(linked, checkedIn);
        var replay = await DriveAsync(http, keyId, secret, batches.Take(Math.Max(1, batches.Count / 4)).ToList(), concurrency);
        var bare = await BareAppendAsync(databaseFile, codes, now);

        var rate = fresh.Events / fresh.Elapsed.TotalSeconds;
        var p99 = fresh.Percentile(99);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            Events API (POST /api/v1/events, HMAC-signed, batches of {BatchSize}, {concurrency} concurrent senders, after {warmUpCodes.Count * 2:N0} events untimed)
              new events    : {fresh.Events:N0} in {fresh.Elapsed.TotalSeconds:F1} s = {rate:N0} events/s; batch p50 {fresh.Percentile(50):F0} ms, p99 {p99:F0} ms; accepted {fresh.Accepted:N0}, errors {fresh.Errors}
              replayed      : {replay.Events:N0} in {replay.Elapsed.TotalSeconds:F1} s = {replay.Events / replay.Elapsed.TotalSeconds:N0} events/s; duplicates {replay.Duplicates:N0}, accepted {replay.Accepted}
              baseline: bare idempotent append of the same {bare.Events:N0} events on the same file, {BatchSize} per transaction, one writer: {bare.Events / bare.Elapsed.TotalSeconds:N0} events/s
              target: at least {TargetEventsPerSecond:N0} events/s sustained, none failed: {(rate >= TargetEventsPerSecond && fresh.Errors == 0 ? "PASS" : "FAIL")} (ratio to bare append {rate / (bare.Events / bare.Elapsed.TotalSeconds):F2})
              target: batch p99 < {TargetP99Milliseconds:F0} ms: {(p99 < TargetP99Milliseconds ? "PASS" : "FAIL")}
            """));
    }

    /// <summary>
    /// The machine's limit for this write: the same events appended to a table shaped like ParticipantEvents (same
    /// indexes, unique event id) in the same database file, with no checks, no lifecycle and no JSON or HTTP.
    /// </summary>
    private static async Task<(int Events, TimeSpan Elapsed)> BareAppendAsync(string databaseFile, List<string> codes, DateTimeOffset now)
    {
        await using var connection = new SqliteConnection($"Data Source={databaseFile};Default Timeout=30");
        await connection.OpenAsync();
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = """
                DROP TABLE IF EXISTS BenchBareEvents;
                CREATE TABLE BenchBareEvents (Id INTEGER PRIMARY KEY AUTOINCREMENT, ApiKeyId INTEGER NOT NULL, EventId TEXT NOT NULL, EventType TEXT NOT NULL,
                    ParticipantId INTEGER NOT NULL, OccurredAt TEXT NOT NULL, ReceivedAt TEXT NOT NULL, Payload TEXT NOT NULL);
                CREATE UNIQUE INDEX UX_BenchBareEvents_EventId ON BenchBareEvents (ApiKeyId, EventId);
                CREATE INDEX IX_BenchBareEvents_Participant ON BenchBareEvents (ParticipantId, OccurredAt);
                """;
            await create.ExecuteNonQueryAsync();
        }

        var ids = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT InvitationCode, Id FROM Participants WHERE InvitationCode IN (SELECT value FROM json_each($codes))";
            read.Parameters.AddWithValue("$codes", JsonSerializer.Serialize(codes));
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync()) ids[reader.GetString(0)] = reader.GetInt64(1);
        }

        var at = now.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
        var events = codes.Select((code, i) => (Id: $"link-{i}", Type: "app_linked", Participant: ids[code], Payload: "{}"))
            .Concat(codes.Select((code, i) => (Id: $"checkin-{i}", Type: "check_in", Participant: ids[code],
                Payload: JsonSerializer.Serialize(new { smoked = i % 7 == 0, cravings = i % 11 }))))
            .ToList();
        var started = Stopwatch.StartNew();
        foreach (var batch in events.Chunk(BatchSize))
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT OR IGNORE INTO BenchBareEvents (ApiKeyId, EventId, EventType, ParticipantId, OccurredAt, ReceivedAt, Payload)
                VALUES (1, $id, $type, $participant, $at, $at, $payload)
                """;
            var (id, type, participant, atParameter, payload) = (insert.Parameters.Add("$id", SqliteType.Text), insert.Parameters.Add("$type", SqliteType.Text),
                insert.Parameters.Add("$participant", SqliteType.Integer), insert.Parameters.AddWithValue("$at", at), insert.Parameters.Add("$payload", SqliteType.Text));
            insert.Prepare();
            foreach (var e in batch)
            {
                (id.Value, type.Value, participant.Value, payload.Value) = (e.Id, e.Type, e.Participant, e.Payload);
                await insert.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }

        var elapsed = started.Elapsed;
        await using (var drop = connection.CreateCommand())
        {
            drop.CommandText = "DROP TABLE BenchBareEvents";
            await drop.ExecuteNonQueryAsync();
        }

        return (events.Count, elapsed);
    }

    /// <summary>Signed-ready batches: every participant's app link, then every participant's check-in.</summary>
    private static List<byte[]> LinkThenCheckIn(List<string> codes, string idPrefix, DateTimeOffset at)
    {
        var links = codes.Select((code, i) => Event($"{idPrefix}link-{i}", "app_linked", code, at, null));
        var checkIns = codes.Select((code, i) => Event($"{idPrefix}checkin-{i}", "check_in", code, at, new { smoked = i % 7 == 0, cravings = i % 11 }));
        static IEnumerable<byte[]> Batches(IEnumerable<object> events) => events.Chunk(BatchSize).Select(batch => JsonSerializer.SerializeToUtf8Bytes(new { events = batch }));
        return [.. Batches(links), .. Batches(checkIns)];
    }

    private static object Event(string id, string type, string code, DateTimeOffset at, object? data) =>
        new { id, type, participant = code, occurredAt = at, data };

    private sealed class Run
    {
        private readonly List<double> milliseconds = [];

        public static Run Combine(Run a, Run b)
        {
            var run = new Run
            {
                Events = a.Events + b.Events, Accepted = a.Accepted + b.Accepted, Duplicates = a.Duplicates + b.Duplicates,
                Errors = a.Errors + b.Errors, Elapsed = a.Elapsed + b.Elapsed,
            };
            run.milliseconds.AddRange(a.milliseconds.Concat(b.milliseconds));
            return run;
        }
        public int Events { get; set; }
        public int Accepted { get; set; }
        public int Duplicates { get; set; }
        public int Errors { get; set; }
        public TimeSpan Elapsed { get; set; }

        public void Add(double ms)
        {
            lock (milliseconds) milliseconds.Add(ms);
        }

        public double Percentile(int percent)
        {
            var sorted = milliseconds.Order().ToArray();
            return sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(percent / 100.0 * sorted.Length) - 1)];
        }
    }

    private static async Task<Run> DriveAsync(HttpClient http, string keyId, byte[] secret, IReadOnlyList<byte[]> batches, int concurrency)
    {
        var run = new Run();
        var next = -1;
        var started = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < batches.Count)
            {
                using var request = SignedRequest(keyId, secret, batches[index]);
                var sent = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request);
                run.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                lock (run)
                {
                    if (response.StatusCode != HttpStatusCode.OK) run.Errors++;
                }

                if (response.StatusCode != HttpStatusCode.OK) continue;
                var result = JsonSerializer.Deserialize<EventBatchResponse>(await response.Content.ReadAsStreamAsync(), Json)!;
                lock (run)
                {
                    run.Events += result.Results.Count;
                    run.Accepted += result.Accepted;
                    run.Duplicates += result.Duplicates;
                }
            }
        })));
        run.Elapsed = started.Elapsed;
        return run;
    }

    /// <summary>A batch as the base app sends it: signed with the key's secret over the timestamp and body.</summary>
    internal static HttpRequestMessage SignedRequest(string keyId, byte[] secret, byte[] body)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/events") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add(RequestSignature.KeyHeader, keyId);
        request.Headers.Add(RequestSignature.TimestampHeader, timestamp);
        request.Headers.Add(RequestSignature.SignatureHeader, RequestSignature.Compute(secret, timestamp, body));
        return request;
    }

    /// <summary>Creates the key through the admin page, as an administrator would, and reads the secret it shows once.</summary>
    internal static async Task<(string KeyId, byte[] Secret)> CreateKeyAsync(HttpClient admin)
    {
        var page = await admin.GetStringAsync("/admin/apikeys");
        var fields = new Dictionary<string, string>
        {
            ["Name"] = "benchmark",
            ["SubmissionToken"] = Guid.NewGuid().ToString(),
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value),
        };
        var created = await (await admin.PostAsync("/admin/apikeys?handler=Create", new FormUrlEncodedContent(fields))).Content.ReadAsStringAsync();
        return (KeyId().Match(created).Groups[1].Value, Encoding.UTF8.GetBytes(Secret().Match(created).Groups[1].Value));
    }

    private static async Task<List<string>> InvitationCodesAsync(string databaseFile, int cohortId, int count)
    {
        await using var connection = new SqliteConnection($"Data Source={databaseFile};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT InvitationCode FROM Participants WHERE CohortId = $cohort AND State = 'Invited' ORDER BY Id LIMIT $count";
        command.Parameters.AddWithValue("$cohort", cohortId);
        command.Parameters.AddWithValue("$count", count);
        var codes = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) codes.Add(reader.GetString(0));
        return codes;
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("data-key-id>([^<]+)<")]
    private static partial Regex KeyId();

    [GeneratedRegex("data-secret>([^<]+)<")]
    private static partial Regex Secret();
}
