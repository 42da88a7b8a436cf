using System.Diagnostics;
using System.Globalization;
using Dapper;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using ProgramOps.Web.Features.Clients;
using ProgramOps.Web.Features.Clients.Contracts;
using ProgramOps.Web.Features.Cohorts;
using ProgramOps.Web.Features.Demo;
using ProgramOps.Web.Features.Participants;
using ProgramOps.Web.Features.Programs;
using ProgramOps.Web.Features.Supplies;
using ProgramOps.Web.Infrastructure.Audit;
using ProgramOps.Web.Infrastructure.Auth;
using ProgramOps.Web.Infrastructure.Data;
using ProgramOps.Web.Infrastructure.Time;

namespace ProgramOps.Bench;

/// <summary>
/// The daily program clock and engagement watch over N synthetic participants in 100 cohorts: 90 running cohorts
/// spread over the program's 12 weeks, with a realistic mix of states and check-in gaps, and 10 whose final answer
/// window has closed. Both jobs run as Quartz would run them, then once more (the idempotent second run). Beside them,
/// in the same run: a bare scan of every participant, and a bare prepared UPDATE + INSERT loop of as many transitions
/// as the jobs made.
/// </summary>
public static class LifecycleJobsBenchmark
{
    private const int Cohorts = 100;
    private const int ClosingCohorts = 10;
    private const double TargetSeconds = 10;
    private const double TargetRatioToBare = 0.5;
    private const long TargetPeakBytes = 1024L * 1024 * 1024;

    public static async Task<int> RunAsync(int participants)
    {
        using var database = new BenchDatabase();
        var db = database.Db;
        var clock = new LocalClock(TimeProvider.System, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));
        var seeding = Stopwatch.StartNew();
        var cohorts = await SeedCohortsAsync(db, clock);
        Seed(db, cohorts, participants, clock.Today);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Program clock + engagement watch over {participants:N0} participants in {Cohorts} cohorts ({ClosingCohorts} past their final answer window); seeded in {seeding.Elapsed.TotalSeconds:F1} s (not timed)"));
        Console.WriteLine("  states before: " + await StatesAsync(db));

        var audit = new AuditTrail(new HttpCurrentUser(new HttpContextAccessor()), TimeProvider.System);
        var batches = new ParticipantBatches(db, audit, TimeProvider.System);
        var programClock = new ProgramClockJob(db, batches, audit, clock, NullLogger<ProgramClockJob>.Instance);
        var engagementWatch = new EngagementWatchJob(db, batches, clock, NullLogger<EngagementWatchJob>.Instance);

        var first = await TimeAsync(programClock, engagementWatch);
        var second = await TimeAsync(programClock, engagementWatch);
        var total = first.Clock + first.Watch;
        Console.WriteLine("  states after:  " + await StatesAsync(db));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  first run:  program clock {first.Clock.TotalSeconds,5:F2} s ({first.Closed:N0} closed) + engagement watch {first.Watch.TotalSeconds,5:F2} s ({first.Moved:N0} moved) = {total.TotalSeconds:F2} s (under {TargetSeconds} s: {(total.TotalSeconds < TargetSeconds ? "PASS" : "FAIL")})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  second run: program clock {second.Clock.TotalSeconds,5:F2} s ({second.Closed:N0} closed) + engagement watch {second.Watch.TotalSeconds,5:F2} s ({second.Moved:N0} moved) (idempotent: {(second.Closed + second.Moved == 0 ? "PASS" : "FAIL")})"));

        var supplies = new SuppliesJob(db, clock, NullLogger<SuppliesJob>.Instance);
        var suppliesTime = Stopwatch.StartNew();
        var shipments = (await supplies.RunAsync(CancellationToken.None)).Items;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  beside them, the supplies job's first run: {shipments:N0} shipments and actions in {suppliesTime.Elapsed.TotalSeconds:F2} s (no target; set-based, one statement per cohort and week)"));

