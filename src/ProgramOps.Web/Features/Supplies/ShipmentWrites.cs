using System.Data;
using System.Globalization;
using ProgramOps.Web.Features.Actions;
using ProgramOps.Web.Infrastructure.Text;

namespace ProgramOps.Web.Features.Supplies;

/// <summary>The supplies writes, each inside the caller's transaction and audited in it.</summary>
public static class ShipmentWrites
{
    public const string ExportSubmission = "ShipmentExport";

    /// <summary>Moves a shipment if it is still at <see cref="StoredShipment.Version"/>; false when someone changed it since.</summary>
    public static async Task<bool> MoveAsync(
        DbConnection c, DbTransaction t, AuditTrail audit, StoredShipment before, ShipmentMove move, string summary, string actor, DateTimeOffset now)
    {
        var after = move.Apply(before);
        var rows = await c.ExecuteAsync(SuppliesSql.Move, new
        {
            before.Id, before.Version, Status = after.Status.ToString(), after.ExportedOn, after.ShippedOn, after.DeliveredOn, after.TrackingNumber,
            after.ProblemNote, Now = now, Actor = actor,
        }, t);
        if (rows == 0) return false;
        await audit.RecordAsync(c, t, new AuditEntry("Shipment", before.Id.ToString(CultureInfo.InvariantCulture), "StatusChanged", summary,
            ChangeSet.Between<ShipmentProgress>(before, after)));
        return true;
    }

    /// <summary>
    /// Closes the shipment-problem actions whose shipment has moved on (the job does it every morning; a change by
    /// hand or from a partner file does it at once, so the queue never shows a problem that was just fixed).
    /// </summary>
    public static async Task<int> ResolveClearedActionsAsync(DbConnection c, DbTransaction t, DateOnly today, string actor, DateTimeOffset now, CancellationToken ct = default)
    {
        var problems = await c.QueryAsync<(long Id, string Problem)>(new CommandDefinition(SuppliesSql.CurrentProblems, OverdueParameters(today, actor, now), t, cancellationToken: ct));
        var stillTrue = problems.Select(p => CsActionRequest.ShipmentProblemKey(p.Id, p.Problem)).ToHashSet(StringComparer.Ordinal);
        return await CsActions.ResolveAllExceptAsync(c, t, CsActionKind.ShipmentProblem, stillTrue, actor, now, ct);
    }

    /// <summary>The parameters of the statements that find problems: the days before which a parcel is overdue.</summary>
    public static object OverdueParameters(DateOnly today, string actor, DateTimeOffset now) => new
    {
        ExportedOnOrBefore = ShipmentSchedule.ExportedOverdueOnOrBefore(today),
        ShippedOnOrBefore = ShipmentSchedule.ShippedOverdueOnOrBefore(today),
        Now = now,
        Actor = actor,
    };

    // Ids per query when reading the shipments a partner file names: SQL Server takes at most 2,100 parameters.
    private const int IdsPerQuery = 1000;

    /// <summary>
    /// Checks every row of a partner file against the shipments as they are now and, when no row has a problem,
    /// applies them all; any problem (or a shipment changed meanwhile, <see cref="DBConcurrencyException"/>) applies
    /// nothing. Rows asking for the status a shipment has already change nothing.
    /// </summary>
    public static async Task<PartnerFileResult> ApplyPartnerFileAsync(
        DbConnection c, DbTransaction t, AuditTrail audit, IReadOnlyList<PartnerRow> rows, string fileName, string actor, DateTimeOffset now, DateOnly today)
    {
        var shipments = new Dictionary<long, StoredShipment>();
        foreach (var ids in PartnerFileCheck.ShipmentIds(rows).Chunk(IdsPerQuery))
        {
            foreach (var shipment in await c.QueryAsync<StoredShipment>(SuppliesSql.Progress, new { Ids = ids }, t)) shipments[shipment.Id] = shipment;
        }

        var result = PartnerFileCheck.Check(rows, shipments.ToDictionary(s => s.Key, s => s.Value.Status), today);
        foreach (var (line, id, move) in result.Moves)
        {
            var before = shipments[id];
            if (!await MoveAsync(c, t, audit, before, move, CodedText.Encode(AuditSummaries.PartnerFileLine, fileName, line), actor, now))
                throw new DBConcurrencyException($"Shipment {id} was changed while the file was applied.");
            shipments[id] = (StoredShipment)move.Apply(before) with { Version = before.Version + 1 };
        }

        if (result.Moves.Count > 0) await ResolveClearedActionsAsync(c, t, today, actor, now);

        return result;
    }

