using ProgramOps.Web.Features.Participants;
using ProgramOps.Web.Features.Programs;
using ProgramOps.Web.Features.Supplies;

namespace ProgramOps.UnitTests.Supplies;

public sealed class ShipmentRulesTests
{
    private static readonly (ShipmentStatus From, ShipmentStatus To)[] Permitted =
    [
        (ShipmentStatus.Due, ShipmentStatus.Exported),
        (ShipmentStatus.Exported, ShipmentStatus.Shipped),
        (ShipmentStatus.Exported, ShipmentStatus.Returned),
        (ShipmentStatus.Exported, ShipmentStatus.AddressProblem),
        (ShipmentStatus.Shipped, ShipmentStatus.Delivered),
        (ShipmentStatus.Shipped, ShipmentStatus.Returned),
        (ShipmentStatus.Shipped, ShipmentStatus.AddressProblem),
        (ShipmentStatus.Returned, ShipmentStatus.Due),
        (ShipmentStatus.AddressProblem, ShipmentStatus.Due),
    ];

    // A partner file repeating an earlier row: the shipment went further since.
    private static readonly (ShipmentStatus From, ShipmentStatus To)[] AlreadyPast =
    [
        (ShipmentStatus.Shipped, ShipmentStatus.Exported),
        (ShipmentStatus.Delivered, ShipmentStatus.Exported),
        (ShipmentStatus.Delivered, ShipmentStatus.Shipped),
    ];

    public static TheoryData<ShipmentStatus, ShipmentStatus> EveryPair()
    {
        var data = new TheoryData<ShipmentStatus, ShipmentStatus>();
        foreach (var from in Enum.GetValues<ShipmentStatus>())
        foreach (var to in Enum.GetValues<ShipmentStatus>()) data.Add(from, to);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Every_move_is_allowed_unchanged_or_refused_as_the_flow_says(ShipmentStatus from, ShipmentStatus to)
    {
        var expected = from == to ? ShipmentMoveCheck.Unchanged
            : Permitted.Contains((from, to)) ? ShipmentMoveCheck.Allowed
            : AlreadyPast.Contains((from, to)) ? ShipmentMoveCheck.AlreadyPast
            : ShipmentMoveCheck.Refused;
        Assert.Equal(expected, ShipmentFlow.Check(from, to));
        Assert.Equal(expected == ShipmentMoveCheck.Allowed, ShipmentFlow.Next(from).Contains(to));
    }

    [Fact]
    public void By_hand_nothing_becomes_Exported_and_a_delivered_shipment_stays()
    {
        Assert.Empty(ShipmentFlow.ByHand(ShipmentStatus.Due));
        Assert.Empty(ShipmentFlow.ByHand(ShipmentStatus.Delivered));
        Assert.Equal([ShipmentStatus.Shipped, ShipmentStatus.Returned, ShipmentStatus.AddressProblem], ShipmentFlow.ByHand(ShipmentStatus.Exported));
        Assert.Equal([ShipmentStatus.Due], ShipmentFlow.ByHand(ShipmentStatus.AddressProblem));
    }

    [Fact]
    public void Only_returned_and_address_problems_are_problems()
    {
        Assert.Equal([ShipmentStatus.Returned, ShipmentStatus.AddressProblem], Enum.GetValues<ShipmentStatus>().Where(s => s.IsProblem()));
    }

    [Theory]
    [InlineData(ParticipantState.Invited, false)]
    [InlineData(ParticipantState.Enrolled, true)]
    [InlineData(ParticipantState.Onboarding, true)]
    [InlineData(ParticipantState.Active, true)]
    [InlineData(ParticipantState.AtRisk, true)]
    [InlineData(ParticipantState.Completed, false)]
    [InlineData(ParticipantState.Declined, false)]
    [InlineData(ParticipantState.InvitationExpired, false)]
    [InlineData(ParticipantState.DroppedOut, false)]
    [InlineData(ParticipantState.Withdrawn, false)]
    public void Supplies_go_to_enrolled_participants_still_in_the_program(ParticipantState state, bool receives) =>
        Assert.Equal(receives, ShipmentSchedule.Receives(state));

    [Fact]
    public void The_first_kit_is_due_on_the_enrolment_day_and_week_W_on_the_start_plus_7W_days()
    {
        var start = new DateOnly(2026, 11, 2);
        Assert.Equal(new DateOnly(2026, 10, 20), ShipmentSchedule.DueOn(0, start, enrolledOn: new DateOnly(2026, 10, 20)));
        Assert.Equal(new DateOnly(2026, 11, 30), ShipmentSchedule.DueOn(4, start, enrolledOn: new DateOnly(2026, 10, 20)));
        Assert.Equal(new DateOnly(2026, 12, 28), ShipmentSchedule.DueOn(8, start, enrolledOn: new DateOnly(2026, 10, 20)));
    }

    [Theory]
    [InlineData("2026-10-25", new[] { 0 })]
    [InlineData("2026-11-29", new[] { 0 })]
    [InlineData("2026-11-30", new[] { 0, 4 })]
    [InlineData("2026-12-28", new[] { 0, 4, 8 })]
    public void The_smoking_programs_shipments_come_due_week_by_week(string today, int[] weeks)
    {
        var due = ShipmentSchedule.DueBy(ProgramTemplates.SmokingCessation.Shipments, new DateOnly(2026, 11, 2), DateOnly.Parse(today));
        Assert.Equal(weeks, due.Select(s => s.SupplyWeek));
        Assert.Equal(DateOnly.Parse(today), due[0].DueOn);
    }

    [Fact]
    public void A_parcel_is_overdue_five_days_after_export_and_ten_days_after_shipping()
    {
        var today = new DateOnly(2026, 11, 23);
        Assert.Equal(new DateOnly(2026, 11, 18), ShipmentSchedule.ExportedOverdueOnOrBefore(today));
        Assert.Equal(new DateOnly(2026, 11, 13), ShipmentSchedule.ShippedOverdueOnOrBefore(today));
    }

    [Fact]
    public void A_move_records_its_day_tracking_number_and_problem_and_a_resend_forgets_the_last_attempt()
    {
        var exported = new ShipmentProgress { Status = ShipmentStatus.Exported, ExportedOn = new DateOnly(2026, 11, 1) };
        var shipped = new ShipmentMove(ShipmentStatus.Shipped, new DateOnly(2026, 11, 2), "1234-5678", null).Apply(exported);
        Assert.Equal(new ShipmentProgress { Status = ShipmentStatus.Shipped, ExportedOn = new DateOnly(2026, 11, 1), ShippedOn = new DateOnly(2026, 11, 2), TrackingNumber = "1234-5678" }, shipped);

        var delivered = new ShipmentMove(ShipmentStatus.Delivered, new DateOnly(2026, 11, 4), null, null).Apply(shipped);
        Assert.Equal(shipped with { Status = ShipmentStatus.Delivered, DeliveredOn = new DateOnly(2026, 11, 4) }, delivered);

        var returned = new ShipmentMove(ShipmentStatus.Returned, new DateOnly(2026, 11, 5), null, "宛先不明").Apply(shipped);
        Assert.Equal(shipped with { Status = ShipmentStatus.Returned, ProblemNote = "宛先不明" }, returned);

        var resend = new ShipmentMove(ShipmentStatus.Due, new DateOnly(2026, 11, 6), null, "住所を確認").Apply(returned);
        Assert.Equal(new ShipmentProgress { Status = ShipmentStatus.Due, ProblemNote = "宛先不明" }, resend);
    }
}
