using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace ProgramOps.Bench;

/// <summary>
/// 50 concurrent writers on the served SQLite console for a bounded time: staff recording a participant's step on the
/// participant page (a form post with its version), the base app sending check-ins, and a 20,000-row roster import
/// committed by another process on the same file. Every write must succeed: no server error, no "database is locked".
/// </summary>
public static partial class WritersLoadBenchmark
{
    private const int Writers = 50;
    private const int EventSenders = 16;
    private const int EventsPerBatch = 100;
    private const int ImportRows = 20_000;

    public static async Task RunAsync(HttpClient staff, Uri baseUrl, string databaseFile, int cohortId, string serverLog, int seconds)
    {
        var (keyId, secret) = await EventsBenchmark.CreateKeyAsync(staff);
        var linked = await ReadAsync<string>(databaseFile, "SELECT InvitationCode FROM Participants WHERE CohortId = $cohort AND State = 'Enrolled' LIMIT 20000", cohortId);
        var invited = new Queue<long>(await ReadAsync<long>(databaseFile, "SELECT Id FROM Participants WHERE CohortId = $cohort AND State = 'Invited' ORDER BY Id DESC LIMIT 20000", cohortId));
        var lockedBefore = LockedCount(serverLog);
        var statuses = new Dictionary<string, Dictionary<int, int>>();
        void Count(string kind, int status)
        {
            lock (statuses)
            {
                var byStatus = statuses.TryGetValue(kind, out var seen) ? seen : statuses[kind] = [];
                byStatus[status] = byStatus.GetValueOrDefault(status) + 1;
            }
        }

        using var api = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromMinutes(2) };
        var until = Stopwatch.GetTimestamp() + (long)(seconds * (double)Stopwatch.Frequency);
        var started = Stopwatch.StartNew();
        string? importFailure = null;
        var import = Task.Run(async () =>
        {
            try { await ImportBenchmark.ImportIntoAsync(databaseFile, ImportRows); }
            catch (Exception e) { importFailure = e.Message; }
        });
        var senders = Enumerable.Range(0, EventSenders).Select(sender => Task.Run(async () =>
        {
            var random = new Random(sender);
            for (var n = 0; Stopwatch.GetTimestamp() < until; n++)
            {
                var events = Enumerable.Range(0, EventsPerBatch).Select(i => new
                {
                    id = $"load-{sender}-{n}-{i}", type = "check_in", participant = linked[random.Next(linked.Count)], occurredAt = DateTimeOffset.UtcNow,
                    data = new { smoked = false, cravings = i % 11 },
                });
                using var request = EventsBenchmark.SignedRequest(keyId, secret, JsonSerializer.SerializeToUtf8Bytes(new { events }));
                using var response = await api.SendAsync(request);
                Count("event batch", (int)response.StatusCode);
            }
        }));
        var savers = Enumerable.Range(0, Writers - EventSenders - 1).Select(_ => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < until)
            {
                long id;
                lock (invited)
                {
                    if (invited.Count == 0) return;
                    id = invited.Dequeue();
                }

                var page = await staff.GetStringAsync($"/participants/{id}");
                var fields = new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = WebUtility.HtmlDecode(HttpBenchmark.AntiforgeryToken().Match(page).Groups[1].Value),
                    ["Input.Version"] = VersionValue().Match(VersionField().Match(page).Value).Groups[1].Value,
                    ["Input.Trigger"] = "Decline",
                    ["Input.Reason"] = "負荷試験: 参加を辞退",
                };
                using var response = await staff.PostAsync($"/participants/{id}", new FormUrlEncodedContent(fields));
                // A saved step redirects to the page (PRG); anything else is a page with an error or a failure.
                Count("staff step", (int)response.StatusCode);
            }
        }));
        await Task.WhenAll([.. senders, .. savers, import]);
        var elapsed = started.Elapsed;

        var serverErrors = statuses.Values.Sum(s => s.Where(p => p.Key >= 500).Sum(p => p.Value));
        var unexpected = statuses.Sum(s => s.Value.Where(p => p.Key != (s.Key == "staff step" ? 302 : 200)).Sum(p => p.Value));
        var locked = LockedCount(serverLog) - lockedBefore + (importFailure?.Contains("database is locked", StringComparison.OrdinalIgnoreCase) == true ? 1 : 0);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Load: {Writers} concurrent writers on SQLite for {elapsed.TotalSeconds:F1} s ({EventSenders} event senders, batches of {EventsPerBatch}; {Writers - EventSenders - 1} staff recording steps; 1 import of {ImportRows:N0} rows from another process)"));
        foreach (var (kind, byStatus) in statuses.OrderBy(s => s.Key))
            Console.WriteLine($"  {kind}: {string.Join(", ", byStatus.OrderBy(s => s.Key).Select(s => $"{s.Value:N0} x HTTP {s.Key}"))}");
        Console.WriteLine($"  import: {importFailure ?? "committed"}");
        Console.WriteLine($"target: 0 \"database is locked\" and 0 server errors: {(locked == 0 && serverErrors == 0 && importFailure is null && unexpected == 0 ? "PASS" : "FAIL")} ({locked} locked, {serverErrors} server errors, {unexpected} other unexpected answers)");
    }

    private static int LockedCount(string serverLog) =>
        File.Exists(serverLog) ? File.ReadLines(serverLog).Count(line => line.Contains("database is locked", StringComparison.OrdinalIgnoreCase)) : 0;

    private static async Task<List<T>> ReadAsync<T>(string databaseFile, string sql, int cohortId)
    {
        await using var connection = new SqliteConnection($"Data Source={databaseFile};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$cohort", cohortId);
        var values = new List<T>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) values.Add(reader.GetFieldValue<T>(0));
        return values;
    }

    [GeneratedRegex("<input[^>]*name=\"Input.Version\"[^>]*>")]
    private static partial Regex VersionField();

    [GeneratedRegex("value=\"(\\d+)\"")]
    private static partial Regex VersionValue();
}
