using ProgramOps.Web.Features.Participants;
using ProgramOps.Web.Features.Programs;

namespace ProgramOps.Web.Features.Supplies;

/// <summary>A shipment of the program that has come due in its supply week (see <see cref="Shipment"/>), and the day it is due.</summary>
public sealed record DueShipment(int SupplyWeek, string Item, string? ItemEn, DateOnly DueOn);

/// <summary>When a program's shipments are due, and when a sent one is overdue. No I/O.</summary>
public static class ShipmentSchedule
{
    /// <summary>The kit sent at enrolment; its delivery is what "has the first kit arrived" asks about.</summary>
    public const int FirstKitWeek = 0;

    /// <summary>
    /// Days the fulfilment partner has to ship an exported parcel: they pick and pack within two working days, so
    /// five calendar days covers a weekend and a public holiday before CS chases it.
    /// </summary>
    public const int DaysToShip = 5;

    /// <summary>
    /// Days a shipped parcel may take to arrive: Japanese domestic delivery takes one to three days and remote
    /// islands up to a week, so ten days without a delivery means it is stuck or lost.
    /// </summary>
    public const int DaysToDeliver = 10;

    /// <summary>Who is sent supplies: enrolled and still in the program (not invited only, not after an exit).</summary>
    public static bool Receives(ParticipantState state) => state.IsEnrolled();

    /// <summary>
    /// The day a shipment is due: the first kit on the day the participant enrolled (for anyone found enrolled,
    /// the day they were found: at once), week W on the cohort's start day plus 7·W days.
    /// </summary>
    public static DateOnly DueOn(int supplyWeek, DateOnly cohortStart, DateOnly enrolledOn) =>
        supplyWeek == FirstKitWeek ? enrolledOn : cohortStart.AddDays(7 * supplyWeek);

    /// <summary>The program's shipments due by <paramref name="today"/> for a participant enrolled by then, in week order.</summary>
    public static IReadOnlyList<DueShipment> DueBy(IEnumerable<Shipment> shipments, DateOnly cohortStart, DateOnly today) =>
        [.. shipments
            .Select(s => new DueShipment(s.SupplyWeek, s.Item, s.ItemEn, DueOn(s.SupplyWeek, cohortStart, today)))
            .Where(s => s.DueOn <= today)
            .OrderBy(s => s.SupplyWeek)];

    /// <summary>Exported on or before this day and still not shipped: overdue.</summary>
    public static DateOnly ExportedOverdueOnOrBefore(DateOnly today) => today.AddDays(-DaysToShip);

    /// <summary>Shipped on or before this day and still not delivered: overdue.</summary>
    public static DateOnly ShippedOverdueOnOrBefore(DateOnly today) => today.AddDays(-DaysToDeliver);
}
