namespace ProgramOps.Web.Infrastructure.Time;

public sealed class TimeZoneOptions
{
    public const string Section = "Display";

    /// <summary>IANA id of the zone dates are shown and computed in unless a program says otherwise.</summary>
    public string TimeZone { get; set; } = "Asia/Tokyo";
}

/// <summary>Now and today as staff see them: in the configured zone, not the server's.</summary>
public sealed class LocalClock(TimeProvider time, TimeZoneInfo zone)
{
    public TimeZoneInfo Zone { get; } = zone;

    /// <summary>The clock this one reads, for services that take a TimeProvider.</summary>
    public TimeProvider Time { get; } = time;

    public DateTimeOffset UtcNow => Time.GetUtcNow();

    public DateOnly Today => DateOnly.FromDateTime(ToLocal(UtcNow).DateTime);

    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The instant a local calendar day begins, for filtering stored UTC times by local dates.</summary>
    public DateTimeOffset StartOf(DateOnly day)
    {
        // The calendar's first day has no local midnight within DateTimeOffset east of UTC: it stands for "from the start".
        if (day == DateOnly.MinValue) return DateTimeOffset.MinValue;
        var midnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(midnight, Zone.GetUtcOffset(midnight)).ToUniversalTime();
    }

    /// <summary>The first instant after <paramref name="day"/> (its end, exclusive); the calendar's last day never ends.</summary>
    public DateTimeOffset EndOf(DateOnly day) => day == DateOnly.MaxValue ? DateTimeOffset.MaxValue : StartOf(day.AddDays(1));
}
