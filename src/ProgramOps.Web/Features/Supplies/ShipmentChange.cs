namespace ProgramOps.Web.Features.Supplies;

/// <summary>What is recorded of a shipment's progress: the fields a move changes (and the audit log compares).</summary>
public record ShipmentProgress
{
    public ShipmentStatus Status { get; init; }
    public DateOnly? ExportedOn { get; init; }
    public DateOnly? ShippedOn { get; init; }
    public DateOnly? DeliveredOn { get; init; }
    public string? TrackingNumber { get; init; }
    public string? ProblemNote { get; init; }
}

/// <summary>A shipment's progress as stored, with what identifies the row and its version.</summary>
public sealed record StoredShipment : ShipmentProgress
{
    public long Id { get; init; }
    public int Version { get; init; }
}

/// <summary>A move of one shipment to a new status, by hand or from a row of the partner's file.</summary>
/// <param name="On">The day it happened (shipped, delivered, came back); today for a move by hand without one.</param>
public sealed record ShipmentMove(ShipmentStatus To, DateOnly On, string? TrackingNumber, string? Note)
{
    /// <summary>
    /// The progress after the move: the shipping and delivery days and the tracking number as reported, the note of a
    /// problem; a shipment due again (to be re-sent) forgets the last attempt's export, dates and tracking number but
    /// keeps the problem's note, so whoever sends it again sees why.
    /// </summary>
    public ShipmentProgress Apply(ShipmentProgress before) => To switch
    {
        ShipmentStatus.Due => before with { Status = To, ExportedOn = null, ShippedOn = null, DeliveredOn = null, TrackingNumber = null },
        ShipmentStatus.Exported => before with { Status = To, ExportedOn = On },
        ShipmentStatus.Shipped => before with { Status = To, ShippedOn = On, TrackingNumber = TrackingNumber ?? before.TrackingNumber },
        ShipmentStatus.Delivered => before with { Status = To, DeliveredOn = On, TrackingNumber = TrackingNumber ?? before.TrackingNumber },
        _ => before with { Status = To, ProblemNote = Note },
    };
}
