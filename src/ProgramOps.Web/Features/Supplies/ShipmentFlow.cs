namespace ProgramOps.Web.Features.Supplies;

public enum ShipmentStatus
{
    /// <summary>Due to be sent: not yet in a file for the fulfilment partner.</summary>
    Due,
    /// <summary>In an export file the partner has (or will get).</summary>
    Exported,
    Shipped,
    Delivered,
    Returned,
    AddressProblem,
}

/// <summary>What asking a shipment to take a status comes to.</summary>
public enum ShipmentMoveCheck
{
    Allowed,
    /// <summary>The shipment has that status already: nothing to do (a re-imported partner file).</summary>
    Unchanged,
    /// <summary>
    /// The shipment is further along its way already (delivered, and a partner file says shipped): a file that
    /// repeats the rows of an earlier one changes nothing.
    /// </summary>
    AlreadyPast,
    Refused,
}

/// <summary>
/// How a shipment moves: Due → Exported → Shipped → Delivered; an exported or shipped parcel can come back
/// (Returned) or fail on its address (AddressProblem), and once the problem is fixed it is due again to be re-sent.
/// </summary>
public static class ShipmentFlow
{
    private static readonly Dictionary<ShipmentStatus, ShipmentStatus[]> Moves = new()
    {
        [ShipmentStatus.Due] = [ShipmentStatus.Exported],
        [ShipmentStatus.Exported] = [ShipmentStatus.Shipped, ShipmentStatus.Returned, ShipmentStatus.AddressProblem],
        [ShipmentStatus.Shipped] = [ShipmentStatus.Delivered, ShipmentStatus.Returned, ShipmentStatus.AddressProblem],
        [ShipmentStatus.Delivered] = [],
        [ShipmentStatus.Returned] = [ShipmentStatus.Due],
        [ShipmentStatus.AddressProblem] = [ShipmentStatus.Due],
    };

    /// <summary>The statuses a shipment may move to from <paramref name="from"/>.</summary>
    public static IReadOnlyList<ShipmentStatus> Next(ShipmentStatus from) => Moves[from];

    // The way a parcel goes when nothing goes wrong.
    private static readonly ShipmentStatus[] Way = [ShipmentStatus.Due, ShipmentStatus.Exported, ShipmentStatus.Shipped, ShipmentStatus.Delivered];

    public static ShipmentMoveCheck Check(ShipmentStatus from, ShipmentStatus to) =>
        from == to ? ShipmentMoveCheck.Unchanged
        : Moves[from].Contains(to) ? ShipmentMoveCheck.Allowed
        : to != ShipmentStatus.Due && Array.IndexOf(Way, to) >= 0 && Array.IndexOf(Way, to) < Array.IndexOf(Way, from) ? ShipmentMoveCheck.AlreadyPast
        : ShipmentMoveCheck.Refused;

    /// <summary>
    /// Staff and the partner's file move shipments on from Exported; only an export makes a shipment Exported, so
    /// that every exported shipment is in a file the partner has.
    /// </summary>
    public static IReadOnlyList<ShipmentStatus> ByHand(ShipmentStatus from) => [.. Moves[from].Where(to => to != ShipmentStatus.Exported)];

    /// <summary>A problem the parcel ran into, which a CS action follows up.</summary>
    public static bool IsProblem(this ShipmentStatus status) => status is ShipmentStatus.Returned or ShipmentStatus.AddressProblem;
}
