using System.Globalization;

namespace ProgramOps.Web.Features.Supplies;

/// <summary>A move a row of the partner's file asks for and the flow allows.</summary>
public sealed record PartnerMove(int Line, long ShipmentId, ShipmentMove Move);

/// <summary>What a partner file comes to: every problem, or the moves to apply and how many rows change nothing.</summary>
public sealed record PartnerFileResult(IReadOnlyList<PartnerProblem> Problems, IReadOnlyList<PartnerMove> Moves, int Unchanged);

/// <summary>
/// Checks every row of a partner file against the shipments it names, in file order (a shipment shipped on one line
/// may be delivered on a later one). A row asking for the status a shipment has, or one it has passed already, changes
/// nothing, so the same file (or a partner's cumulative report) can be imported again. No I/O: the caller reads the shipments.
/// </summary>
public static class PartnerFileCheck
{
    public const int TrackingNumberLength = 100;
    public const int NoteLength = 1000;

    /// <summary>The shipment ids the rows name, for reading them before <see cref="Check"/>.</summary>
    public static IReadOnlyList<long> ShipmentIds(IEnumerable<PartnerRow> rows) =>
        [.. rows.Select(r => ParseId(r.ShipmentId)).OfType<long>().Distinct()];

    public static PartnerFileResult Check(IReadOnlyList<PartnerRow> rows, IReadOnlyDictionary<long, ShipmentStatus> statuses, DateOnly today)
    {
        var current = new Dictionary<long, ShipmentStatus>(statuses);
        var problems = new List<PartnerProblem>();
        var moves = new List<PartnerMove>();
        var unchanged = 0;
        foreach (var row in rows)
        {
            var rowProblems = new List<PartnerProblem>();
            void Problem(string column, PartnerProblemCode code, string value, params string[] arguments) =>
                rowProblems.Add(new PartnerProblem(row.Line, column, code, value, arguments));

            var id = ParseId(row.ShipmentId);
            if (id is null) Problem(PartnerFile.ShipmentIdColumn, PartnerProblemCode.BadShipmentId, row.ShipmentId);
            else if (!current.ContainsKey(id.Value)) Problem(PartnerFile.ShipmentIdColumn, PartnerProblemCode.UnknownShipment, row.ShipmentId);
            var known = PartnerFile.Statuses.TryGetValue(row.Status, out var to);
            if (!known) Problem(PartnerFile.StatusColumn, PartnerProblemCode.BadStatus, row.Status);
            if (!PartnerFile.TryParseDate(row.Date, out var on)) Problem(PartnerFile.DateColumn, PartnerProblemCode.BadDate, row.Date);
            else if (on > today) Problem(PartnerFile.DateColumn, PartnerProblemCode.FutureDate, row.Date);
            if (row.TrackingNumber.Length > TrackingNumberLength)
                Problem(PartnerFile.TrackingNumberColumn, PartnerProblemCode.TooLong, row.TrackingNumber[..20], Length(TrackingNumberLength));
            if (row.Note.Length > NoteLength) Problem(PartnerFile.NoteColumn, PartnerProblemCode.TooLong, row.Note[..20], Length(NoteLength));

            if (id is { } shipment && current.TryGetValue(shipment, out var from) && known)
            {
                var check = ShipmentFlow.Check(from, to);
                if (check == ShipmentMoveCheck.Refused)
                {
                    Problem(PartnerFile.StatusColumn, PartnerProblemCode.Refused, row.Status, from.ToString(), to.ToString());
                }
                else if (rowProblems.Count == 0 && check == ShipmentMoveCheck.Allowed)
                {
                    current[shipment] = to;
                    moves.Add(new PartnerMove(row.Line, shipment, new ShipmentMove(to, on, Blank(row.TrackingNumber), Blank(row.Note))));
                }
                else if (rowProblems.Count == 0)
                {
                    unchanged++;
                }
            }

            problems.AddRange(rowProblems);
        }

        return new PartnerFileResult(problems, problems.Count == 0 ? moves : [], unchanged);
    }

    private static long? ParseId(string value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;

    private static string Length(int length) => length.ToString(CultureInfo.InvariantCulture);

    private static string? Blank(string value) => value.Length == 0 ? null : value;
}
