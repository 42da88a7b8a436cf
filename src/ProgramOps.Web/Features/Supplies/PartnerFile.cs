using System.Globalization;
using CsvHelper;
using ProgramOps.Web.Features.Cohorts.Roster;

namespace ProgramOps.Web.Features.Supplies;

/// <summary>One data row of the fulfilment partner's file, as written.</summary>
public sealed record PartnerRow(int Line, string ShipmentId, string Status, string Date, string TrackingNumber, string Note);

/// <summary>Something wrong with a row (or, at line 1, with the header): which column, what, and the value found.</summary>
/// <param name="Arguments">For <see cref="PartnerProblemCode.Refused"/>: the shipment's status and the one asked for.</param>
public sealed record PartnerProblem(int Line, string Column, PartnerProblemCode Code, string Value, params string[] Arguments);

public enum PartnerProblemCode
{
    MissingColumn,
    NotText,
    MalformedRow,
    BadShipmentId,
    UnknownShipment,
    BadStatus,
    BadDate,
    FutureDate,
    TooLong,
    Refused,
}

/// <summary>
/// Reads the fulfilment partner's status file (columns shipment_id, status, date, tracking_number, note, in any
/// order; other columns ignored) in UTF-8 or CP932, detected as the roster import detects it.
/// </summary>
public static class PartnerFile
{
    public const string ShipmentIdColumn = "shipment_id";
    public const string StatusColumn = "status";
    public const string DateColumn = "date";
    public const string TrackingNumberColumn = "tracking_number";
    public const string NoteColumn = "note";

    private static readonly string[] Required = [ShipmentIdColumn, StatusColumn, DateColumn];

    /// <summary>The rows, or the problems that stop the file from being read at all (missing columns, not text).</summary>
    public static async Task<(IReadOnlyList<PartnerRow> Rows, IReadOnlyList<PartnerProblem> Problems)> ReadAsync(Stream file, CancellationToken ct)
    {
        var rows = new List<PartnerRow>();
        var problems = new List<PartnerProblem>();
        try
        {
            await using var text = await RosterDecodingStream.OpenAsync(file, RosterEncoding.Auto, ct);
            var malformed = new HashSet<long>();
            await using var csv = CsvReader.Create(text, new CsvReaderOptions
            {
                Separator = ',', HasHeader = true, TrackLineNumbers = true, OnMalformedRecord = record => malformed.Add(record.LineNumber),
            });
            await csv.ReadHeaderAsync(ct);
            var columns = csv.Headers.Select((name, index) => (Name: name.Trim().TrimStart('\uFEFF').ToLowerInvariant(), index))
                .GroupBy(c => c.Name).ToDictionary(g => g.Key, g => g.First().index);
            problems.AddRange(Required.Where(name => !columns.ContainsKey(name))
                .Select(name => new PartnerProblem(1, name, PartnerProblemCode.MissingColumn, "")));
            if (problems.Count > 0) return (rows, problems);

            string Field(string name) => columns.TryGetValue(name, out var index) && index < csv.FieldCount ? csv.GetString(index).Trim() : "";
            while (await csv.ReadAsync(ct))
            {
                var line = (int)csv.LineNumber;
                if (malformed.Remove(line)) problems.Add(new PartnerProblem(line, ShipmentIdColumn, PartnerProblemCode.MalformedRow, ""));
                var row = new PartnerRow(line, Field(ShipmentIdColumn), Field(StatusColumn), Field(DateColumn), Field(TrackingNumberColumn), Field(NoteColumn));
                if (row is not { ShipmentId: "", Status: "", Date: "", TrackingNumber: "", Note: "" }) rows.Add(row);
            }
        }
        catch (RosterEncodingException notText)
        {
            problems.Add(new PartnerProblem(notText.Line, "", PartnerProblemCode.NotText, notText.Encoding.ToString()));
        }

        return (rows, problems);
    }

    /// <summary>The statuses the partner reports, as written in the file.</summary>
    public static readonly IReadOnlyDictionary<string, ShipmentStatus> Statuses = new Dictionary<string, ShipmentStatus>(StringComparer.OrdinalIgnoreCase)
    {
        ["shipped"] = ShipmentStatus.Shipped,
        ["delivered"] = ShipmentStatus.Delivered,
        ["returned"] = ShipmentStatus.Returned,
        ["address_problem"] = ShipmentStatus.AddressProblem,
    };

    /// <summary>Dates as a system writes them (2026-11-23) or as Excel in Japan does (2026/11/23, 2026/1/5).</summary>
    public static bool TryParseDate(string value, out DateOnly date) =>
        DateOnly.TryParseExact(value, ["yyyy-MM-dd", "yyyy/MM/dd", "yyyy/M/d", "yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
