namespace ProgramOps.Web.Features.Revenue;

public enum PeriodLength
{
    Year,
    Quarter,
}

/// <summary>
/// A fiscal year or one of its quarters. Figures compare the recurring revenue at the close of the day before it starts
/// (<see cref="OpeningDay"/>) with that at the close of its last day, or of today while it is still running.
/// </summary>
public sealed record RevenuePeriod(int FiscalYear, int? Quarter, DateOnly Start, DateOnly End)
{
    public DateOnly OpeningDay => Start.AddDays(-1);

    public DateOnly ClosingDay(DateOnly today) => End < today ? End : today;

    public bool IsComplete(DateOnly today) => End < today;
}

/// <summary>
/// Fiscal years named by the calendar year they start in, as 年度 are (with April as the first month, FY2025 runs from
/// 1 April 2025 to 31 March 2026); quarters are the year's three-month quarters from its first month.
/// </summary>
public static class FiscalCalendar
{
    public const int DefaultStartMonth = 4;

    public static RevenuePeriod Year(int fiscalYear, int startMonth)
    {
        var start = new DateOnly(fiscalYear, startMonth, 1);
        return new RevenuePeriod(fiscalYear, null, start, start.AddYears(1).AddDays(-1));
    }

    public static RevenuePeriod Quarter(int fiscalYear, int quarter, int startMonth)
    {
        var start = new DateOnly(fiscalYear, startMonth, 1).AddMonths((quarter - 1) * 3);
        return new RevenuePeriod(fiscalYear, quarter, start, start.AddMonths(3).AddDays(-1));
    }

    public static int FiscalYearOf(DateOnly day, int startMonth) => day.Month >= startMonth ? day.Year : day.Year - 1;

    /// <summary>The <paramref name="count"/> periods that end with the one holding <paramref name="today"/>, oldest first.</summary>
    public static IReadOnlyList<RevenuePeriod> Recent(PeriodLength length, int count, int startMonth, DateOnly today)
    {
        var year = FiscalYearOf(today, startMonth);
        if (length == PeriodLength.Year)
        {
            return [.. Enumerable.Range(year - count + 1, count).Select(y => Year(y, startMonth))];
        }

        var current = (((today.Month - startMonth + 12) % 12) / 3) + 1;
        var index = (year * 4) + current - 1;
        return [.. Enumerable.Range(index - count + 1, count).Select(i => Quarter(i / 4, (i % 4) + 1, startMonth))];
    }
}