        var transitions = first.Closed + first.Moved;
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        var scan = BareScan(db);
        var loop = BareTransitions(db, transitions, participants);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  bare scan of all {participants:N0} participants' state columns: {scan.TotalSeconds:F2} s; bare prepared UPDATE + INSERT of {transitions:N0} transitions in batches of {ParticipantBatches.Size:N0}: {loop.TotalSeconds:F2} s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  ratio, bare (scan + loop) / jobs: {(scan + loop).TotalSeconds / total.TotalSeconds:F2} (target at least {TargetRatioToBare:F1}: {((scan + loop).TotalSeconds / total.TotalSeconds >= TargetRatioToBare ? "PASS" : "FAIL")}); jobs {transitions / total.TotalSeconds:N0} transitions/s against the loop's {transitions / loop.TotalSeconds:N0}/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  peak working set of the whole benchmark process: {peak / 1048576.0:F0} MB (goal < 1024 MB: {(peak < TargetPeakBytes ? "PASS" : "FAIL")})"));
        return 0;
    }

    private sealed record JobTimes(TimeSpan Clock, int Closed, TimeSpan Watch, int Moved);

    private static async Task<JobTimes> TimeAsync(ProgramClockJob programClock, EngagementWatchJob engagementWatch)
    {
        var stopwatch = Stopwatch.StartNew();
        var closed = (await programClock.RunAsync(CancellationToken.None)).Items;
        var clockTime = stopwatch.Elapsed;
        var moved = (await engagementWatch.RunAsync(CancellationToken.None)).Items;
        return new JobTimes(clockTime, closed, stopwatch.Elapsed - clockTime, moved);
    }

    private sealed record SeededCohort(int Id, int ContractId, int ClientId, DateOnly Start, bool Closing);

    private static async Task<IReadOnlyList<SeededCohort>> SeedCohortsAsync(Db db, LocalClock clock) =>
        await db.InTransactionAsync(async (c, t) =>
        {
            const string actor = "bench";
            var now = clock.UtcNow;
            var clientId = await c.ExecuteScalarAsync<int>(ClientsSql.Insert + db.Dialect.SelectNewId,
                new ClientInput { Name = "ベンチ健康保険組合", Kind = ClientKind.HealthInsuranceSociety, EligiblePopulation = 3_000_000 }.ToParameters(now, actor), t);
            var contractId = await c.ExecuteScalarAsync<int>(ContractsSql.Insert + db.Dialect.SelectNewId, new ContractInput
            {
                ProgramName = "禁煙プログラム", Seats = 2_000_000, PricePerSeatJpy = 30_000, StartDate = clock.Today.AddMonths(-6), EndDate = clock.Today.AddMonths(6),
                Status = ContractStatus.Active,
            }.ToParameters(clientId, now, actor), t);
            var versionId = await DemoCohorts.PublishAsync(c, t, db.Dialect, ProgramTemplates.SmokingCessation, now, actor);
            var cohorts = new List<SeededCohort>();
            for (var i = 0; i < Cohorts; i++)
            {
                var closing = i < ClosingCohorts;
                // Running cohorts are spread over the 12 weeks; closing ones ended more than the answer window ago.
                var start = closing ? clock.Today.AddDays(-100) : clock.Today.AddDays(-1 - (i % 12 * 7) - (i % 7));
                var id = await DemoCohorts.CreateAsync(c, t, db.Dialect,
                    new DemoCohortPlan($"ベンチ {i + 1:D3}", versionId, [new(contractId, 2_000_000)], start, CohortStatus.Running), now, actor);
                cohorts.Add(new SeededCohort(id, contractId, clientId, start, closing));
            }

            return (IReadOnlyList<SeededCohort>)cohorts;
        });

    /// <summary>A bare prepared INSERT of every participant, with a mix of states and days since the last check-in.</summary>
    private static void Seed(Db db, IReadOnlyList<SeededCohort> cohorts, int participants, DateOnly today)
    {
        var random = new Random(11);
        using var connection = new SqliteConnection(db.ConnectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO Participants (CohortId, ContractId, ClientId, EmployeeNumber, FullName, Email, InvitationCode, State, Outcome, LastCheckInOn,
                                      StateChangedAt, Version, CreatedAt, UpdatedAt, UpdatedBy)
            VALUES ($cohort, $contract, $client, $number, $name, $email, $code, $state, $outcome, $checkIn, $at, 1, $at, $at, 'bench')
            """;
        var p = new[] { "$cohort", "$contract", "$client", "$number", "$name", "$email", "$code", "$state", "$outcome", "$checkIn" }
            .ToDictionary(n => n, n => insert.Parameters.Add(n, SqliteType.Text));
        insert.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        insert.Prepare();
        for (var i = 0; i < participants; i++)
        {
            // Each cohort's participants arrive together, in its roster import.
            var cohort = cohorts[(int)((long)i * cohorts.Count / participants)];
            var (state, outcome, checkIn) = cohort.Closing ? AtTheEnd(random, cohort.Start) : Running(random, cohort.Start, today);
            p["$cohort"].Value = cohort.Id;
            p["$contract"].Value = cohort.ContractId;
            p["$client"].Value = cohort.ClientId;
            p["$number"].Value = "B" + i.ToString("D7", CultureInfo.InvariantCulture);
            p["$name"].Value = "参加者 " + i.ToString(CultureInfo.InvariantCulture);
            p["$email"].Value = $"p{i}@example.co.jp";
            p["$code"].Value = i.ToString("D12", CultureInfo.InvariantCulture);
            p["$state"].Value = state.ToString();
            p["$outcome"].Value = (object?)outcome?.ToString() ?? DBNull.Value;
            p["$checkIn"].Value = checkIn is { } day ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : DBNull.Value;
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private static (ParticipantState, ParticipantOutcome?, DateOnly?) Running(Random random, DateOnly start, DateOnly today)
    {
        DateOnly DaysAgo(int days) => today.AddDays(-days) < start ? start : today.AddDays(-days);
        var gap = random.NextDouble() switch { < 0.85 => random.Next(0, 3), < 0.97 => random.Next(3, 14), _ => random.Next(14, 31) };
        return random.NextDouble() switch
        {
            < 0.02 => (ParticipantState.Invited, null, null),
            < 0.04 => (ParticipantState.Enrolled, null, null),
            < 0.08 => (ParticipantState.Onboarding, null, null),
            < 0.80 => (ParticipantState.Active, null, DaysAgo(gap)),
            < 0.88 => (ParticipantState.AtRisk, null, DaysAgo(random.Next(3, 26))),
            < 0.95 => (ParticipantState.DroppedOut, null, DaysAgo(random.Next(14, 40))),
            < 0.97 => (ParticipantState.Withdrawn, null, null),
            _ => (ParticipantState.Declined, null, null),
        };
    }

    private static (ParticipantState, ParticipantOutcome?, DateOnly?) AtTheEnd(Random random, DateOnly start) => random.NextDouble() switch
    {
        < 0.60 => (ParticipantState.Active, null, start.AddDays(83)),
        < 0.70 => (ParticipantState.AtRisk, null, start.AddDays(78)),
        < 0.90 => (ParticipantState.Completed, random.Next(2) == 0 ? ParticipantOutcome.Succeeded : ParticipantOutcome.NotSucceeded, start.AddDays(84)),
        < 0.95 => (ParticipantState.DroppedOut, null, start.AddDays(30)),
        _ => (ParticipantState.Invited, null, null),
    };

    private static async Task<string> StatesAsync(Db db)
    {
        await using var connection = await db.OpenAsync();
        var counts = await connection.QueryAsync<(string State, int Count)>("SELECT State, COUNT(*) FROM Participants GROUP BY State ORDER BY COUNT(*) DESC");
        return string.Join(", ", counts.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.State} {c.Count:N0}")));
    }

    private static TimeSpan BareScan(Db db)
    {
        var stopwatch = Stopwatch.StartNew();
        using var connection = new SqliteConnection(db.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id, ClientId, State, Version, LastCheckInOn, TeamId FROM Participants";
        using var reader = command.ExecuteReader();
        long sum = 0;
        while (reader.Read()) sum += reader.GetInt64(0) + reader.GetString(2).Length;
        GC.KeepAlive(sum);
        return stopwatch.Elapsed;
    }

    /// <summary>The writes of <paramref name="count"/> transitions spread over the table, without any lifecycle, check or audit, batch by batch.</summary>
    private static TimeSpan BareTransitions(Db db, int count, int participants)
    {
        var stopwatch = Stopwatch.StartNew();
        using var connection = new SqliteConnection(db.ConnectionString);
        connection.Open();
        for (var done = 0; done < count;)
        {
            using var transaction = connection.BeginTransaction();
            using var update = connection.CreateCommand();
            update.Transaction = transaction;
            update.CommandText = "UPDATE Participants SET State = 'Active', Version = Version + 1, UpdatedAt = $at WHERE Id = $id AND Version = Version";
            var updateId = update.Parameters.Add("$id", SqliteType.Integer);
            update.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            update.Prepare();
            using var log = connection.CreateCommand();
            log.Transaction = transaction;
            log.CommandText = """
                INSERT INTO ParticipantTransitions (ParticipantId, FromState, ToState, TriggerName, Actor, OccurredAt, Reason)
                VALUES ($id, 'Active', 'Active', 'Bench', 'bench', $at, 'bare loop')
                """;
            var logId = log.Parameters.Add("$id", SqliteType.Integer);
            var stride = Math.Max(1, participants / Math.Max(1, count));
            log.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            log.Prepare();
            for (var i = 0; i < ParticipantBatches.Size && done < count; i++, done++)
            {
                updateId.Value = logId.Value = 1 + ((long)done * stride % participants);
                update.ExecuteNonQuery();
                log.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        return stopwatch.Elapsed;
    }
}
