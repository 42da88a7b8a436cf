namespace ProgramOps.Web.Features.Revenue;

public sealed class RevenueOptions
{
    public const string Section = "Revenue";

    /// <summary>The month fiscal years start in (April for 年度); the Revenue page can be asked for another.</summary>
    public int FiscalYearStartMonth { get; set; } = FiscalCalendar.DefaultStartMonth;
}