    /// <summary>
    /// Puts every Due shipment (of <paramref name="cohortId"/>, or all) into a new export and marks them Exported.
    /// The same form posted twice finds the export its first post made.
    /// </summary>
    /// <returns>The export's id; null when nothing was due.</returns>
    public static async Task<int?> ExportDueAsync(
        DbConnection c, DbTransaction t, SqlDialect dialect, AuditTrail audit, int? cohortId, Guid submission, string actor, DateTimeOffset now, DateOnly today)
    {
        if (await FormSubmissions.FindAsync(c, t, submission, ExportSubmission) is { } earlier) return earlier;
        var due = await c.ExecuteScalarAsync<int>(SuppliesSql.CountDue, new { CohortId = cohortId }, t);
        if (due == 0) return null;
        var exportId = await c.ExecuteScalarAsync<int>(SuppliesSql.InsertExport(dialect), new { CohortId = cohortId, ShipmentCount = due, Now = now, Actor = actor }, t);
        await c.ExecuteAsync(SuppliesSql.AddDueToExport, new { ExportId = exportId, CohortId = cohortId }, t);
        await c.ExecuteAsync(SuppliesSql.MarkExported, new { ExportId = exportId, Today = today, Now = now, Actor = actor }, t);
        await audit.RecordAsync(c, t, new AuditEntry("ShipmentExport", exportId.ToString(CultureInfo.InvariantCulture), "Exported",
            cohortId is { } cohort ? CodedText.Encode(AuditSummaries.ShipmentsExportedOfCohort, due, cohort) : CodedText.Encode(AuditSummaries.ShipmentsExported, due)));
        await FormSubmissions.RecordAsync(c, t, submission, ExportSubmission, exportId, now);
        return exportId;
    }
}

/// <summary>An export as the fulfilment partner receives it: CSV in UTF-8 with a byte order mark, so Excel in Japan reads the Japanese.</summary>
public static class ShipmentExportFile
{
    public static readonly string[] Columns =
        ["shipment_id", "invitation_code", "name", "kana", "item", "week", "due_on", "cohort", "client"];

    private sealed record Row
    {
        public long Id { get; init; }
        public required string InvitationCode { get; init; }
        public string? FullName { get; init; }
        public string? Kana { get; init; }
        public required string Item { get; init; }
        public int Week { get; init; }
        public DateOnly DueOn { get; init; }
        public required string CohortName { get; init; }
        public required string ClientName { get; init; }

        public string[] Fields() =>
        [
            Id.ToString(CultureInfo.InvariantCulture), InvitationCode, FullName ?? "", Kana ?? "", Item, Week.ToString(CultureInfo.InvariantCulture),
            DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), CohortName, ClientName,
        ];
    }

    public static string FileName(int exportId) => $"shipments-{exportId:D5}.csv";

    public static async Task<byte[]> ContentAsync(Db db, int exportId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        using var stream = new MemoryStream();
        await using (var csv = SpreadsheetCsv.Create(stream))
        {
            csv.WriteHeader(Columns);
            // Row by row: an export of a large cohort need not be held in memory twice.
            await foreach (var row in connection.QueryUnbufferedAsync<Row>(SuppliesSql.ExportRows, new { ExportId = exportId }).WithCancellation(ct))
                csv.WriteRecord(row.Fields());
        }

        return stream.ToArray();
    }
}
