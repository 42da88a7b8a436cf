namespace ProgramOps.Web.Features.Supplies;

/// <summary>The shipments of one participant, for the participant page.</summary>
public sealed class ParticipantShipmentsViewComponent(Db db) : ViewComponent
{
    public sealed record Row
    {
        public long Id { get; init; }
        public int Week { get; init; }
        public required string Item { get; init; }
        public string? ItemEn { get; init; }
        public DateOnly DueOn { get; init; }
        public ShipmentStatus Status { get; init; }
        public DateOnly? ShippedOn { get; init; }
        public DateOnly? DeliveredOn { get; init; }
        public string? TrackingNumber { get; init; }
    }

    public async Task<IViewComponentResult> InvokeAsync(long participantId)
    {
        await using var connection = await db.OpenAsync(HttpContext.RequestAborted);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(SuppliesSql.OfParticipant, new { ParticipantId = participantId },
            cancellationToken: HttpContext.RequestAborted));
        return View("~/Features/Supplies/_ParticipantShipments.cshtml", rows.ToList());
    }
}
