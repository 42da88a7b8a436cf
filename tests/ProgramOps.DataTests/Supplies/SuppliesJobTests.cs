using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using ProgramOps.DataTests.Demo;
using ProgramOps.TestSupport;
using ProgramOps.Web.Features.Cohorts;
using ProgramOps.Web.Features.Participants;
using ProgramOps.Web.Features.Supplies;
using ProgramOps.Web.Infrastructure.Time;

namespace ProgramOps.DataTests.Supplies;

public sealed class SuppliesJobTests : IDisposable
{
    private readonly TestDatabase _database = new();

    // 2026-11-23 10:00 in Tokyo.
    private readonly LocalClock _clock = new(new FixedTime(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero)), TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));

    public void Dispose() => _database.Dispose();

    private SuppliesJob Job() => new(_database.Db, _clock, NullLogger<SuppliesJob>.Instance);

    /// <summary>
    /// A running cohort that started five weeks ago (weeks 0 and 4 due) with participants in five states, and an
    /// enrolling one (only the first kit due) with three.
    /// </summary>
    private async Task<(int Running, int Enrolling, IReadOnlyList<long> RunningPeople)> CohortsAsync()
    {
        var (running, runningContract) = await TestData.CohortOfNewClientAsync(_database.Db, "配送中", "Running", new DateOnly(2026, 10, 19));
        var runningPeople = await TestData.ParticipantsAsync(_database.Db, running, runningContract, 5);
        var (enrolling, enrollingContract) = await TestData.CohortOfNewClientAsync(_database.Db, "募集中", "Enrolling", new DateOnly(2026, 12, 7));
        var enrollingPeople = await TestData.ParticipantsAsync(_database.Db, enrolling, enrollingContract, 3);
        await SetStatesAsync((runningPeople[0], "Enrolled"), (runningPeople[1], "Active"), (runningPeople[2], "AtRisk"), (runningPeople[3], "Invited"),
            (runningPeople[4], "DroppedOut"), (enrollingPeople[0], "Enrolled"), (enrollingPeople[1], "Onboarding"));
        return (running, enrolling, runningPeople);
    }

    private async Task SetStatesAsync(params (long Id, string State)[] states)
    {
        await using var c = await _database.Db.OpenAsync();
        foreach (var (id, state) in states) await c.ExecuteAsync("UPDATE Participants SET State = @state WHERE Id = @id", new { id, state });
    }

    private async Task<List<(int CohortId, long ParticipantId, int Week, string DueOn, string Status)>> ShipmentsAsync()
    {
        await using var c = await _database.Db.OpenAsync();
        return [.. await c.QueryAsync<(int, long, int, string, string)>("SELECT CohortId, ParticipantId, Week, DueOn, Status FROM Shipments ORDER BY CohortId, ParticipantId, Week")];
    }

    private async Task<List<(long? ShipmentId, string Status, string Reason)>> ActionsAsync()
    {
        await using var c = await _database.Db.OpenAsync();
        return [.. await c.QueryAsync<(long?, string, string)>("SELECT ShipmentId, Status, Reason FROM CsActions WHERE Kind = 'ShipmentProblem' ORDER BY Reason")];
    }

    private async Task UpdateShipmentAsync(long participantId, int week, string set)
    {
        await using var c = await _database.Db.OpenAsync();
        await c.ExecuteAsync($"UPDATE Shipments SET {set} WHERE ParticipantId = @participantId AND Week = @week", new { participantId, week });
    }

    [Fact]
    public async Task Due_shipments_are_created_for_enrolled_participants_once_however_often_the_job_runs()
    {
        var (running, enrolling, people) = await CohortsAsync();

        Assert.Equal(8, (await Job().RunAsync(CancellationToken.None)).Items);
        Assert.Equal(0, (await Job().RunAsync(CancellationToken.None)).Items);

        var shipments = await ShipmentsAsync();
        Assert.Equal(8, shipments.Count);
        Assert.All(shipments, s => Assert.Equal("Due", s.Status));
        Assert.Equal([people[0], people[1], people[2]], shipments.Where(s => s.CohortId == running).Select(s => s.ParticipantId).Distinct());
        // The first kit is due the day the job finds the participant enrolled; week 4 on the start day + 28.
        Assert.All(shipments.Where(s => s.Week == 0), s => Assert.Equal("2026-11-23", s.DueOn));
        Assert.All(shipments.Where(s => s.Week == 4), s => Assert.Equal("2026-11-16", s.DueOn));
        Assert.Equal(2, shipments.Count(s => s.CohortId == enrolling && s.Week == 0));
        Assert.DoesNotContain(shipments, s => s.Week == 8);
    }

    [Fact]
    public async Task A_run_cut_off_after_the_first_cohort_is_finished_by_the_next_run()
    {
        await CohortsAsync();
        var job = Job();
        var cohorts = await CohortDays.LoadAsync(_database.Db, SuppliesSql.SupplyingCohorts, _clock.UtcNow, CancellationToken.None);

        // The interrupted run: the first cohort's transaction committed, then the process died.
        Assert.Equal(6, await job.CreateDueShipmentsAsync(cohorts[0], CancellationToken.None));

        Assert.Equal(2, (await job.RunAsync(CancellationToken.None)).Items);
        Assert.Equal(8, (await ShipmentsAsync()).Count);
        Assert.Equal(0, (await job.RunAsync(CancellationToken.None)).Items);
    }

    [Fact]
    public async Task A_cancelled_run_stops_between_cohorts_and_leaves_no_half_cohort()
    {
        await CohortsAsync();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Job().RunAsync(cancelled.Token));
        Assert.Empty(await ShipmentsAsync());
        Assert.Equal(8, (await Job().RunAsync(CancellationToken.None)).Items);
    }

    [Fact]
    public async Task Returned_and_overdue_shipments_get_one_action_each_which_closes_once_the_shipment_moves_on()
    {
        var (_, _, people) = await CohortsAsync();
        await Job().RunAsync(CancellationToken.None);
        await UpdateShipmentAsync(people[0], 0, "Status = 'Returned', ExportedOn = '2026-11-20'");
        await UpdateShipmentAsync(people[1], 0, "Status = 'Exported', ExportedOn = '2026-11-18'");
        await UpdateShipmentAsync(people[2], 0, "Status = 'Exported', ExportedOn = '2026-11-19'");
        await UpdateShipmentAsync(people[0], 4, "Status = 'Shipped', ExportedOn = '2026-11-10', ShippedOn = '2026-11-13'");
        await UpdateShipmentAsync(people[1], 4, "Status = 'Shipped', ExportedOn = '2026-11-10', ShippedOn = '2026-11-14'");

        Assert.Equal(3, (await Job().RunAsync(CancellationToken.None)).Items);
        Assert.Equal(0, (await Job().RunAsync(CancellationToken.None)).Items);
        var opened = await ActionsAsync();
        Assert.Equal(
            ["ShipmentNotDelivered|ニコチン置換 2回目キット|4|Nicotine replacement kit 2", "ShipmentNotShipped|ニコチンパッチ・ガム 初回キット|0|Nicotine patch and gum starter kit",
             "ShipmentReturned|ニコチンパッチ・ガム 初回キット|0|Nicotine patch and gum starter kit"],
            opened.Select(a => a.Reason));
        Assert.All(opened, a => Assert.Equal("Open", a.Status));
        await using (var c = await _database.Db.OpenAsync())
        {
            Assert.Equal(3, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM CsActions a JOIN Shipments s ON s.Id = a.ShipmentId WHERE a.ParticipantId = s.ParticipantId AND a.CohortId = s.CohortId"));
        }

        // Re-sent, shipped at last, delivered: each condition clears; the overdue export that came back is a new problem.
        await UpdateShipmentAsync(people[0], 0, "Status = 'Due', ExportedOn = NULL");
        await UpdateShipmentAsync(people[1], 0, "Status = 'AddressProblem'");
        await UpdateShipmentAsync(people[0], 4, "Status = 'Delivered', DeliveredOn = '2026-11-22'");

        Assert.Equal(1, (await Job().RunAsync(CancellationToken.None)).Items);
        Assert.Equal(
            [("Open", "ShipmentAddressProblem"), ("Resolved", "ShipmentNotDelivered"), ("Resolved", "ShipmentNotShipped"), ("Resolved", "ShipmentReturned")],
            (await ActionsAsync()).Select(a => (a.Status, a.Reason.Split('|')[0])));
        Assert.Equal(0, (await Job().RunAsync(CancellationToken.None)).Items);
    }

    [Fact]
    public async Task The_participant_knows_the_first_kit_arrived_from_the_delivered_week_0_shipment()
    {
        var (_, _, people) = await CohortsAsync();
        await Job().RunAsync(CancellationToken.None);
        await using var c = await _database.Db.OpenAsync();
        var before = await ParticipantRecord.FindAsync(c, null, people[0], CancellationToken.None);
        await UpdateShipmentAsync(people[0], 4, "Status = 'Delivered', DeliveredOn = '2026-11-20'");
        var laterKitOnly = await ParticipantRecord.FindAsync(c, null, people[0], CancellationToken.None);
        await UpdateShipmentAsync(people[0], 0, "Status = 'Delivered', DeliveredOn = '2026-11-22'");
        var after = await ParticipantRecord.FindAsync(c, null, people[0], CancellationToken.None);

        Assert.Null(before!.FirstKitDeliveredOn);
        Assert.Null(laterKitOnly!.FirstKitDeliveredOn);
        Assert.Equal(new DateOnly(2026, 11, 22), after!.FirstKitDeliveredOn);
        Assert.True(after.Facts(DateTimeOffset.UtcNow).FirstKitDelivered);
    }
}
