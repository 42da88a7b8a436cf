using System.Text;
using ProgramOps.Web.Features.Supplies;

namespace ProgramOps.UnitTests.Supplies;

public sealed class PartnerFileCheckTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static readonly Dictionary<long, ShipmentStatus> Shipments = new()
    {
        [1] = ShipmentStatus.Exported,
        [2] = ShipmentStatus.Shipped,
        [3] = ShipmentStatus.Delivered,
        [4] = ShipmentStatus.Due,
    };

    private static PartnerRow Row(int line, string id, string status, string date = "2026-11-20", string tracking = "", string note = "") =>
        new(line, id, status, date, tracking, note);

    [Fact]
    public void Good_rows_become_moves_in_file_order_and_a_shipment_may_be_shipped_then_delivered()
    {
        var result = PartnerFileCheck.Check(
            [Row(2, "1", "shipped", tracking: "T-1"), Row(3, "1", "DELIVERED", "2026/11/22"), Row(4, "2", "returned", note: "受取拒否")], Shipments, Today);

        Assert.Empty(result.Problems);
        Assert.Equal(0, result.Unchanged);
        Assert.Equal(
            [
                new PartnerMove(2, 1, new ShipmentMove(ShipmentStatus.Shipped, new DateOnly(2026, 11, 20), "T-1", null)),
                new PartnerMove(3, 1, new ShipmentMove(ShipmentStatus.Delivered, new DateOnly(2026, 11, 22), null, null)),
                new PartnerMove(4, 2, new ShipmentMove(ShipmentStatus.Returned, new DateOnly(2026, 11, 20), null, "受取拒否")),
            ], result.Moves);
    }

    [Fact]
    public void Rows_asking_for_the_status_a_shipment_has_or_has_passed_change_nothing()
    {
        var result = PartnerFileCheck.Check([Row(2, "2", "shipped"), Row(3, "3", "delivered"), Row(4, "3", "shipped")], Shipments, Today);
        Assert.Empty(result.Problems);
        Assert.Empty(result.Moves);
        Assert.Equal(3, result.Unchanged);
    }

    [Fact]
    public void Every_problem_is_reported_with_its_line_and_column_and_no_move_is_kept()
    {
        var result = PartnerFileCheck.Check(
            [
                Row(2, "1", "shipped"),
                Row(3, "abc", "shipped"),
                Row(4, "99", "delivered"),
                Row(5, "2", "lost"),
                Row(6, "2", "delivered", "23/11/2026"),
                Row(7, "2", "delivered", "2026-11-24"),
                Row(8, "4", "delivered"),
                Row(9, "3", "returned", note: new string('x', 1001)),
            ], Shipments, Today);

        Assert.Empty(result.Moves);
        Assert.Equal(
            [
                (3, "shipment_id", PartnerProblemCode.BadShipmentId),
                (4, "shipment_id", PartnerProblemCode.UnknownShipment),
                (5, "status", PartnerProblemCode.BadStatus),
                (6, "date", PartnerProblemCode.BadDate),
                (7, "date", PartnerProblemCode.FutureDate),
                (8, "status", PartnerProblemCode.Refused),
                (9, "note", PartnerProblemCode.TooLong),
                (9, "status", PartnerProblemCode.Refused),
            ], result.Problems.Select(p => (p.Line, p.Column, p.Code)));
        Assert.Equal(["Due", "Delivered"], result.Problems.Single(p => p.Line == 8).Arguments);
    }

    [Fact]
    public void The_ids_to_read_are_the_distinct_numbers_the_rows_name() =>
        Assert.Equal([1L, 2L], PartnerFileCheck.ShipmentIds([Row(2, "1", "shipped"), Row(3, "x", "shipped"), Row(4, "2", "shipped"), Row(5, "1", "delivered")]));

    [Fact]
    public async Task The_file_is_read_in_CP932_with_its_columns_in_any_order_and_blank_rows_skipped()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding(932).GetBytes("note,date,status,shipment_id,tracking_number,extra\r\n宛先不明,2026-11-20,returned,7,,x\r\n,,,,,\r\n\"配達済み, 玄関\",2026-11-21,delivered,8,TN-8,\r\n");
        var (rows, problems) = await PartnerFile.ReadAsync(new MemoryStream(bytes), CancellationToken.None);

        Assert.Empty(problems);
        Assert.Equal([new PartnerRow(2, "7", "returned", "2026-11-20", "", "宛先不明"), new PartnerRow(4, "8", "delivered", "2026-11-21", "TN-8", "配達済み, 玄関")], rows);
    }

    [Fact]
    public async Task A_file_without_the_required_columns_says_which_are_missing()
    {
        var bytes = Encoding.UTF8.GetBytes("\uFEFFshipment_id,tracking_number\r\n1,TN\r\n");
        var (_, problems) = await PartnerFile.ReadAsync(new MemoryStream(bytes), CancellationToken.None);
        Assert.Equal([("status", PartnerProblemCode.MissingColumn), ("date", PartnerProblemCode.MissingColumn)], problems.Select(p => (p.Column, p.Code)));
    }
}
