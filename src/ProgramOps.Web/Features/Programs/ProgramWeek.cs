namespace ProgramOps.Web.Features.Programs;

/// <summary>Program weeks are counted from the cohort's start day: days 0–6 are week 1.</summary>
public static class ProgramWeek
{
    /// <returns>The week <paramref name="day"/> falls in, or null before the start.</returns>
    public static int? Of(DateOnly start, DateOnly day) => day >= start ? ((day.DayNumber - start.DayNumber) / 7) + 1 : null;

    /// <summary>No program runs longer (ten years): a filter on a later week matches nobody rather than leaving the calendar.</summary>
    public const int MaxWeeks = 520;

    /// <summary>The first day of <paramref name="week"/> (at most <see cref="MaxWeeks"/>), and the first day after it.</summary>
    public static (DateOnly From, DateOnly Before) Days(DateOnly start, int week) => (start.AddDays((week - 1) * 7), start.AddDays(week * 7));
}
