using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using ProgramOps.DataTests.Demo;
using ProgramOps.TestSupport;
using ProgramOps.Web.Features.Clients;
using ProgramOps.Web.Features.Clients.Activity;
using ProgramOps.Web.Features.Clients.Signals;
using ProgramOps.Web.Infrastructure.Time;

namespace ProgramOps.DataTests.Clients;

/// <summary>The client signals job on a real SQLite file: it opens each client-level action once and resolves it when its condition clears.</summary>
public sealed class ClientSignalsJobTests : IDisposable
{
    // Monday 2026-11-30, 10:00 in Tokyo.
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 1, 0, 0, TimeSpan.Zero);
    private readonly TestDatabase _database = new();
    private readonly LocalClock _clock = new(new FixedTime(Now), TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));

    public void Dispose() => _database.Dispose();

    private ClientSignalsJob Job() => new(_database.Db, _clock, NullLogger<ClientSignalsJob>.Instance);

    private async Task<List<(string Kind, string Status, string Reason)>> ActionsAsync()
    {
        await using var c = await _database.Db.OpenAsync();
        return [.. await c.QueryAsync<(string, string, string)>("SELECT Kind, Status, Reason FROM CsActions ORDER BY Kind, Id")];
    }

    private async Task ExecuteAsync(string sql, object? parameters = null)
    {
        await using var c = await _database.Db.OpenAsync();
        await c.ExecuteAsync(sql, parameters);
    }

    /// <summary>
    /// An Enterprise client in trouble: health 40 this week, no decision maker, never touched, all 50 seats of its contract
    /// in a running cohort whose window has closed with nobody enrolled.
    /// </summary>
    private async Task<(int Client, int Contract, int Cohort)> TroubledClientAsync()
    {
        var client = await TestData.ClientAsync(_database.Db, new ClientInput { Name = "要対応商事", Segment = ClientSegment.Enterprise, TouchModel = TouchModel.High, EligiblePopulation = 500 });
        var contract = await TestData.ActiveContractAsync(_database.Db, client, 50);
        var version = await TestData.PublishedProgramAsync(_database.Db, "signals-smoking");
        var cohort = await TestData.CohortAsync(_database.Db, "要対応コホート", version, "Running", new DateOnly(2026, 11, 16), (contract, 50));
        await ExecuteAsync("INSERT INTO HealthSnapshots (ClientId, WeekOf, Score, Weakest, Parts, TakenAt) VALUES (@client, '2026-11-30', 40, 'DecisionMaker', '{}', @Now)",
            new { client, Now });
        return (client, contract, cohort);
    }

    [Fact]
    public async Task Each_condition_gets_one_action_however_often_the_job_runs()
    {
        await TroubledClientAsync();

        Assert.Equal(5, (await Job().RunAsync(CancellationToken.None)).Items);
        Assert.Equal(0, (await Job().RunAsync(CancellationToken.None)).Items);

        Assert.Equal(
            [
                ("ClientHealthLow", "Open", "HealthLow|40|60"), ("CohortUnderEnrolled", "Open", "UnderEnrolled|0|50"), ("NoDecisionMaker", "Open", "NoDecisionMaker|"),
                ("NoRecentTouch", "Open", "NeverTouched|"), ("SeatsNearlyUsed", "Open", "SeatsUsed|50|50|禁煙プログラム（3か月）"),
            ],
            await ActionsAsync());
    }

    [Fact]
    public async Task The_thresholds_start_at_the_values_the_rules_had_as_constants()
    {
        await using var c = await _database.Db.OpenAsync();

        Assert.Equal(new SignalThresholds(60, 50, 90, 80, 21), (await ClientSignalThresholds.ReadAsync(c, null, CancellationToken.None)).ToThresholds());
    }

    [Fact]
    public async Task The_job_opens_actions_at_the_thresholds_admin_set()
    {
        var (_, contract, _) = await TroubledClientAsync();
        // Health 40 is under the usual 60 but not under 30; 50 of 60 seats (83 %) is under the usual 90 % but not under 80 %.
        await ExecuteAsync("UPDATE Contracts SET Seats = 60 WHERE Id = @contract", new { contract });
        await ExecuteAsync("UPDATE ClientSignalThresholds SET HealthBelowEnterprise = 30, SeatsNearlyUsedPercent = 80");

        await Job().RunAsync(CancellationToken.None);

        Assert.Equal(
            [
                ("CohortUnderEnrolled", "Open", "UnderEnrolled|0|50"), ("NoDecisionMaker", "Open", "NoDecisionMaker|"), ("NoRecentTouch", "Open", "NeverTouched|"),
                ("SeatsNearlyUsed", "Open", "SeatsUsed|50|60|禁煙プログラム（3か月）"),
            ],
            await ActionsAsync());
    }

    [Fact]
    public async Task Actions_resolve_themselves_when_their_conditions_clear()
    {
        var (client, contract, cohort) = await TroubledClientAsync();
        await Job().RunAsync(CancellationToken.None);

        await ExecuteAsync("INSERT INTO KeyPersons (ClientId, Name, Role, Version, CreatedAt, UpdatedAt, UpdatedBy) VALUES (@client, '部長 一郎', 'DecisionMaker', 1, @Now, @Now, 'seed')",
            new { client, Now });
        await _database.Db.InTransactionAsync((c, t) =>
            ClientActivityLog.AppendAsync(c, t, _database.Db.Dialect, new ClientActivityEntry(client, ClientActivityKind.Meeting, new DateOnly(2026, 11, 27), "定例"), null, "test", Now));
        await ExecuteAsync("UPDATE HealthSnapshots SET Score = 75 WHERE ClientId = @client", new { client });
        await ExecuteAsync("UPDATE Contracts SET Seats = 200 WHERE Id = @contract", new { contract });
        var people = await TestData.ParticipantsAsync(_database.Db, cohort, contract, 45);
        await ExecuteAsync("UPDATE Participants SET State = 'Active' WHERE CohortId = @cohort", new { cohort });

        Assert.Equal(0, (await Job().RunAsync(CancellationToken.None)).Items);

        Assert.Equal(45, people.Count);
        Assert.All(await ActionsAsync(), a => Assert.Equal("Resolved", a.Status));
    }

    [Fact]
    public async Task A_completed_cohorts_report_is_due_until_the_cohort_is_reported()
    {
        var client = await TestData.ClientAsync(_database.Db, new ClientInput { Name = "報告待ち健保", Kind = ClientKind.HealthInsuranceSociety, TouchModel = TouchModel.Low, EligiblePopulation = 500 });
        var contract = await TestData.ActiveContractAsync(_database.Db, client, 100);
        var version = await TestData.PublishedProgramAsync(_database.Db, "report-smoking");
        var cohort = await TestData.CohortAsync(_database.Db, "夏コホート", version, "Completed", new DateOnly(2026, 6, 1), (contract, 40));
        await ExecuteAsync("INSERT INTO KeyPersons (ClientId, Name, Role, Version, CreatedAt, UpdatedAt, UpdatedBy) VALUES (@client, '常務 二郎', 'DecisionMaker', 1, @Now, @Now, 'seed')",
            new { client, Now });

        await Job().RunAsync(CancellationToken.None);
        var due = Assert.Single(await ActionsAsync());
        Assert.Equal(("ReportDue", "Open"), (due.Kind, due.Status));
        Assert.StartsWith("ReportNotIssued|2026-0", due.Reason);

        await ExecuteAsync("UPDATE Cohorts SET Status = 'Reported' WHERE Id = @cohort", new { cohort });
        await Job().RunAsync(CancellationToken.None);
        Assert.Equal("Resolved", Assert.Single(await ActionsAsync()).Status);
    }

    [Fact]
    public async Task A_run_cut_off_midway_leaves_nothing_half_written_and_the_next_run_does_it_all()
    {
        var (client, _, _) = await TroubledClientAsync();
        // An action of an earlier run whose condition cleared: the failed run must not resolve it either.
        await ExecuteAsync(
            """
            INSERT INTO CsActions (Kind, ConditionKey, ClientId, Reason, DueOn, Status, CreatedAt, CreatedBy, Version, UpdatedAt, UpdatedBy)
            VALUES ('ReportDue', 'ReportDue:999:' || @client, @client, 'ReportNotIssued|2026-08-01', '2026-11-20', 'Open', @Now, 'system', 1, @Now, 'system')
            """, new { client, Now });
        // Dies at the under-enrolled cohort, after the health, decision maker, touch and seats actions were written.
        await ExecuteAsync("CREATE TRIGGER CrashMidRun BEFORE INSERT ON CsActions WHEN NEW.Kind = 'CohortUnderEnrolled' BEGIN SELECT RAISE(ABORT, 'crash'); END");

        await Assert.ThrowsAnyAsync<Exception>(() => Job().RunAsync(CancellationToken.None));
        Assert.Equal([("ReportDue", "Open", "ReportNotIssued|2026-08-01")], await ActionsAsync());

        await ExecuteAsync("DROP TRIGGER CrashMidRun");
        Assert.Equal(5, (await Job().RunAsync(CancellationToken.None)).Items);
        Assert.Equal(6, (await ActionsAsync()).Count);
        Assert.Equal("Resolved", (await ActionsAsync()).Single(a => a.Kind == "ReportDue").Status);
    }
}
