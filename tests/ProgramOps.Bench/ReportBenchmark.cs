using System.Diagnostics;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using ProgramOps.Web.Features.Clients;
using ProgramOps.Web.Features.Clients.Contracts;
using ProgramOps.Web.Features.Cohorts;
using ProgramOps.Web.Features.Demo;
using ProgramOps.Web.Features.Outcomes;
using ProgramOps.Web.Features.Programs;
using ProgramOps.Web.Infrastructure.Data;
using ProgramOps.Web.Infrastructure.Time;

namespace ProgramOps.Bench;

/// <summary>
/// One client's outcome report (every figure, not the PDF) over a completed cohort of N participants with the history
/// the app and the lifecycle leave: weekly check-ins, final answers with CO readings, satisfaction answers, drop-outs and
/// withdrawals, with the facts the events path keeps on each participant. Beside it, in the same run: bare aggregate
/// queries over the same rows (participants by state and outcome, and by check-in week map).
/// </summary>
public static class ReportBenchmark
{
    private const double TargetSeconds = 1;

    public static async Task<int> RunAsync(int participants)
    {
        using var database = new BenchDatabase();
        var db = database.Db;
        var clock = new LocalClock(TimeProvider.System, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));
        var seeding = Stopwatch.StartNew();
        var start = clock.Today.AddDays(-100);
        var (cohortId, clientId) = await SeedCohortAsync(db, clock, start);
        var events = Seed(db, cohortId, clientId, participants, start);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Outcome report of one client over a completed cohort of {participants:N0} participants ({events:N0} app events); seeded in {seeding.Elapsed.TotalSeconds:F1} s (not timed)"));

