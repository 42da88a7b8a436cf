namespace ProgramOps.Web.Features.Actions;

/// <summary>
/// Japanese working days: not Saturday or Sunday, not a national holiday (国民の祝日に関する法律: the fixed days, the
/// Happy Monday days, the equinoxes, substitute holidays 振替休日 and a day between two holidays 国民の休日), and not the
/// year-end closure (年末年始, 29 December – 3 January) that Japanese companies and health-insurance societies keep.
/// Holidays follow the law as it stands since 2020 (天皇誕生日 on 23 February); the equinox formula holds until 2099.
/// </summary>
public static class JapaneseWorkingDays
{
    public static bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsYearEndClosure(day) && !IsHoliday(day);

    /// <summary>The working day <paramref name="days"/> working days after <paramref name="from"/> (0: <paramref name="from"/> itself if it is one, else the next).</summary>
    public static DateOnly Add(DateOnly from, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var day = from;
        while (!IsWorkingDay(day)) day = day.AddDays(1);
        for (var added = 0; added < days; added++)
        {
            do day = day.AddDays(1);
            while (!IsWorkingDay(day));
        }

        return day;
    }

    /// <summary>The last working day on or before <paramref name="day"/>.</summary>
    public static DateOnly OnOrBefore(DateOnly day)
    {
        while (!IsWorkingDay(day)) day = day.AddDays(-1);
        return day;
    }

    private static bool IsYearEndClosure(DateOnly day) => (day.Month == 12 && day.Day >= 29) || (day.Month == 1 && day.Day <= 3);

    public static bool IsHoliday(DateOnly day)
    {
        if (IsNamedHoliday(day)) return true;
        // 振替休日: a holiday on a Sunday moves to the next day that is not a holiday itself.
        for (var before = day.AddDays(-1); IsNamedHoliday(before); before = before.AddDays(-1))
        {
            if (before.DayOfWeek == DayOfWeek.Sunday) return true;
        }

        // 国民の休日: a weekday between two holidays.
        return day.DayOfWeek != DayOfWeek.Sunday && IsNamedHoliday(day.AddDays(-1)) && IsNamedHoliday(day.AddDays(1));
    }

    private static bool IsNamedHoliday(DateOnly day) => (day.Month, day.Day) switch
    {
        (1, 1) or (2, 11) or (2, 23) or (4, 29) or (5, 3) or (5, 4) or (5, 5) or (8, 11) or (11, 3) or (11, 23) => true,
        (1, _) => IsNthMonday(day, 2),   // 成人の日
        (7, _) => IsNthMonday(day, 3),   // 海の日
        (9, _) => IsNthMonday(day, 3) || day.Day == EquinoxDay(day.Year, 23.2488),   // 敬老の日, 秋分の日
        (10, _) => IsNthMonday(day, 2),  // スポーツの日
        (3, _) => day.Day == EquinoxDay(day.Year, 20.8431),   // 春分の日
        _ => false,
    };

    private static bool IsNthMonday(DateOnly day, int n) => day.DayOfWeek == DayOfWeek.Monday && (day.Day - 1) / 7 == n - 1;

    /// <summary>The day of the month of an equinox, by the formula the National Astronomical Observatory's dates follow (1980–2099).</summary>
    private static int EquinoxDay(int year, double baseDay) =>
        (int)Math.Floor(baseDay + (0.242194 * (year - 1980)) - Math.Floor((year - 1980) / 4.0));
}