        var reports = new OutcomeReports(db, clock);
        var first = Stopwatch.StartNew();
        var report = await reports.DrawAsync(cohortId, clientId, CancellationToken.None);
        var firstTime = first.Elapsed;
        var second = Stopwatch.StartNew();
        await reports.DrawAsync(cohortId, clientId, CancellationToken.None);
        var secondTime = second.Elapsed;
        var itt = report!.Figures!.Figures.ShownRate(FigureNames.Succeeded, FigureNames.Enrolled)!;
        var bare = BareAggregates(db, cohortId);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  report (all figures, suppressed, with comparisons): first {firstTime.TotalMilliseconds:F0} ms, again {secondTime.TotalMilliseconds:F0} ms (under {TargetSeconds} s: {(firstTime.TotalSeconds < TargetSeconds ? "PASS" : "FAIL")}); ITT {itt.Count:N0}/{itt.Total:N0} = {itt.Share:P1}"));
        foreach (var (name, sql) in new[]
        {
            ("participant groups", OutcomesSql.ParticipantGroups), ("check-in week maps", OutcomesSql.CheckInWeekGroups),
            ("teams' check-in week maps", OutcomesSql.TeamCheckInWeeks), ("satisfaction", OutcomesSql.Satisfaction),
        })
        {
            var query = Stopwatch.StartNew();
            await using var c = await db.OpenAsync();
            var rows = (await c.QueryAsync(sql, new { CohortIds = new[] { cohortId }, ClientId = clientId, CoCutoff = QuitOutcome.CoVerifiedBelowPpm })).Count();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    of which {name}: {query.Elapsed.TotalMilliseconds:F0} ms ({rows:N0} rows)"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  bare aggregates over the same rows (participants GROUP BY state, outcome + GROUP BY check-in week map): {bare.TotalMilliseconds:F0} ms; ratio bare / report {bare.TotalSeconds / firstTime.TotalSeconds:F2}"));
        return 0;
    }

    private static async Task<(int CohortId, int ClientId)> SeedCohortAsync(Db db, LocalClock clock, DateOnly start) =>
        await db.InTransactionAsync(async (c, t) =>
        {
            const string actor = "bench";
            var now = clock.UtcNow;
            var clientId = await c.ExecuteScalarAsync<int>(ClientsSql.Insert + db.Dialect.SelectNewId,
                new ClientInput { Name = "ベンチ健康保険組合", Kind = ClientKind.HealthInsuranceSociety, EligiblePopulation = 3_000_000 }.ToParameters(now, actor), t);
            var contractId = await c.ExecuteScalarAsync<int>(ContractsSql.Insert + db.Dialect.SelectNewId, new ContractInput
            {
                ProgramName = "禁煙プログラム", Seats = 2_000_000, PricePerSeatJpy = 30_000, StartDate = start.AddMonths(-2), EndDate = start.AddMonths(10),
                Status = ContractStatus.Active, EligiblePopulation = 2_500_000, EligiblePopulationAsOf = start.AddMonths(-2), FeePerIttSuccessJpy = 20_000,
            }.ToParameters(clientId, now, actor), t);
            var versionId = await DemoCohorts.PublishAsync(c, t, db.Dialect, ProgramTemplates.SmokingCessation, now, actor);
            var cohortId = await DemoCohorts.CreateAsync(c, t, db.Dialect,
                new DemoCohortPlan("ベンチ 成果", versionId, [new(contractId, 2_000_000)], start, CohortStatus.Completed), now, actor);
            await c.ExecuteAsync("UPDATE Cohorts SET Status = 'Completed' WHERE Id = @cohortId", new { cohortId }, t);
            return (cohortId, clientId);
        });

    /// <summary>Bare prepared INSERTs: participants in a realistic end-of-program mix, their exits and their app events.</summary>
    private static int Seed(Db db, int cohortId, int clientId, int participants, DateOnly start)
    {
        var random = new Random(17);
        using var connection = new SqliteConnection(db.ConnectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        var contractId = connection.ExecuteScalar<int>("SELECT ContractId FROM CohortContracts WHERE CohortId = @cohortId", new { cohortId }, transaction);
        var apiKey = connection.ExecuteScalar<int>(
            "INSERT INTO ApiKeys (Name, KeyId, ProtectedSecret, CreatedAt, CreatedBy, Version) VALUES ('bench', 'bench', 'x', '2026-01-01T00:00:00.0000000Z', 'bench', 1); SELECT last_insert_rowid();",
            transaction: transaction);
        using var person = Prepared(connection, transaction, """
            INSERT INTO Participants (CohortId, ContractId, ClientId, EmployeeNumber, FullName, Email, BirthYear, InvitationCode, State, Outcome, LastCheckInOn,
                                      CheckInWeeks, FinalCoPpm, SatisfactionScore, StateChangedAt, Version, CreatedAt, UpdatedAt, UpdatedBy)
            VALUES ($cohort, $contract, $client, $number, $name, $email, $birth, $code, $state, $outcome, $checkIn,
                    $weeks, $co, $satisfaction, $at, 1, $at, $at, 'bench');
            SELECT last_insert_rowid();
            """, "$cohort", "$contract", "$client", "$number", "$name", "$email", "$birth", "$code", "$state", "$outcome", "$checkIn",
            "$weeks", "$co", "$satisfaction", "$at");
        using var exit = Prepared(connection, transaction,
            "INSERT INTO ParticipantTransitions (ParticipantId, FromState, ToState, TriggerName, Actor, OccurredAt) VALUES ($id, 'Active', $state, 'Bench', 'bench', $at)",
            "$id", "$state", "$at");
        using var appEvent = Prepared(connection, transaction,
            "INSERT INTO ParticipantEvents (ApiKeyId, EventId, EventType, ParticipantId, OccurredAt, ReceivedAt, Payload) VALUES ($key, $eventId, $type, $id, $at, $at, $payload)",
            "$key", "$eventId", "$type", "$id", "$at", "$payload");
        string At(int day) => start.AddDays(day).ToDateTime(new TimeOnly(3, 0)).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
        var events = 0;
        void Event(long id, string type, int day, string payload)
        {
            appEvent["$key"].Value = apiKey;
            appEvent["$eventId"].Value = "e" + (++events).ToString(CultureInfo.InvariantCulture);
            appEvent["$type"].Value = type;
            appEvent["$id"].Value = id;
            appEvent["$at"].Value = At(day);
            appEvent["$payload"].Value = payload;
            appEvent.Command.ExecuteNonQuery();
        }

        for (var i = 0; i < participants; i++)
        {
            var roll = random.NextDouble();
            var (state, lastWeek) = roll switch
            {
                < 0.03 => ("InvitationExpired", 0),
                < 0.05 => ("Declined", 0),
                < 0.20 => ("DroppedOut", random.Next(1, 11)),
                < 0.22 => ("Withdrawn", 0),
                _ => ("Completed", 12),
            };
            var succeeded = state == "Completed" && random.NextDouble() < 0.6;
            var exitDay = state switch { "Completed" => 83, "DroppedOut" => lastWeek * 7 + 14, "Withdrawn" => random.Next(7, 70), _ => -10 };
            // Most weeks checked in, some missed: the week maps vary as a real cohort's do.
            var weeks = string.Concat(Enumerable.Range(1, lastWeek).Select(week => week == lastWeek || random.NextDouble() < 0.85 ? '1' : '0'));
            int? co = state == "Completed" ? random.Next(2, 25) : null;
            int? satisfaction = state == "Completed" && random.NextDouble() < 0.9 ? random.Next(4, 11) : null;
            person["$cohort"].Value = cohortId;
            person["$contract"].Value = contractId;
            person["$client"].Value = clientId;
            person["$number"].Value = "B" + i.ToString("D7", CultureInfo.InvariantCulture);
            person["$name"].Value = "参加者 " + i.ToString(CultureInfo.InvariantCulture);
            person["$email"].Value = $"p{i}@example.co.jp";
            person["$birth"].Value = 1960 + random.Next(0, 45);
            person["$code"].Value = i.ToString("D12", CultureInfo.InvariantCulture);
            person["$state"].Value = state;
            person["$outcome"].Value = state == "Completed" ? (succeeded ? "Succeeded" : "NotSucceeded") : DBNull.Value;
            person["$checkIn"].Value = lastWeek > 0 ? start.AddDays((lastWeek - 1) * 7 + 2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : DBNull.Value;
            person["$weeks"].Value = weeks;
            person["$co"].Value = co is { } ppm ? ppm : DBNull.Value;
            person["$satisfaction"].Value = satisfaction is { } score ? score : DBNull.Value;
            person["$at"].Value = At(exitDay);
            var id = (long)person.Command.ExecuteScalar()!;
            if (state is "DroppedOut" or "Withdrawn")
            {
                exit["$id"].Value = id;
                exit["$state"].Value = state;
                exit["$at"].Value = At(exitDay);
                exit.Command.ExecuteNonQuery();
            }

            foreach (var week in CheckInWeekMaps.WeeksOf(weeks)) Event(id, "check_in", (week - 1) * 7 + 2, """{"smoked":false,"cravings":4}""");
            if (co is not null) Event(id, "final_assessment", 83, $$"""{"abstinentDays":{{(succeeded ? 30 : 0)}},"coPpm":{{co}}}""");
            if (satisfaction is not null) Event(id, "satisfaction", 83, $$"""{"score":{{satisfaction}}}""");
        }

        transaction.Commit();
        return events;
    }

    private sealed class PreparedInsert(SqliteCommand command) : IDisposable
    {
        public SqliteCommand Command { get; } = command;
        public SqliteParameter this[string name] => Command.Parameters[name];
        public void Dispose() => Command.Dispose();
    }

    private static PreparedInsert Prepared(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters) command.Parameters.Add(name, SqliteType.Text);
        command.Prepare();
        return new PreparedInsert(command);
    }

    private static TimeSpan BareAggregates(Db db, int cohortId)
    {
        var stopwatch = Stopwatch.StartNew();
        using var connection = new SqliteConnection(db.ConnectionString);
        connection.Open();
        var states = connection.Query("SELECT State, Outcome, COUNT(*) FROM Participants WHERE CohortId = @cohortId GROUP BY State, Outcome", new { cohortId }).Count();
        var weeks = connection.Query("SELECT CheckInWeeks, COUNT(*) FROM Participants WHERE CohortId = @cohortId GROUP BY CheckInWeeks", new { cohortId }).Count();
        GC.KeepAlive(states + weeks);
        return stopwatch.Elapsed;
    }
}
